import type { Locator, Page } from '@playwright/test';
import { CAMPAIGN_TIMESTAMP_FIELDS, readCount, STAGES, type Campaign } from '../src/shared/contract';
import { formatCount } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

/** The overview as a person meets it: the Campaigns table, found by role and name. */
class CampaignsOverview {
  readonly table: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Campaigns' });
    this.status = page.getByRole('combobox', { name: 'Status' });
  }

  /** The campaigns' names, top to bottom. */
  names(): Promise<string[]> {
    return this.table.getByRole('rowheader').allTextContents();
  }

  header(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}

/** The reply rate as the overview prints it, from the counts the API gave. */
function replyRate(campaign: Campaign): number | null {
  const emailed = readCount(campaign.initials).value;
  const replies = readCount(campaign.replies_num).value;
  return emailed === null || replies === null || emailed === 0 ? null : replies / emailed;
}

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toLocaleString('en-US')}%`;

test.describe('campaign overview', () => {
  test('a workspace chosen in the contact browser goes with the header link to the overview', async ({
    page,
    app,
    api,
    workspaces,
  }) => {
    await app.open();
    await app.workspace.selectOption({ label: workspaces.large.name });
    await expect(page).toHaveURL(new RegExp(`workspace=${workspaces.large.id}`));

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Campaigns' }).click();
    await expect(page).toHaveURL(`/campaigns?workspace=${workspaces.large.id}`);
    const overview = new CampaignsOverview(page);
    await expect(overview.table.getByRole('rowheader')).toHaveCount(
      (await api.campaigns(workspaces.large.id)).length,
    );
  });

  test('lists every campaign, sorts and filters in its URL, and a name leads to the campaign view with its timestamps after Stage', async ({
    page,
    app,
    api,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const campaigns = await api.campaigns(workspace);
    expect(campaigns.length).toBeGreaterThan(1);
    await app.openView({ workspace });

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Campaigns' }).click();
    await expect(page).toHaveURL(`/campaigns?workspace=${workspace}`);
    const overview = new CampaignsOverview(page);
    await expect(overview.table.getByRole('rowheader')).toHaveCount(campaigns.length);
    expect((await overview.names()).sort()).toEqual(campaigns.map((campaign) => campaign.name).sort());

    // Highest reply rate first; campaigns nobody was emailed in show a dash, last.
    await overview.header('Reply rate').getByRole('button').click();
    await expect(overview.header('Reply rate')).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/sort=-reply_rate/);
    const byReplies = [...campaigns].sort((a, b) => (replyRate(b) ?? -1) - (replyRate(a) ?? -1));
    const top = byReplies[0];
    if (!top || replyRate(top) === null) throw new Error('the sandbox has a campaign with replies');
    await expect(overview.table.getByRole('rowheader').first()).toHaveText(top.name);
    await expect(overview.row(top.name)).toContainText(percent(replyRate(top) ?? 0));
    const silent = campaigns.find((campaign) => replyRate(campaign) === null);
    if (silent) await expect(overview.row(silent.name).getByRole('cell').nth(4)).toHaveText('—');

    // Filtered by status, and Back brings every campaign again.
    const live = campaigns.filter((campaign) => campaign.status === 'live');
    await overview.status.selectOption('live');
    await expect(page).toHaveURL(/status=live/);
    await expect(overview.table.getByRole('rowheader')).toHaveCount(live.length);
    await page.goBack();
    await expect(overview.status).toHaveValue('');
    await expect(overview.table.getByRole('rowheader')).toHaveCount(campaigns.length);

    // The name is a link to the campaign's contacts, with the six timestamps right after Stage.
    const biggest = [...campaigns].sort((a, b) => (b.contacts ?? 0) - (a.contacts ?? 0))[0];
    if (!biggest) throw new Error('the workspace has campaigns');
    await overview.table.getByRole('link', { name: biggest.name, exact: true }).click();
    await expect(page).toHaveURL(`/?workspace=${workspace}&campaign=${biggest.id}`);
    await app.expectView({ workspace, campaign: biggest.id });
    const headers = await app.headerTexts();
    const stage = headers.indexOf('Stage');
    expect(stage).toBeGreaterThan(0);
    expect(headers.slice(stage + 1, stage + 7)).toEqual(
      CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.label),
    );

    await page.goBack();
    await expect(page).toHaveURL(`/campaigns?workspace=${workspace}&sort=-reply_rate`);
    await expect(overview.table.getByRole('rowheader').first()).toHaveText(top.name);
  });

  test("draws the focused campaign's stage funnel from the stage counts", async ({
    page,
    api,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const campaigns = await api.campaigns(workspace);
    const chosen = [...campaigns].sort((a, b) => (b.contacts ?? 0) - (a.contacts ?? 0))[0];
    if (!chosen) throw new Error('the workspace has campaigns');
    await page.goto(`/campaigns?workspace=${workspace}`);
    await page.getByRole('button', { name: `Stage funnel of ${chosen.name}` }).click();
    await expect(page.getByRole('button', { name: `Stage funnel of ${chosen.name}` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page).toHaveURL(new RegExp(`campaign=${chosen.id}`));
    const counts = await Promise.all(
      STAGES.map(
        async (stage) =>
          `${stage} ${formatCount(await api.totalFound({ workspace, campaign: chosen.id, stage }))}`,
      ),
    );
    await expect(
      page.getByRole('img', { name: `Contacts per stage in ${chosen.name}: ${counts.join(', ')}.` }),
    ).toBeVisible();
  });

  test('corrects a bad address and says what it ignored, served by the server at its own path', async ({
    page,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    await page.goto(`/campaigns?workspace=${workspace}&sort=loudest&status=%3Cb%3E`);
    await expect(page.getByRole('status').filter({ hasText: 'Ignored sort "loudest"' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Ignored status "<b>"' })).toBeVisible();
    await expect(page).toHaveURL(`/campaigns?workspace=${workspace}`);
    await expect(new CampaignsOverview(page).header('Name')).toHaveAttribute('aria-sort', 'ascending');
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the filters open in a drawer from the Filters button, and the grid takes the width', async ({
    page,
    app,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    await app.openView({ workspace, stage: 'Replied' });
    const filters = page.getByRole('button', { name: /^Filters/ });
    await expect(filters).toHaveAccessibleName('Filters 1 active');
    await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden();
    const grid = await app.grid.boundingBox();
    expect(grid?.width ?? 0).toBeGreaterThan(370);

    await filters.click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await expect(drawer).toBeVisible();
    await expect(drawer.locator(':focus')).toHaveCount(1);
    await drawer.getByRole('checkbox', { name: 'Opened', exact: true }).check();
    await expect(page).toHaveURL(/has_opened=true/);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(filters).toBeFocused();
    await expect(filters).toHaveAccessibleName('Filters 2 active');
    await app.expectView({ workspace, stage: 'Replied', has_opened: true });
  });
});
