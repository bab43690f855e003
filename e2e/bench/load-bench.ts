import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright';
import { MAX_DISPLAY } from '../../src/shared/contract';
import { CHROMIUM_ARGS, findChromium } from '../support/find-chromium';
import { gridUrl, loadGrid, newContext, openPage } from './browser-bench';
import type { Scenario } from './scenario';
import { summarizeFields, type Summary } from './stats';

/**
 * Cold loads, as a person opening a bookmark gets them: a new browser context per run (empty HTTP
 * cache), from navigation to the first rows painted, with the long tasks before them and the
 * bytes received. The 2000-row view is loaded from this machine, as a client elsewhere, and
 * against the floor (the same page as a static JSON file into a minimal TanStack table), the
 * three alternated run by run.
 *
 * Each load starts from a page of another site, as a bookmark opened from a new tab or from
 * another site's page does, not from the blank tab Playwright opens. That tab already has a
 * renderer process, which a page without an opener policy (the floor) moves into, while the
 * app's `Cross-Origin-Opener-Policy` needs a new one. From another site, every target starts a
 * new process alike.
 */

/** A blank page on `localhost`, another site than the targets' 127.0.0.1, to start loads from. */
async function startOtherSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('<!doctype html><title>Another site</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A cold load (empty HTTP cache, new page) of one view, per run. */
export type ColdLoadResult = {
  /** From navigation to the first rows painted. */
  firstRows: Summary;
  /** Long tasks (over 50 ms) from navigation to the first rows painted. */
  longTasks: Summary;
  /** The longest of those (0 when there was none). */
  longestTask: Summary;
  /** Bytes received (as sent, compressed, with headers) until the first rows were painted. */
  bytesToFirstRows: Summary;
  /** Bytes received until nothing was in flight any more (prefetch, counts and all). */
  bytesSettled: Summary;
};

/** What a settled cold load measured in the page: when the first rows showed, long tasks before, bytes. */
type LoadReading = {
  firstRows: number;
  longTasks: number;
  longestTask: number;
  bytesToFirstRows: number;
  bytesSettled: number;
};

function readLoad(): LoadReading {
  const probes = window.__bench;
  const firstRows = probes?.firstRowsAt ?? 0;
  const before = (probes?.longTasks ?? []).filter((task) => task.start < firstRows);
  const entries = [
    ...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource'),
  ].filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming);
  let bytesToFirstRows = 0;
  let bytesSettled = 0;
  for (const entry of entries) {
    bytesSettled += entry.transferSize;
    if (entry.responseEnd <= firstRows) bytesToFirstRows += entry.transferSize;
  }
  return {
    firstRows,
    longTasks: before.length,
    longestTask: Math.max(0, ...before.map((task) => task.duration)),
    bytesToFirstRows,
    bytesSettled,
  };
}

type ColdLoadTarget = { url: string; remote: boolean };

/**
 * Cold loads of each target, alternated run by run so that they share the machine's minutes.
 * Returns one result per target, in order, and the script and style bytes of the first target.
 */
async function measureColdLoads(
  browser: Browser,
  startUrl: string,
  targets: readonly ColdLoadTarget[],
  scenario: Scenario,
  cpuThrottling: number,
  runs: number,
): Promise<{ loads: ColdLoadResult[]; transfer: { script: number; css: number } }> {
  const readings = targets.map((): LoadReading[] => []);
  let transfer = { script: 0, css: 0 };
  for (let run = 0; run < runs; run++) {
    for (const [index, target] of targets.entries()) {
      // A new context per run: an empty HTTP cache, as on a first visit.
      const context = await newContext(browser, scenario, false, target.remote);
      try {
        const session = await openPage(context, cpuThrottling);
        await session.page.goto(startUrl);
        await loadGrid(session, target.url);
        readings[index]?.push(await session.page.evaluate(readLoad));
        if (index === 0) transfer = await session.page.evaluate(scriptAndStyleBytes);
      } finally {
        await context.close();
      }
    }
  }
  const loads = readings.map((load) => summarizeFields(load));
  return { loads, transfer };
}

function scriptAndStyleBytes(): { script: number; css: number } {
  const sizes = { script: 0, css: 0 };
  for (const entry of performance.getEntriesByType('resource')) {
    if (!(entry instanceof PerformanceResourceTiming)) continue;
    const path = new URL(entry.name).pathname;
    if (path.endsWith('.js')) sizes.script += entry.encodedBodySize;
    if (path.endsWith('.css')) sizes.css += entry.encodedBodySize;
  }
  return sizes;
}

/** The cold loads at one CPU throttling rate. */
export type LoadResult = {
  cpuThrottling: number;
  /** The default view, display=100: first rows only. */
  hundred: Summary;
  /** A bookmarked 2000-row view from this machine (loopback). */
  loopback: ColdLoadResult;
  /** The same as a client elsewhere (a reverse proxy's X-Forwarded-For on every request). */
  remote: ColdLoadResult;
  /** The floor; null when it was not measured. */
  floor: ColdLoadResult | null;
  /** Bytes of script and style received on a loopback load, as served (compressed). */
  firstLoadTransfer: { script: number; css: number };
};

export async function measureLoads(options: {
  baseUrl: string;
  /** The floor page's server (see floor-server.ts); null leaves the floor out. */
  floorUrl: string | null;
  scenario: Scenario;
  runs: number;
  cpuThrottling: readonly number[];
  log: (line: string) => void;
}): Promise<LoadResult[]> {
  const { baseUrl, floorUrl, scenario, runs, log } = options;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const otherSite = await startOtherSite();
  try {
    const results: LoadResult[] = [];
    for (const rate of options.cpuThrottling) {
      log(`  CPU ${rate}x: cold loads, display=100`);
      const hundred = await measureColdLoads(
        browser,
        otherSite.url,
        [{ url: gridUrl(baseUrl, scenario, 100), remote: false }],
        scenario,
        rate,
        runs,
      );
      log(`  CPU ${rate}x: cold loads, display=2000: loopback, remote${floorUrl ? ', floor' : ''}`);
      const bookmark = gridUrl(baseUrl, scenario, MAX_DISPLAY);
      const full = await measureColdLoads(
        browser,
        otherSite.url,
        [
          { url: bookmark, remote: false },
          { url: bookmark, remote: true },
          ...(floorUrl ? [{ url: floorUrl, remote: false }] : []),
        ],
        scenario,
        rate,
        runs,
      );
      const [hundredLoad] = hundred.loads;
      const [loopback, remote, floor = null] = full.loads;
      if (!hundredLoad || !loopback || !remote) throw new Error('The cold loads were not measured.');
      results.push({
        cpuThrottling: rate,
        hundred: hundredLoad.firstRows,
        loopback,
        remote,
        floor,
        firstLoadTransfer: full.transfer,
      });
    }
    return results;
  } finally {
    await browser.close();
    await otherSite.close();
  }
}
