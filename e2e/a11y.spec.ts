import { ERROR_LABELS, errorBody } from '../src/shared/contract';
import { expectNoSeriousViolations } from './support/axe';
import { ContactsScreen } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

test.describe('accessibility (axe)', () => {
  // axe walks the whole page, grid included: slow on a busy 2-core machine.
  test.describe.configure({ timeout: 120_000 });
  test('the main view with contacts', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id });
    await screen.expectSettled();
    await expectNoSeriousViolations(page);
  });

  test('the filters with the campaign list open', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id, stage: 'Replied', has_opened: 'true' });
    await screen.expectSettled();
    await screen.campaign.click();
    await expect(page.getByRole('listbox')).toBeVisible();
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('no contacts matching the filters', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id, search: 'no-such-address-anywhere' });
    await expect(page.getByText('No contacts match these filters')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the empty workspace', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.empty.id });
    await expect(page.getByText(/has no contacts yet/)).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the campaign overview with a stage funnel', async ({ page, workspaces }) => {
    await page.goto(`/campaigns?workspace=${workspaces.large.id}`);
    await expect(page.getByRole('table', { name: 'Campaigns' }).getByRole('rowheader').first()).toBeVisible();
    await expect(page.getByRole('img', { name: /^Contacts per stage in .*\d\.$/ })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the filter drawer on a narrow screen', async ({ page, app, workspaces }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await app.openView({ workspace: workspaces.large.id, stage: 'Replied' });
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the contact detail panel open', async ({ page, app, openView, workspaces }) => {
    const contacts = (await openView({ workspace: workspaces.large.id })).data;
    const contact = contacts[0];
    if (!contact) throw new Error('the large workspace has no contacts');
    await app.renderedRows().first().getByRole('gridcell').nth(3).click();
    const panel = page.getByRole('dialog', { name: contact.full_name || contact.email || contact.id });
    await expect(panel.getByRole('region', { name: 'Campaigns' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test.describe('the error state', () => {
    test.use({
      expectedConsoleErrors: [/^Failed to load resource: the server responded with a status of 429 /],
    });

    test('an error above the last good rows, dimmed', async ({ page, app, openView, workspaces }) => {
      const firstPage = await openView({ workspace: workspaces.large.id });
      await page.route('**/api/contacts?*stage=Replied*', (route) =>
        route.fulfill({
          status: 429,
          json: errorBody(429, ERROR_LABELS.outOfCredits, 'You have run out of API credits.'),
        }),
      );
      await app.stage('Replied').check();
      await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
      // The rows of the last good page are still there to read, marked as not current.
      await expect(app.grid).toHaveAttribute('aria-busy', 'true');
      await expect(app.grid).toHaveAttribute('data-stale', 'true');
      await expect(app.renderedRows().first()).toContainText(firstPage.data[0]?.email ?? '');
      await expectNoSeriousViolations(page);
    });

    test('an error with Retry', async ({ page, workspaces }) => {
      const screen = new ContactsScreen(page);
      await page.route(
        (url) => url.pathname === '/api/contacts',
        (route) =>
          route.fulfill({
            status: 429,
            json: errorBody(429, ERROR_LABELS.outOfCredits, 'You have run out of API credits.'),
          }),
      );
      await screen.open({ workspace: workspaces.large.id });
      await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the filters, the grid and the paging controls', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.large.id });
    await screen.expectSettled();
    await screen.expectSidebarReady();

    const wanted = {
      Workspace: page.getByRole('combobox', { name: 'Workspace' }),
      Campaign: screen.campaign,
      Stage: screen.stageGroup.getByRole('radio', { checked: true }),
      Opened: screen.engagement('Opened'),
      'Search email': screen.search,
      'the grid': screen.grid,
      'Next page': screen.button('Next page'),
      'Rows per page': page.getByRole('combobox', { name: 'Rows per page' }),
    };
    // Marked once, so that each Tab press costs one look at the focused element.
    for (const [name, locator] of Object.entries(wanted))
      await locator.evaluate((element, mark) => element.setAttribute('data-tab-check', mark), name);
    const reached = new Set<string>();
    await page.locator('body').focus();
    for (let presses = 0; presses < 400 && reached.size < Object.keys(wanted).length; presses += 1) {
      await page.keyboard.press('Tab');
      const mark = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-check') ?? null);
      if (mark !== null) reached.add(mark);
    }
    expect([...reached].sort()).toEqual(Object.keys(wanted).sort());

    // The grid takes the focus and is operable from the keyboard: a key scrolls it.
    await screen.grid.evaluate((grid) => grid.scrollTo({ top: 0 }));
    await screen.grid.focus();
    await expect(screen.grid).toBeFocused();
    const before = await screen.grid.evaluate((grid) => grid.scrollTop);
    await page.keyboard.press('PageDown');
    await expect.poll(() => screen.grid.evaluate((grid) => grid.scrollTop)).toBeGreaterThan(before);
  });
});

test.describe('keyboard alone', () => {
  test('Tab through the filters to the grid, Enter opens a row, Escape closes it', async ({
    page,
    app,
    openView,
    workspaces,
  }) => {
    const contacts = (await openView({ workspace: workspaces.large.id })).data;
    const first = contacts[0];
    if (!first) throw new Error('the large workspace has no contacts');

    await page.locator('body').focus();
    const passed = new Set<string>();
    for (let presses = 0; presses < 200; presses += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        inFilters: document.activeElement?.closest('aside[aria-label="Filters"]') !== null,
        isGrid: document.activeElement?.getAttribute('role') === 'grid',
        name: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '',
      }));
      if (focused.inFilters) passed.add(focused.name);
      if (focused.isGrid) break;
    }
    await expect(app.grid).toBeFocused();
    // The grid came after the filters: Tab went through the sidebar's controls on its way.
    expect(passed.size).toBeGreaterThan(3);

    await page.keyboard.press('ArrowDown');
    const row = app.renderedRows().filter({ hasText: first.email ?? '' });
    await expect(row).toBeFocused();
    // The focused row describes its cells, as a pointer over it would show their titles.
    await expect(await app.cell(row, 'Email Address')).toHaveAccessibleDescription(first.email ?? '');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: first.full_name || first.email || first.id });
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();
  });
});

test.describe('row order for assistive technology', () => {
  test('after scrolling, the rows reach a screen reader top to bottom, whatever order their recycled elements stand in', async ({
    page,
    app,
    openView,
    workspaces,
  }) => {
    const contacts = (await openView({ workspace: workspaces.large.id })).data;
    // Far enough that rows scrolled out have handed their elements to rows scrolled in.
    await app.grid.evaluate((grid) => grid.scrollTo({ top: 36 * 25 }));
    const scrolledTo = contacts[25];
    if (!scrolledTo) throw new Error('the large workspace has fewer than 26 contacts');
    await expect(app.renderedRows().filter({ hasText: scrolledTo.email ?? '' })).toBeVisible();

    // Chromium's accessibility tree, as a screen reader gets it.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const rowNames: string[] = [];
    const visit = (id: string) => {
      const node = byId.get(id);
      if (node?.role?.value === 'row') rowNames.push(String(node.name?.value ?? ''));
      else for (const child of node?.childIds ?? []) visit(child);
    };
    const grid = nodes.find((node) => node.role?.value === 'grid');
    if (!grid) throw new Error('no grid in the accessibility tree');
    visit(grid.nodeId);

    // Each data row's position in the page, found by its name, which starts with its checkbox's label.
    const labels = contacts.map((contact) => `Select ${contact.email || contact.full_name || contact.id} `);
    const positions = rowNames.flatMap((name) => {
      const index = labels.findIndex((label) => name.startsWith(label));
      return index === -1 ? [] : [index];
    });
    expect(positions.length).toBeGreaterThan(20);
    const first = positions[0] ?? 0;
    expect(positions).toEqual(positions.map((_, offset) => first + offset));
    expect(positions).toContain(25);
  });
});
