import { expect, test } from './support/fixtures';

test('the app opens on the sandbox and lists its workspaces', async ({ page, request, app, workspaces }) => {
  const health = await request.get('/healthz');
  expect(await health.json(), 'the end-to-end server runs on the sandbox').toEqual({
    status: 'ok',
    mode: 'sandbox',
  });

  await app.open();

  await expect(page).toHaveTitle('Mailstand Contacts');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Mailstand/);
  await expect(page.getByRole('heading', { name: 'Mailstand Contacts' })).toBeVisible();
  await expect(app.workspace).toBeVisible();
  await expect(app.workspace.getByRole('option')).toHaveText(
    workspaces.all.map((entry) => entry.name),
    { useInnerText: true },
  );
});

test('search engines are asked to stay away from this private tool', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
});

test('the app is sent compressed, from the copies the build made', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const copied: string[] = [];
  for (const script of scripts) {
    const size = (
      await (await request.get(String(script), { headers: { 'Accept-Encoding': 'identity' } })).body()
    ).length;
    // The build copies files from 1 KB (the bundler's small runtime chunk is below): smaller gain nothing.
    if (size < 1024) continue;
    copied.push(String(script));
    for (const encoding of ['br', 'gzip']) {
      const response = await request.get(String(script), { headers: { 'Accept-Encoding': encoding } });
      expect(response.status(), script).toBe(200);
      expect(response.headers()['content-encoding'], `${script} as ${encoding}`).toBe(encoding);
    }
  }
  expect(copied, "the app's entry script").not.toEqual([]);
});
