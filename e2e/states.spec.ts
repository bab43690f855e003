import { errorBody, ERROR_LABELS } from '../src/shared/contract';
import { ContactsScreen, pageRange } from './support/contacts-screen';
import { expect, test } from './support/fixtures';

test.describe('empty results', () => {
  test('a search that matches nothing says so and Clear filters brings the contacts back', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    await screen.open({ workspace, stage: 'Replied', search: 'no-such-address-anywhere' });

    await expect(page.getByText('No contacts match these filters')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).last().click();

    await expect(page.getByText('No contacts match these filters')).toHaveCount(0);
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace })));
    await expect(screen.search).toHaveValue('');
    await expect(screen.stage('All stages')).toBeChecked();
  });

  test('the empty workspace explains that it has no contacts yet', async ({ page, workspaces }) => {
    const screen = new ContactsScreen(page);
    await screen.open({ workspace: workspaces.empty.id });

    await expect(page.getByText(/has no contacts yet/)).toBeVisible();
    await expect(page.getByText(/has no contacts yet/)).toContainText(workspaces.empty.name);
  });
});

test.describe('a failing API', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 500/] });

  test('shows the error with Retry, and Retry recovers once the API is back', async ({
    page,
    api,
    workspaces,
  }) => {
    const screen = new ContactsScreen(page);
    const workspace = workspaces.large.id;
    const message = 'Something went wrong on our side. Please try again.';
    let failures = 0;
    await page.route('**/api/contacts?*', async (route) => {
      failures += 1;
      await route.fulfill({ status: 500, json: errorBody(500, ERROR_LABELS.badRequest, message) });
    });

    await screen.open({ workspace });

    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    // Server errors are retried a couple of times by themselves before the panel shows.
    expect(failures).toBeGreaterThanOrEqual(1);
    expect(failures).toBeLessThanOrEqual(3);
    await expect(page.getByRole('heading', { name: 'Mailstand Contacts' })).toBeVisible();
    await expect(screen.stageGroup).toBeVisible();

    await page.unroute('**/api/contacts?*');
    await alert.getByRole('button', { name: 'Retry' }).click();

    await expect(alert).toHaveCount(0);
    await screen.expectRange(pageRange(1, 100, await api.totalFound({ workspace })));
  });
});
