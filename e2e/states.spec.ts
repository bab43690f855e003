import { errorBody, ERROR_LABELS } from '../src/shared/contract';
import { expect, expectConsoleErrors, test } from './support/fixtures';

const NO_MATCHES = 'No contacts match these filters';

test.describe('empty results', () => {
  test('a search that matches nothing says so and Clear filters brings the contacts back', async ({
    page,
    app,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    await app.open({ workspace, stage: 'Replied', search: 'no-such-address-anywhere' });

    await expect(page.getByText(NO_MATCHES)).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).last().click();

    await expect(page.getByText(NO_MATCHES)).toHaveCount(0);
    await app.expectView({ workspace });
    await expect(app.search).toHaveValue('');
    await expect(app.stage('All stages')).toBeChecked();
  });

  test('the empty workspace explains that it has no contacts yet', async ({ page, app, workspaces }) => {
    await app.open({ workspace: workspaces.empty.id });

    const explanation = page.getByText(/has no contacts yet/);
    await expect(explanation).toBeVisible();
    await expect(explanation).toContainText(workspaces.empty.name);
  });
});

test.describe('a failing API', () => {
  test.use(expectConsoleErrors(/Failed to load resource: the server responded with a status of 500/));

  test('shows the error with Retry, and Retry recovers once the API is back', async ({
    page,
    app,
    workspaces,
  }) => {
    const workspace = workspaces.large.id;
    const message = 'Something went wrong on our side. Please try again.';
    let failures = 0;
    await page.route('**/api/contacts?*', async (route) => {
      failures += 1;
      await route.fulfill({ status: 500, json: errorBody(500, ERROR_LABELS.badRequest, message) });
    });

    await app.open({ workspace });

    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    // Server errors are retried a couple of times by themselves before the panel shows.
    expect(failures).toBeGreaterThanOrEqual(1);
    expect(failures).toBeLessThanOrEqual(3);
    await expect(page.getByRole('heading', { name: 'Mailstand Contacts' })).toBeVisible();
    await expect(app.stageGroup).toBeVisible();

    await page.unroute('**/api/contacts?*');
    await alert.getByRole('button', { name: 'Retry' }).click();

    await expect(alert).toHaveCount(0);
    await app.expectView({ workspace });
  });
});
