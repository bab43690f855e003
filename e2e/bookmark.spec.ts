import type { Route } from '@playwright/test';
import { expect, expectConsoleErrors, test } from './support/fixtures';
import { columnLabel } from './support/contacts-screen';

/** Holds every `/api/workspaces` request until `release` is called. */
async function holdWorkspaceList(page: import('@playwright/test').Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route('**/api/workspaces', (route) => (released ? route.continue() : held.push(route)));
  return async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
}

test.describe('opening a bookmarked view', () => {
  test('shows its rows while the workspace list has not come in, with one request for them', async ({
    page,
    app,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const pageRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/contacts\?/.test(request.url()) && request.headers()['x-request-purpose'] === 'page')
        pageRequests.push(request.url());
    });
    const release = await holdWorkspaceList(page);

    await app.open({ workspace, stage: 'Replied', display: 2000 });

    await app.expectView({ workspace, stage: 'Replied', display: 2000 });
    await expect(app.row(1)).toBeVisible();
    await expect(page.getByText('Loading workspace…')).toBeVisible();
    expect(pageRequests).toHaveLength(1);

    await release();
    await expect(page.getByRole('heading', { level: 2, name: workspaces.large.name })).toBeVisible();
    await expect(app.workspace).toHaveValue(workspace);
    expect(pageRequests).toHaveLength(1);
  });

  test('asks for campaigns and custom fields only once the page has come in', async ({
    page,
    app,
    workspaces,
  }) => {
    const events: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (/\/api\/campaigns\?/.test(url)) events.push('campaigns asked');
      if (/\/all-fields$/.test(url)) events.push('fields asked');
    });
    page.on('requestfinished', (request) => {
      if (request.headers()['x-request-purpose'] === 'page') events.push('page in');
    });

    await app.openView({ workspace: workspaces.large.id, display: 2000 });
    await expect(page.getByRole('combobox', { name: 'Campaign' })).toBeEnabled();

    expect(events[0]).toBe('page in');
    expect(events).toContain('campaigns asked');
    expect(events).toContain('fields asked');
  });

  test('keeps what is typed into the email search while its 2000 rows arrive and render', async ({
    page,
    app,
    api,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const query = await api.emailSearch(workspace, 5);
    const held: Route[] = [];
    await page.route(
      (url) => url.pathname === '/api/contacts' && url.searchParams.get('display') === '2000',
      (route) =>
        new URL(route.request().url()).searchParams.has('search') ? route.continue() : held.push(route),
    );

    await app.open({ workspace, display: 2000 });
    await expect(app.search).toBeEditable();
    await expect.poll(() => held.length).toBe(1);
    // The page comes in while the keys are pressed: its rows render as the letters are typed.
    const typing = app.search.pressSequentially(query);
    await held[0]?.continue();
    await typing;

    await expect(app.search).toHaveValue(query);
    await app.search.press('Enter');
    const { total_found } = await app.expectView({ workspace, display: 2000, search: query });
    expect(total_found).toBeGreaterThan(0);
    for (const shown of await app.columnTexts(columnLabel('email')))
      expect(shown.toLowerCase()).toContain(query.toLowerCase());
  });

  test.describe('naming a workspace the account does not have', () => {
    test.use(expectConsoleErrors(/Failed to load resource: the server responded with a status of 400/));

    test('says so from the page request, then drops it once the list has come in', async ({ page }) => {
      const unknown = 'space_DoesNotExist0000000000000';
      const release = await holdWorkspaceList(page);

      await page.goto(`/?workspace=${unknown}&stage=Replied`);

      const problem = page.getByRole('alert').filter({ hasText: `No workspace with the id "${unknown}"` });
      await expect(problem).toBeVisible();
      await expect(problem).toContainText('Not found');

      await release();
      await expect(
        page
          .getByRole('status')
          .or(page.getByRole('alert'))
          .filter({ hasText: `Ignored workspace "${unknown}"` }),
      ).toBeVisible();
      await expect(page).not.toHaveURL(new RegExp(unknown));
      await expect(page.getByText('Choose a workspace to see its contacts.')).toBeVisible();
    });
  });
});
