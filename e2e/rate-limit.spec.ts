import { columnLabel, ContactsScreen } from './support/contacts-screen';
import { expect, test } from './support/fixtures';
import { RATE_LIMITED_URL, TIGHT_RATE_LIMIT } from './support/servers';

// This journey runs against the second server, whose sandbox allows only TIGHT_RATE_LIMIT.
test.use({
  baseURL: RATE_LIMITED_URL,
  expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 429/],
});

test(`under a rate limit of ${TIGHT_RATE_LIMIT} the app waits, says so, and reaches the page asked for`, async ({
  page,
  api,
  workspaces,
}) => {
  const screen = new ContactsScreen(page);
  await page.goto('/');
  // Same seed as the main server, so the same workspace names, in a smaller database.
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: workspaces.large.name });
  await expect(screen.renderedRows().first()).toBeVisible();

  // Opening the workspace took the whole allowance (workspaces, campaigns, fields, contacts):
  // the next page is answered 429 Rate Limited, and the app says it waits.
  await screen.button('Next page').click();
  await expect(page.getByRole('status').filter({ hasText: /slow down; retrying in \d+ s/ })).toBeVisible();

  // A person keeps clicking meanwhile; the app ends on the page they asked for.
  for (let target = 3; target <= 6; target += 1) {
    await screen.button('Next page').click();
    await expect(page).toHaveURL(new RegExp(`page=${target}\\b`));
  }
  await expect(page.getByRole('progressbar', { name: 'Loading contacts' })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(screen.grid).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^501–600 of [\d,]+$/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  const workspace = new URL(page.url()).searchParams.get('workspace') ?? '';
  const sixthPage = await api.contacts({ workspace, page: 6 });
  await expect(await screen.cell(screen.renderedRows().first(), columnLabel('email'))).toHaveText(
    sixthPage.data[0]?.email ?? '',
  );
});
