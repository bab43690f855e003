import { expect, test } from './support/fixtures';
import { RATE_LIMITED_URL, TIGHT_RATE_LIMIT } from './support/servers';

// This journey runs against the second server, whose sandbox allows only TIGHT_RATE_LIMIT.
test.use({
  baseURL: RATE_LIMITED_URL,
  expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 429/],
});

test(`under a rate limit of ${TIGHT_RATE_LIMIT} the app waits, says so, and reaches the page asked for`, async ({
  page,
  workspaces,
}) => {
  await page.goto('/');
  // Same seed as the main server, so the same workspace names, in a smaller database.
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: workspaces.large.name });
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();

  // Paging quickly sends more requests than the limit allows: the sandbox answers 429 Rate Limited.
  const next = page.getByRole('button', { name: 'Next page' });
  for (let target = 2; target <= 6; target += 1) {
    await next.click();
    await expect(page).toHaveURL(new RegExp(`page=${target}\\b`));
  }

  await expect(page.getByText(/slow down/i).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^501–600 of [\d,]+$/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('alert').filter({ hasText: /slow down/i })).toHaveCount(0);
});
