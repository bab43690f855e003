import { CAMPAIGN_TIMESTAMP_FIELDS, isStage, type Stage } from '../src/shared/contract';
import { columnLabel } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

const CAMPAIGN_COLUMNS = CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.label);

test.describe('narrowing the contacts of a workspace', () => {
  test('the total on screen is what the API reports for the workspace', async ({ app, workspaces }) => {
    await app.openView({ workspace: workspaces.large.id });

    await expect(app.row(1)).toBeVisible();
  });

  test('choosing a workspace in the sidebar shows its contacts', async ({ page, app, workspaces }) => {
    await app.open();

    await app.workspace.selectOption({ label: workspaces.small.name });

    await expect(page).toHaveURL(new RegExp(`workspace=${workspaces.small.id}`));
    await app.expectView({ workspace: workspaces.small.id });
  });

  test('a stage shows only contacts in that stage', async ({ page, app, workspaces }) => {
    const workspace = workspaces.large.id;
    await app.openView({ workspace });
    const stage: Stage = 'Replied';

    await app.stage(stage).check();

    await expect(page).toHaveURL(/stage=Replied/);
    await expect(app.stage(stage)).toBeChecked();
    await app.expectView({ workspace, stage });
    const stages = await app.columnTexts(columnLabel('stage'));
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(stages)).toEqual(new Set([stage]));

    await app.stage('All stages').check();
    await app.expectView({ workspace });
    await expect(page).not.toHaveURL(/stage=/);
  });

  test('a campaign narrows the list and brings its timestamp columns, which leave with it', async ({
    page,
    app,
    api,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const campaigns = await api.campaigns(workspace);
    // A campaign whose name no other campaign contains, so typing it picks exactly that one.
    // A live campaign has sent mail, so its timestamp columns hold values.
    const campaign = campaigns.find(
      (candidate) =>
        candidate.status === 'live' &&
        (candidate.contacts ?? 0) > 0 &&
        campaigns.every((other) => other === candidate || !other.name.includes(candidate.name)),
    );
    if (!campaign) throw new Error('the large workspace should have a live campaign with contacts');
    await app.openView({ workspace });
    for (const column of CAMPAIGN_COLUMNS) {
      await expect(app.grid.getByRole('columnheader', { name: column })).toHaveCount(0);
    }

    await app.chooseCampaign(campaign.name);

    await expect(page).toHaveURL(new RegExp(`campaign=${campaign.id}`));
    await app.expectView({ workspace, campaign: campaign.id });
    for (const column of CAMPAIGN_COLUMNS) {
      await expect(app.grid.getByRole('columnheader', { name: column })).toBeVisible();
    }
    // Times show in the browser's zone (named above the table), the exact UTC time on hover.
    await expect(page.getByText(/Campaign times in America\/New_York/)).toBeVisible();
    const firstRows = (await api.contacts({ workspace, campaign: campaign.id, display: 15 })).data;
    const sentIndex = firstRows.findIndex((contact) => contact.last_sent !== null);
    const sent = firstRows[sentIndex]?.last_sent;
    if (typeof sent !== 'number')
      throw new Error('a live campaign should have sent to one of its first 15 contacts');
    const sentRow = app.row(sentIndex + 1);
    const sentTitle = await app.cellTitle(sentRow, 'Last sent');
    await expect(sentTitle).toBeVisible();
    await expect(sentTitle).toHaveAttribute(
      'title',
      `${new Date(sent * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    );
    const neverIndex = firstRows.findIndex((contact) => contact.last_bounce === null);
    expect(neverIndex, 'one of the first 15 contacts never bounced').toBeGreaterThanOrEqual(0);
    const neverRow = app.row(neverIndex + 1);
    await expect(await app.cell(neverRow, 'Last bounce')).toHaveText('—');

    // The stage shown with a campaign is the contact's stage in that campaign: take one it has.
    const stage = (await api.contacts({ workspace, campaign: campaign.id, display: 1 })).data[0]?.stage;
    if (!stage || !isStage(stage))
      throw new Error(`the campaign's first contact has no known stage: ${stage}`);
    await app.stage(stage).check();
    await app.expectView({ workspace, campaign: campaign.id, stage });
    for (const shown of await app.columnTexts(columnLabel('stage'))) expect(shown).toBe(stage);

    await app.campaign.click();
    await page.getByRole('option', { name: 'All campaigns' }).click();

    await expect(page).not.toHaveURL(/campaign=/);
    await app.expectView({ workspace, stage });
    for (const column of CAMPAIGN_COLUMNS) {
      await expect(app.grid.getByRole('columnheader', { name: column })).toHaveCount(0);
    }
  });

  test('engagement checkboxes each narrow the list, together as well', async ({ page, app, workspaces }) => {
    const workspace = workspaces.large.id;
    await app.openView({ workspace });

    await app.engagement('Opened').check();
    await expect(page).toHaveURL(/has_opened=true/);
    const opened = (await app.expectView({ workspace, has_opened: true })).total_found;

    await app.engagement('Replied').check();
    await expect(page).toHaveURL(/has_replied=true/);
    const openedAndReplied = await app.expectView({ workspace, has_opened: true, has_replied: true });
    expect(openedAndReplied.total_found).toBeLessThan(opened);

    await app.engagement('Opened').uncheck();
    await app.expectView({ workspace, has_replied: true });

    await app.engagement('Replied').uncheck();
    await app.engagement('Bounced').check();
    await app.expectView({ workspace, has_bounced: true });
    await app.engagement('Clicked').check();
    await app.expectView({ workspace, has_bounced: true, has_clicked: true });
  });

  test('searching the email shows only matching addresses', async ({ page, app, api, workspaces }) => {
    const workspace = workspaces.large.id;
    // A realistic query, typed in capitals.
    const query = await api.emailSearch(workspace, 3);
    await app.openView({ workspace });

    await app.search.fill(query.toUpperCase());
    await app.search.press('Enter');

    await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(query.toUpperCase())}`));
    const { total_found } = await app.expectView({ workspace, search: query.toUpperCase() });
    expect(total_found).toBeGreaterThan(0);
    for (const shown of await app.columnTexts(columnLabel('email')))
      expect(shown.toLowerCase()).toContain(query.toLowerCase());
  });

  test('active filters show as chips that remove them, and Clear filters keeps the workspace', async ({
    page,
    app,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    await app.openView({ workspace, stage: 'Interested', has_clicked: true });

    await page.getByRole('button', { name: /^Remove filter: .*Interested/ }).click();
    await expect(app.stage('All stages')).toBeChecked();
    await app.expectView({ workspace, has_clicked: true });

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(app.engagement('Clicked')).not.toBeChecked();
    await expect(page).toHaveURL(new RegExp(`\\?workspace=${workspace}$`));
    await app.expectView({ workspace });
  });
});
