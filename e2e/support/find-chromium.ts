import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/**
 * Finds a Chromium for the end-to-end tests, the screenshot script and the benchmark, so that
 * `npm test` works on a fresh machine without `npx playwright install`: CHROMIUM_PATH first, then
 * the usual system installs, then Playwright's own download. As root with apt-get (CI, containers)
 * it installs Debian's chromium once; anywhere else it stops with one line naming what to install.
 */

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const APT_CHROMIUM = '/usr/bin/chromium';

const isRoot = process.getuid?.() === 0;

/**
 * Flags for a quiet, reproducible headless run: no GPU on CI machines, no QUIC or background
 * traffic (the machine may have no internet), no first-run or sync UI. Chromium refuses to run as
 * root with its sandbox, so root (CI containers) gets --no-sandbox.
 */
export const CHROMIUM_ARGS = [
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    // Playwright throws when it has no browser registered for this platform.
    return null;
  }
}

function locateChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    stop(
      `CHROMIUM_PATH=${fromEnv} does not exist. Point it at a Chromium or Chrome executable, or unset it.`,
    );
  }
  return SYSTEM_PATHS.find((path) => existsSync(path)) ?? playwrightChromium();
}

function hasAptGet(): boolean {
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

let found: string | null = null;

/** The path of a Chromium to launch; installs or stops (see above) when there is none. */
export function findChromium(): string {
  found ??= locateChromium();
  if (found) return found;

  if (!isRoot || !hasAptGet()) {
    stop(
      'No Chromium found. Install it (sudo apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH.',
    );
  }
  console.log("No Chromium found: installing Debian's chromium with apt-get (one time)…");
  try {
    // Recommends would pull in a desktop (upower, notification daemons); fonts are all a headless run needs.
    execSync('apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation', {
      stdio: 'inherit',
    });
  } catch {
    stop('Installing chromium with apt-get failed (see above). Install it yourself or set CHROMIUM_PATH.');
  }
  if (!existsSync(APT_CHROMIUM)) stop(`apt-get installed chromium but ${APT_CHROMIUM} is missing.`);
  found = APT_CHROMIUM;
  return found;
}
