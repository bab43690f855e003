/**
 * `npm run lighthouse`: Lighthouse 12, desktop preset, on a cold load of the bookmarked 2000-row
 * view, as a browser on this machine (loopback) and as a client elsewhere (a reverse proxy's
 * X-Forwarded-For), alternated run by run. Separate from `npm run bench`: each run is a full
 * Lighthouse pass with its own Chromium.
 *
 *   npm run lighthouse                 3 runs each (LIGHTHOUSE_RUNS)
 *
 * BENCH_DB_DIR and BENCH_PORT as for the benchmark; the app is built into bench-results/dist.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { buildApp, startAppServer } from '../e2e/bench/app-server';
import { gridUrl } from '../e2e/bench/browser-bench';
import { closeConnections } from '../e2e/bench/http-client';
import { findScenario } from '../e2e/bench/scenario';
import { summarize } from '../e2e/bench/stats';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/find-chromium';
import { MAX_DISPLAY } from '../src/shared/contract';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = path.join(root, 'bench-results');
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error('LIGHTHOUSE_RUNS must be a whole number of at least 1.');
const log = (line: string) => console.log(line);

type Reading = {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  kbTransferred: number;
};

type Client = 'loopback' | 'remote';
const CLIENTS: { client: Client; headers: Record<string, string> }[] = [
  { client: 'loopback', headers: {} },
  { client: 'remote', headers: { 'X-Forwarded-For': '192.0.2.10' } },
];

async function audit(url: string, headers: Record<string, string>): Promise<Reading> {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        extraHeaders: headers,
      },
      desktopConfig,
    );
    if (!result) throw new Error('Lighthouse returned no result.');
    const { categories, audits } = result.lhr;
    const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: Math.round((categories.performance?.score ?? Number.NaN) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? Number.NaN) * 100),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      fcpMs: numeric('first-contentful-paint'),
      kbTransferred: numeric('total-byte-weight') / 1024,
    };
  } finally {
    await chrome.kill();
  }
}

async function main(): Promise<void> {
  const dist = path.join(outDir, 'dist');
  await mkdir(outDir, { recursive: true });
  log('Building the app into bench-results/dist...');
  await buildApp(root, dist);
  const server = await startAppServer({
    root,
    dist,
    port: Number(process.env.BENCH_PORT ?? 0),
    dbPath: path.join(path.resolve(root, process.env.BENCH_DB_DIR ?? '.data/bench'), 'sandbox-100000.db'),
    contacts: 100_000,
    log,
  });
  try {
    const url = gridUrl(server.url, await findScenario(server.url), MAX_DISPLAY);
    const readings: Record<Client, Reading[]> = { loopback: [], remote: [] };
    for (let run = 1; run <= runs; run++) {
      for (const { client, headers } of CLIENTS) {
        const reading = await audit(url, headers);
        readings[client].push(reading);
        log(`run ${run}, ${client}: ${JSON.stringify(reading)}`);
      }
    }
    log(`\nLighthouse 12, desktop preset, ${runs} runs each (median, min–max):`);
    const figures: (keyof Reading)[] = [
      'performance',
      'accessibility',
      'fcpMs',
      'lcpMs',
      'tbtMs',
      'kbTransferred',
    ];
    for (const [client, list] of Object.entries(readings)) {
      const parts = figures.map((figure) => {
        const summary = summarize(list.map((reading) => reading[figure]));
        return `${figure} ${summary.median.toFixed(0)} (${summary.min.toFixed(0)}–${summary.max.toFixed(0)})`;
      });
      log(`  ${client}: ${parts.join(', ')}`);
    }
    await writeFile(path.join(outDir, 'lighthouse.json'), `${JSON.stringify(readings, null, 2)}\n`);
    log('Wrote bench-results/lighthouse.json');
  } finally {
    closeConnections();
    await server.stop();
  }
}

await main();
