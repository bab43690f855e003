import { expect, expectConsoleErrors, test } from './support/fixtures';
import { expectInertPanel, watchForInjectedScript } from './support/injected-script';

test.describe('contact detail', () => {
  test('clicking a row opens its record beside the table, in the URL, and Esc returns to the row', async ({
    page,
    app,
    workspaces,
  }) => {
    const contacts = (await app.openView({ workspace: workspaces.large.id })).data;

    // Scrolled down a little: the table must stay where it was while the record is open.
    await app.grid.evaluate((grid) => grid.scrollTo({ top: 300 }));
    const first = contacts[12];
    if (!first) throw new Error('the large workspace has fewer than 13 contacts');
    const row = app.renderedRows().filter({ hasText: first.email ?? '' });
    await expect(row).toBeVisible();
    const scrollTop = await app.grid.evaluate((grid) => grid.scrollTop);
    expect(scrollTop).toBe(300);
    await row.getByRole('gridcell').nth(3).click();

    const panel = page.getByRole('dialog', { name: first.full_name ?? '' });
    await expect(panel).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`contact=${first.id}`));
    await expect(panel.getByRole('link', { name: first.email ?? '' })).toHaveAttribute(
      'href',
      `mailto:${first.email}`,
    );
    await expect(panel.getByRole('region', { name: 'Campaigns' })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/contact=/);
    await expect(row).toBeFocused();
    expect(await app.grid.evaluate((grid) => grid.scrollTop)).toBe(scrollTop);
  });

  test('a link with contact= opens the record with every group, custom fields by label, and campaigns by name', async ({
    page,
    workspaces,
    api,
    app,
  }) => {
    const workspace = workspaces.large.id;
    const campaigns = await api.campaigns(workspace);
    const campaign = campaigns.find((candidate) => (candidate.contacts ?? 0) > 0);
    if (!campaign) throw new Error('no campaign with contacts');
    const member = (await api.contacts({ workspace, campaign: campaign.id, display: 1 })).data[0];
    if (!member) throw new Error('the campaign has no contacts');

    await app.open({ workspace, contact: member.id });

    const panel = page.getByRole('dialog', { name: member.full_name || member.email || member.id });
    await expect(panel).toBeVisible();
    for (const group of [
      'Person',
      'Company',
      'Address',
      'Social and web',
      'Notes',
      'Custom fields',
      'Campaigns',
    ]) {
      await expect(panel.getByRole('region', { name: group })).toBeVisible();
    }
    await expect(panel.getByRole('region', { name: 'Address' })).toContainText('Local time');
    const campaignsRegion = panel.getByRole('region', { name: 'Campaigns' });
    await expect(campaignsRegion).toContainText(campaign.name);
    for (const label of [
      'Last sent',
      'Last open',
      'Last click',
      'Last reply',
      'Last unsubscribe',
      'Last bounce',
    ]) {
      await expect(campaignsRegion.getByText(label, { exact: true }).first()).toBeVisible();
    }

    await panel.getByRole('button', { name: 'Close contact details' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/contact=/);
  });

  test('a focused row keeps its contact while scrolled out of view: Enter still opens that one', async ({
    page,
    app,
    workspaces,
  }) => {
    const contacts = (await app.openView({ workspace: workspaces.large.id, display: 2000 })).data;
    const second = contacts[1];
    if (!second) throw new Error('the large workspace has fewer than 2 contacts');

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(app.row(2)).toBeFocused();
    // Far enough that the row elements on screen now show other contacts.
    await app.grid.evaluate((grid) => grid.scrollTo({ top: 20_000 }));
    await expect(app.row(560)).toBeVisible();
    await expect(app.row(2)).toBeFocused();
    await expect(app.row(2)).toContainText(second.email ?? '');

    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: second.full_name ?? '' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`contact=${second.id}`));
  });

  test('the keyboard moves through rows, opens one with Enter and closes it with Escape', async ({
    page,
    app,
    workspaces,
  }) => {
    const contacts = (await app.openView({ workspace: workspaces.large.id })).data;

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    // j, j, ArrowDown, k: rows 1, 2, 3, then back to 2.
    const focused = app.renderedRows().filter({ hasText: contacts[1]?.email ?? '' });
    await expect(focused).toBeFocused();

    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: contacts[1]?.full_name ?? '' });
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(focused).toBeFocused();

    await page.keyboard.press('/');
    await expect(app.search).toBeFocused();
    await page.keyboard.press('Escape');
    await app.grid.focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });

  test('Copy email confirms visibly', async ({ page, context, app, api, workspaces }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const workspace = workspaces.large.id;
    const contact = (await api.contacts({ workspace, display: 1 })).data[0];
    if (!contact?.email) throw new Error('no contact with an email');
    await app.open({ workspace, contact: contact.id });

    await page.getByRole('button', { name: 'Copy email' }).click();

    await expect(app.status('Copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(contact.email);
  });

  test.describe('when the panel code cannot be fetched', () => {
    // The browser logs the failed fetch and React the failure its boundary caught; nothing else.
    test.use(
      expectConsoleErrors(
        /^Failed to load resource: net::ERR_FAILED$/,
        /^FeatureLoadError: Its code did not arrive/,
      ),
    );

    test('the panel says so in words, and Retry loads it', async ({ page, app, workspaces }) => {
      const [contact] = (await app.openView({ workspace: workspaces.large.id })).data;
      if (!contact) throw new Error('the large workspace has no contacts');
      const release = await app.withholdChunk('contact-detail-panel');

      await app.row(1).getByRole('gridcell').nth(3).click();
      const panel = page.getByRole('dialog');
      await expect(panel.getByRole('alert')).toContainText('Could not load the contact details');
      // The rows stay usable behind it, and the URL names the contact.
      await expect(app.row(1)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`contact=${contact.id}`));

      release();
      await panel.getByRole('button', { name: 'Retry' }).click();
      await expect(panel.getByRole('alert')).toHaveCount(0);
      await expect(panel.getByRole('link', { name: contact.email ?? '' })).toHaveAttribute(
        'href',
        `mailto:${contact.email}`,
      );
    });
  });
});

test.describe('hostile contacts in the detail panel', () => {
  test('render as inert text: no script runs, no javascript: or data: link exists', async ({
    page,
    app,
    workspaces,
  }) => {
    test.setTimeout(120_000);
    const ranScript = watchForInjectedScript(page);
    const hostile = (await app.openView({ workspace: workspaces.large.id, search: 'hostile.example' })).data;
    expect(hostile.length).toBeGreaterThan(20);

    await page.keyboard.press('j');
    for (const contact of hostile) {
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`contact=${contact.id}`));
      const panel = page.getByRole('dialog').filter({ has: page.getByRole('region', { name: 'Person' }) });
      await expect(panel.getByRole('region', { name: 'Campaigns' })).toBeVisible();
      await expectInertPanel(page, panel, contact.email ?? contact.id);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      await page.keyboard.press('j');
    }
    await ranScript();
  });
});
