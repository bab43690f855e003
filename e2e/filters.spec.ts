import { CAMPAIGN_TIMESTAMP_FIELDS, isStage, type Stage } from '../src/shared/contract';
import { columnLabel, ContactsScreen, pageRange } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

const CAMPAIGN_COLUMNS = CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.label);

test.describe('narrowing the contacts of a workspace', () => {
  test('the total on screen is what the API reports for the workspace', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace });

    const total = await api.totalFound({ workspace });
    await screen.expectRange(pageRange(1, 100, total));
    await expect(screen.renderedRows().first()).toBeVisible();
  });

  test('choosing a workspace in the sidebar shows its contacts', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open();

    await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: workspaces.small.name });

    await expect(page).toHaveURL(new RegExp(`workspace=${workspaces.small.id}`));
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace: workspaces.small.id })));
  });

  test('a stage shows only contacts in that stage', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace });
    const stage: Stage = 'Replied';

    await screen.stage(stage).check();

    await expect(page).toHaveURL(/stage=Replied/);
    await expect(screen.stage(stage)).toBeChecked();
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, stage })));
    const stages = await screen.columnTexts(columnLabel('stage'));
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(stages)).toEqual(new Set([stage]));

    await screen.stage('All stages').check();
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace })));
    await expect(page).not.toHaveURL(/stage=/);
  });

  test('a campaign narrows the list and brings its timestamp columns, which leave with it', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
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
    await screen.open({ workspace });
    for (const column of CAMPAIGN_COLUMNS) {
      await expect(screen.grid.getByRole('columnheader', { name: column })).toHaveCount(0);
    }

    await screen.chooseCampaign(campaign.name);

    await expect(page).toHaveURL(new RegExp(`campaign=${campaign.id}`));
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, campaign: campaign.id })));
    for (const column of CAMPAIGN_COLUMNS) {
      await expect(screen.grid.getByRole('columnheader', { name: column })).toBeVisible();
    }
    // Times show in the browser's zone (named above the table), the exact UTC time on hover.
    await expect(page.getByText(/Campaign times in America\/New_York/)).toBeVisible();
    const firstRows = (await api.contacts({ workspace, campaign: campaign.id, display: 15 })).data;
    const sentIndex = firstRows.findIndex((contact) => contact.last_sent !== null);
    const sent = firstRows[sentIndex]?.last_sent;
    if (!sent) throw new Error('a live campaign should have sent to one of its first 15 contacts');
    const sentRow = screen.grid.locator(`[role="row"][aria-rowindex="${sentIndex + 2}"]`);
    const sentCell = await screen.cell(sentRow, 'Last sent');
    await expect(
      sentCell.getByTitle(`${new Date(sent * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`),
    ).toBeVisible();
    const neverIndex = firstRows.findIndex((contact) => contact.last_bounce === null);
    expect(neverIndex, 'one of the first 15 contacts never bounced').toBeGreaterThanOrEqual(0);
    const neverRow = screen.grid.locator(`[role="row"][aria-rowindex="${neverIndex + 2}"]`);
    await expect(await screen.cell(neverRow, 'Last bounce')).toHaveText('—');

    // The stage shown with a campaign is the contact's stage in that campaign: take one it has.
    const stage = (await api.contacts({ workspace, campaign: campaign.id, display: 1 })).data[0]?.stage;
    if (!stage || !isStage(stage))
      throw new Error(`the campaign's first contact has no known stage: ${stage}`);
    await screen.stage(stage).check();
    await screen.expectRange(
      pageRange(1, 100, await api.totalFound({ workspace, campaign: campaign.id, stage })),
    );
    for (const shown of await screen.columnTexts(columnLabel('stage'))) expect(shown).toBe(stage);

    await screen.campaign.click();
    await page.getByRole('option', { name: 'All campaigns' }).click();

    await expect(page).not.toHaveURL(/campaign=/);
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, stage })));
    for (const column of CAMPAIGN_COLUMNS) {
      await expect(screen.grid.getByRole('columnheader', { name: column })).toHaveCount(0);
    }
  });

  test('engagement checkboxes each narrow the list, together as well', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace });

    await screen.engagement('Opened').check();
    await expect(page).toHaveURL(/has_opened=true/);
    const opened = await api.totalFound({ workspace, has_opened: true });
    await screen.expectRange(pageRange(1, 100, opened));

    await screen.engagement('Replied').check();
    await expect(page).toHaveURL(/has_replied=true/);
    const openedAndReplied = await api.totalFound({ workspace, has_opened: true, has_replied: true });
    expect(openedAndReplied).toBeLessThan(opened);
    await screen.expectRange(pageRange(1, 100, openedAndReplied));

    await screen.engagement('Opened').uncheck();
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, has_replied: true })));

    await screen.engagement('Replied').uncheck();
    await screen.engagement('Bounced').check();
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, has_bounced: true })));
    await screen.engagement('Clicked').check();
    await screen.expectRange(
      pageRange(1, 100, await api.totalFound({ workspace, has_bounced: true, has_clicked: true })),
    );
  });

  test('searching the email shows only matching addresses', async ({ page, api, workspaces }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    // A realistic query: the first half of some contact's address, typed in capitals.
    const { data } = await api.contacts({ workspace, display: 1, page: 3 });
    const email = data[0]?.email;
    if (!email) throw new Error('the large workspace should have contacts with an email');
    const query = email.slice(0, Math.max(3, email.indexOf('@')));
    await screen.open({ workspace });

    await screen.search.fill(query.toUpperCase());
    await screen.search.press('Enter');

    await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(query.toUpperCase())}`));
    const total = await api.totalFound({ workspace, search: query.toUpperCase() });
    expect(total).toBeGreaterThan(0);
    await screen.expectRange(pageRange(1, 100, total));
    for (const shown of await screen.columnTexts(columnLabel('email')))
      expect(shown.toLowerCase()).toContain(query.toLowerCase());
  });

  test('active filters show as chips that remove them, and Clear filters keeps the workspace', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace, stage: 'Interested', has_clicked: 'true' });
    await screen.expectRange(
      pageRange(1, 100, await api.totalFound({ workspace, stage: 'Interested', has_clicked: true })),
    );

    await page.getByRole('button', { name: /^Remove filter: .*Interested/ }).click();
    await expect(screen.stage('All stages')).toBeChecked();
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace, has_clicked: true })));

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(screen.engagement('Clicked')).not.toBeChecked();
    await expect(page).toHaveURL(new RegExp(`\\?workspace=${workspace}$`));
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace })));
  });
});
