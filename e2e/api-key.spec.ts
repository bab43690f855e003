import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ERROR_LABELS, errorBody } from '../src/shared/contract';
import { ContactsScreen } from './support/contacts-screen';
import { startFaultUpstream, type FaultUpstream } from './support/fault-upstream';
import { expect, test as base } from './support/fixtures';
import { startLiveApp, type LiveApp } from './support/live-app';
import { APP_URL, E2E_PORT } from './support/servers';

/**
 * The Mailstand key identifies the whole account: it must never reach a browser, the built app or
 * the log. The server runs in live mode with a canary key against a stand-in for Mailstand that
 * accepts only that key, and everything the browser receives in a few journeys is searched for it.
 */

const CANARY = 'key_CANARY_e2e_7f3a9c1d5b2e8f40';
/** The key as it travels in the Authorization header. */
const CANARY_BASIC = Buffer.from(`${CANARY}:`).toString('base64');
const CANARY_PORT = E2E_PORT + 3;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const leaksKey = (text: string) => text.includes(CANARY) || text.includes(CANARY_BASIC);

const test = base.extend<object, { upstream: FaultUpstream; liveApp: LiveApp }>({
  upstream: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the object pattern even when empty.
    async ({}, use) => {
      const upstream = await startFaultUpstream({ sandboxUrl: `${APP_URL}/sandbox-api`, acceptKey: CANARY });
      await use(upstream);
      await upstream.close();
    },
    { scope: 'worker' },
  ],
  liveApp: [
    async ({ upstream }, use) => {
      const app = await startLiveApp({ port: CANARY_PORT, apiKey: CANARY, apiUrl: upstream.url });
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
});

test.describe('the API key', () => {
  test.use({
    // The journey provokes one upstream error that echoes the key back, answered 400.
    expectedConsoleErrors: [/^Failed to load resource: the server responded with a status of 400 /],
  });

  test('appears in no page, asset, API answer or header the browser receives, nor in the server log', async ({
    page,
    api,
    upstream,
    liveApp,
    workspaces,
  }) => {
    const received: { url: string; text: string }[] = [];
    const reading: Promise<void>[] = [];
    page.on('response', (response) => {
      reading.push(
        (async () => {
          let body = '';
          try {
            body = (await response.body()).toString('utf8');
          } catch {
            // Redirects and cancelled requests have no body to read.
          }
          received.push({ url: response.url(), text: JSON.stringify(await response.allHeaders()) + body });
        })(),
      );
    });

    const workspace = workspaces.large;
    const campaign = (await api.campaigns(workspace.id)).find((candidate) => (candidate.contacts ?? 0) > 0);
    if (!campaign) throw new Error('the large workspace has no campaign with contacts');
    const screen = new ContactsScreen(page);

    // Some of these filters match nothing: only the end of loading matters here.
    const loaded = () => expect(page.getByRole('progressbar', { name: 'Loading contacts' })).toHaveCount(0);
    await page.goto(liveApp.url);
    await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: workspace.name });
    await expect(screen.renderedRows().first()).toBeVisible();
    await screen.button('Next page').click();
    await expect(page).toHaveURL(/page=2/);
    await loaded();
    await screen.chooseCampaign(campaign.name);
    await expect(page).toHaveURL(/campaign=/);
    await screen.stage('Prospecting').check();
    await loaded();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await screen.search.fill('hostile.example');
    await expect(page).toHaveURL(/search=hostile\.example/);
    await loaded();

    // An upstream error that echoes the key it was sent, as a careless API might.
    upstream.inject(
      (req, res) => {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify(
            errorBody(
              400,
              ERROR_LABELS.invalidRequest,
              `Key ${CANARY} (${req.headers.authorization ?? ''}) may not ask for this.`,
            ),
          ),
        );
      },
      (target) => target.includes('stage=Excluded'),
    );
    await screen.stage('Excluded').check();
    await expect(page.getByRole('alert')).toContainText(
      'Key [redacted] (Basic [redacted]) may not ask for this.',
    );
    upstream.inject(null);

    await Promise.all(reading);
    // The upstream really was called with the canary: the test would notice a key that went missing.
    expect(upstream.authorizations.length).toBeGreaterThan(5);
    expect(new Set(upstream.authorizations)).toEqual(new Set([`Basic ${CANARY_BASIC}`]));
    expect(
      received.filter((response) => new URL(response.url).pathname === '/api/contacts').length,
    ).toBeGreaterThan(4);
    expect(received.filter((response) => leaksKey(response.text)).map((response) => response.url)).toEqual(
      [],
    );
    expect(liveApp.log.filter(leaksKey)).toEqual([]);
  });

  test('is not in the built app, even when the build runs with the key in its environment', async () => {
    test.setTimeout(120_000);
    const outDir = await mkdtemp(path.join(tmpdir(), 'canary-build-'));
    try {
      // `npm start` builds in-process after loading .env, so the key is in the build's environment.
      await promisify(execFile)(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--outDir',
          outDir,
          '--emptyOutDir',
          '--logLevel',
          'error',
        ],
        {
          cwd: ROOT,
          env: { ...process.env, MAILSTAND_API_KEY: CANARY, MAILSTAND_API_URL: 'https://api.mailstand.com' },
        },
      );
      for (const dir of [outDir, path.join(ROOT, 'dist')]) {
        const files = await filesUnder(dir);
        expect(
          files.some((file) => file.endsWith('.js')),
          `JavaScript in ${dir}`,
        ).toBe(true);
        const leaking: string[] = [];
        for (const file of files) if (leaksKey((await readFile(file)).toString('latin1'))) leaking.push(file);
        expect(leaking).toEqual([]);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
