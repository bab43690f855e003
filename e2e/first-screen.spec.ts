import { expect, test } from './support/fixtures';

test('the app opens on the sandbox and lists its workspaces', async ({ page, request, app, workspaces }) => {
  const health = await request.get('/healthz');
  expect(await health.json(), 'the end-to-end server runs on the sandbox').toEqual({
    status: 'ok',
    mode: 'sandbox',
  });

  await app.open();

  await expect(page).toHaveTitle('Mailstand Contacts');
  await expect(page.getByRole('heading', { name: 'Mailstand Contacts' })).toBeVisible();
  await expect(app.workspace).toBeVisible();
  await expect(app.workspace.getByRole('option')).toHaveText(
    workspaces.all.map((entry) => entry.name),
    { useInnerText: true },
  );
});
