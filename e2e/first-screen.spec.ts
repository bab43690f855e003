import { expect, test } from './support/fixtures';

test('the app opens on the sandbox and lists its workspaces', async ({ page, request, workspaces }) => {
  const health = await request.get('/healthz');
  expect(await health.json(), 'the end-to-end server runs on the sandbox').toEqual({
    status: 'ok',
    mode: 'sandbox',
  });

  await page.goto('/');

  await expect(page).toHaveTitle('Mailstand Contacts');
  await expect(page.getByRole('heading', { name: 'Mailstand Contacts' })).toBeVisible();
  const workspace = page.getByRole('combobox', { name: 'Workspace' });
  await expect(workspace).toBeVisible();
  await expect(workspace.getByRole('option')).toHaveText(
    workspaces.all.map((entry) => entry.name),
    { useInnerText: true },
  );
});
