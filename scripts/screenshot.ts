/**
 * Takes the README's screenshot of the real app: `npm run screenshot` starts the server on a
 * fresh sandbox database (temporary, removed afterwards); `npm run screenshot -- <url>` uses a
 * server that is already running. Writes docs/screenshot.png at 1440x900.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { readAnswer, readWorkspacesAnswer } from '../src/shared/contract';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/find-chromium';

const OUTPUT = 'docs/screenshot.png';
const VIEWPORT = { width: 1440, height: 900 };
const SERVER_START_TIMEOUT_MS = 300_000;
/** In the range kept for the project's scripts and tests (4340-4349); the e2e run uses 4345-4346. */
const PORT = 4341;

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet: the first start builds the app and seeds the database.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer ${url}/healthz within ${SERVER_START_TIMEOUT_MS / 1000} s`);
}

async function answers(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(
    () => true,
    () => false,
  );
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const url = `http://127.0.0.1:${PORT}`;
  // Otherwise the health check below would find that server and photograph it instead.
  if (await answers(url)) {
    throw new Error(`Something already listens on ${url}: stop it, or use it: npm run screenshot -- ${url}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mailstand-screenshot-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      MAILSTAND_API_KEY: '',
      SANDBOX_DB: join(dataDir, 'sandbox.db'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

/** The workspace a new visitor would want to see: the one with the most campaigns. */
async function largestWorkspace(url: string): Promise<string> {
  const response = await fetch(`${url}/api/workspaces`);
  const { data } = readAnswer(readWorkspacesAnswer, await response.json());
  const largest = data.toSorted((a, b) => (b.campaign_count ?? 0) - (a.campaign_count ?? 0))[0];
  if (!largest) throw new Error('the server lists no workspaces');
  return largest.name;
}

async function takeScreenshot(url: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({
      viewport: VIEWPORT,
      locale: 'en-US',
      timezoneId: 'America/New_York',
      colorScheme: 'light',
    });
    await page.goto(url);
    await page
      .getByRole('combobox', { name: 'Workspace' })
      .selectOption({ label: await largestWorkspace(url) });
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await grid.getByRole('row').nth(10).waitFor();
    await page.getByRole('progressbar', { name: 'Loading contacts' }).waitFor({ state: 'detached' });
    await page.screenshot({ path: OUTPUT });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const givenUrl = process.argv[2];
  if (givenUrl) {
    await takeScreenshot(givenUrl.replace(/\/$/, ''));
  } else {
    const server = await startServer();
    try {
      await takeScreenshot(server.url);
    } finally {
      server.stop();
    }
  }
  console.log(`Wrote ${OUTPUT} (${Math.round(statSync(OUTPUT).size / 1024)} KB)`);
}

await main();
