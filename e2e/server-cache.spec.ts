import { expect, test } from './support/fixtures';

test('rows from the server’s short cache say how old they are, and Refresh asks Mailstand again', async ({
  page,
  app,
  workspaces,
}) => {
  const workspace = workspaces.small.id;
  await app.openView({ workspace, stage: 'Interested' });
  // The server answered this view a moment ago; opened again, the rows come from its cache.
  await page.reload();
  await app.expectSettled();
  const age = page.getByText(/^as of \d+ s ago$/);
  await expect(age).toBeVisible();

  const refreshed = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/contacts' &&
      new URL(response.url()).searchParams.get('display') !== '1' &&
      response.request().headers()['cache-control'] === 'no-cache',
  );
  await app.button('Refresh').click();
  const response = await refreshed;
  expect(response.status()).toBe(200);
  expect(response.headers()['age']).toBeUndefined();
  await app.expectView({ workspace, stage: 'Interested' });
  await expect(age).toHaveCount(0);
});
