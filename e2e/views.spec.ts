import type { Browser, Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ContactsScreen, formatCount } from './support/contacts-screen';
import { expect, expectConsoleErrors, test } from './support/fixtures';
import { readSavedView, VIEWS_PATH } from '../src/shared/views/saved-view';
import type { ContactsQuery } from './support/sandbox-api';

/** Every view a test makes carries this run's mark, so the tests remove theirs afterwards. */
const RUN_MARK = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let made = 0;
const uniqueName = (what: string) => `${what} ${RUN_MARK}${(made += 1)}`;

// The views file outlives the run (servers are reused outside CI): leave it as it was found.
test.afterEach(async ({ request, workspaces }) => {
  for (const workspace of [workspaces.large, workspaces.small]) {
    const list = await request.get(`${VIEWS_PATH}?workspace=${workspace.id}`);
    const body: unknown = await list.json();
    const views =
      typeof body === 'object' && body !== null && 'data' in body && Array.isArray(body.data)
        ? body.data
        : [];
    for (const view of views.map(readSavedView)) {
      if (view === null || !view.name.includes(RUN_MARK)) continue;
      const deleted = await request.delete(`${VIEWS_PATH}/${view.id}`, { data: { version: view.version } });
      expect(deleted.status(), `deleting the test's view "${view.name}"`).toBe(200);
    }
  }
});

/** The "Saved views" landmark in the sidebar. */
const savedViews = (page: Page) => page.getByRole('navigation', { name: 'Saved views' });

/** A saved view's link, by its name (its count follows the name in the link). */
const viewLinkNamed = (page: Page, name: string) =>
  savedViews(page).getByRole('link', {
    name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
  });

/** A second person: their own browser context (no shared storage), failing on any page or console error. */
async function colleague(browser: Browser): Promise<{ page: Page; app: ContactsScreen; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { page, app: new ContactsScreen(page), problems };
}

async function saveView(page: Page, name: string): Promise<void> {
  await savedViews(page).getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByLabel('View name').fill(name);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** Opens a view's dialog; it is found by role alone after that, as its title follows the view's name. */
async function editView(page: Page, name: string): Promise<Locator> {
  await savedViews(page)
    .getByRole('button', { name: `Edit view ${name}` })
    .click();
  await expect(page.getByRole('dialog', { name: `View “${name}”` })).toBeVisible();
  return page.getByRole('dialog');
}

test.describe('saved views', () => {
  test('a view saved in one browser opens in another with all its filters, page size and columns', async ({
    page,
    app,
    browser,
    workspaces,
  }) => {
    // A campaign whose interested openers with an "a" in their email fill more than one page.
    let query: ContactsQuery | null = null;
    let campaignName = '';
    for (const campaign of await app.api.campaigns(workspaces.large.id)) {
      const candidate: ContactsQuery = {
        workspace: workspaces.large.id,
        campaign: campaign.id,
        stage: 'Interested',
        search: 'a',
        has_opened: true,
        display: 25,
      };
      if ((await app.api.totalFound(candidate)) > 25) {
        query = candidate;
        campaignName = campaign.name;
        break;
      }
    }
    if (query === null) throw new Error('no campaign of the large workspace has interested openers');
    await app.openView(query);
    const control = await app.openColumns();
    await control.getByRole('checkbox', { name: 'City', exact: true }).uncheck();
    await page.keyboard.press('Escape');
    await expect(app.grid.getByRole('columnheader', { name: 'City', exact: true })).toHaveCount(0);
    const headers = await app.headerTexts();

    const name = uniqueName('Interested openers');
    await saveView(page, name);
    const total = await app.api.totalFound(query);
    const link = viewLinkNamed(page, name);
    await expect(link).toHaveAccessibleName(`${name} ${formatCount(total)} contacts`);
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(app.status(`Saved “${name}”.`)).toBeVisible();

    const other = await colleague(browser);
    await other.app.openView({ workspace: workspaces.large.id });
    await expect(other.app.grid.getByRole('columnheader', { name: 'City', exact: true })).toHaveCount(1);
    const otherLink = viewLinkNamed(other.page, name);
    await expect(otherLink).toHaveAccessibleName(`${name} ${formatCount(total)} contacts`);
    await otherLink.click();

    await other.app.expectView(query);
    await expect(other.app.stage('Interested')).toBeChecked();
    await expect(other.app.engagement('Opened')).toBeChecked();
    await expect(other.app.search).toHaveValue('a');
    await expect(other.app.rowsPerPage).toHaveValue('25');
    await expect(other.app.campaign).toHaveValue(campaignName);
    await expect.poll(() => other.app.headerTexts()).toEqual(headers);
    await expect(otherLink).toHaveAttribute('aria-current', 'page');

    // The link is the view's address: opened as such (a new tab, a bookmark), it shows the same.
    const href = await otherLink.getAttribute('href');
    if (href === null) throw new Error('the view link has no href');
    const fresh = await colleague(browser);
    await fresh.page.goto(href);
    await fresh.app.expectView(query);
    await expect.poll(() => fresh.app.headerTexts()).toEqual(headers);
    expect([...other.problems, ...fresh.problems]).toEqual([]);
    await Promise.all([other.page.context().close(), fresh.page.context().close()]);
  });

  test('names are checked, and a deleted view comes back with Undo', async ({ page, app, workspaces }) => {
    await app.openView({ workspace: workspaces.small.id, has_replied: true });
    const name = uniqueName('Repliers');
    await saveView(page, name);

    await savedViews(page).getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The view needs a name.');
    await expect(dialog.getByLabel('View name')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('View name').fill(` ${name.toUpperCase()} `);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      `This workspace already has a view named "${name}": choose another name.`,
    );
    await dialog.getByLabel('View name').fill('x'.repeat(81));
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'A view name has at most 80 characters (this one has 81).',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const edit = await editView(page, name);
    await edit.getByRole('button', { name: 'Delete' }).click();
    await expect(viewLinkNamed(page, name)).toHaveCount(0);
    await expect(app.status(`Deleted “${name}”.`)).toBeVisible();
    await app.status(`Deleted “${name}”.`).getByRole('button', { name: 'Undo' }).click();
    await expect(app.status(`Restored “${name}”.`)).toBeVisible();
    await expect(viewLinkNamed(page, name)).toBeVisible();
  });

  test('the views dialog and the list pass axe', async ({ page, app, workspaces }) => {
    test.setTimeout(120_000);
    await app.openView({ workspace: workspaces.small.id, stage: 'Nurture' });
    // Saved, the view is the current one: the list shows it highlighted.
    await saveView(page, uniqueName('Nurture'));
    await expect(savedViews(page).locator('a[aria-current="page"]')).toHaveCount(1);
    await savedViews(page).getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expectNoSeriousViolations(page, 'dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectNoSeriousViolations(page, 'nav[aria-label="Saved views"]');
  });
});

test.describe('saved views changed by two people', () => {
  // The refused changes are a 409 and a 404 the browser logs as failed resources.
  test.use(
    expectConsoleErrors(
      /the server responded with a status of 409/,
      /the server responded with a status of 404/,
    ),
  );

  test('a change made on an older version of a view is refused, saying who changed it', async ({
    page,
    app,
    browser,
    workspaces,
  }) => {
    await app.openView({ workspace: workspaces.large.id, stage: 'Replied' });
    const name = uniqueName('Replied');
    await saveView(page, name);

    const other = await colleague(browser);
    await other.app.openView({ workspace: workspaces.large.id, has_bounced: true });
    const theirs = await editView(other.page, name);
    const mine = await editView(page, name);

    const renamed = uniqueName('Replied, renamed');
    await theirs.getByLabel('View name').fill(renamed);
    await theirs.getByRole('button', { name: 'Rename' }).click();
    await expect(theirs).toHaveCount(0);
    await expect(viewLinkNamed(other.page, renamed)).toBeVisible();

    await mine.getByRole('button', { name: 'Update to current view' }).click();
    await expect(mine.getByRole('alert')).toHaveText(
      new RegExp(`^"${renamed}" was changed by local just now: reload it to see their change`),
    );
    // Nothing of theirs was overwritten.
    await expect(viewLinkNamed(page, renamed)).toBeVisible();

    await mine.getByRole('button', { name: 'Reload' }).click();
    await expect(mine.getByRole('alert')).toHaveCount(0);
    await mine.getByRole('button', { name: 'Update to current view' }).click();
    await expect(mine).toHaveCount(0);
    await expect(app.status(`“${renamed}” now holds the filters and columns shown.`)).toBeVisible();

    // Deleted by one while the other has it open: the other's change says so, in the dialog.
    const again = await editView(page, renamed);
    await other.page.reload();
    const theirsAgain = await editView(other.page, renamed);
    await theirsAgain.getByRole('button', { name: 'Delete' }).click();
    await expect(theirsAgain).toHaveCount(0);
    await again.getByLabel('View name').fill(uniqueName('Too late'));
    await again.getByRole('button', { name: 'Rename' }).click();
    await expect(again.getByRole('alert')).toHaveText('This view was deleted by local just now.');
    expect(other.problems).toEqual([]);
    await other.page.context().close();
  });
});
