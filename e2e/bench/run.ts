/**
 * `npm run bench`: builds the app, starts the real server on the sandbox, and measures the sandbox
 * API, the /api proxy and the app in Chromium. Prints tables, then every figure against its
 * target, and writes bench-results/latest.json. Separate from the tests: nothing here
 * passes or fails a build.
 *
 *   npm run bench                        100,000 contacts: API and browser (a few minutes)
 *   npm run bench -- --full              also the API at 1,000,000 contacts (BENCH_1M=1 does the same;
 *                                        the first run seeds that database, a few minutes more)
 *   npm run bench -- --only=api|load|browser  one part (load: cold loads against the floor)
 *   npm run bench -- --runs=5 --api-runs=20 --label=before --baseline=bench-results/before.json
 *
 * BENCH_DB_DIR (default .data/bench) keeps the seeded databases between runs; BENCH_PORT (default
 * any free port) is where the server listens.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { measureApi, type ApiResult } from './api-bench';
import { buildApp, startAppServer, type AppServer } from './app-server';
import { measureBrowser } from './browser-bench';
import { measureBundle } from './bundle-size';
import { buildFloor, startFloorServer } from './floor-server';
import { measureLoads } from './load-bench';
import { closeConnections } from './http-client';
import { apiTable, browserTable, bundleTable, loadTable, targetsMarkdown, targetsTable } from './report';
import { findScenario, type Scenario } from './scenario';
import { pageFields } from '../../src/features/contacts/columns/page-fields';
import { FIELDS_PARAM } from '../../src/shared/contract';
import { checkTargets, type BenchResults, type TargetCheck } from './targets';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const log = (line: string) => console.log(line);

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean', default: process.env.BENCH_1M === '1' },
    only: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'api-runs': { type: 'string', default: '20' },
    label: { type: 'string' },
    baseline: { type: 'string' },
  },
});

function count(name: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new Error(`--${name} must be a whole number of at least ${minimum}.`);
  return value;
}

// Fewer than 5 runs is for trying the benchmark out, not for figures.
const runs = count('runs', args.runs, 1);
const apiRuns = count('api-runs', args['api-runs'], 5);
if (args.only !== undefined && !['api', 'browser', 'load'].includes(args.only)) {
  throw new Error('--only takes "api", "browser" or "load".');
}
const measureApiPart = args.only === undefined || args.only === 'api';
const measureLoadPart = args.only === undefined || args.only === 'load';
const measureBrowserPart = args.only === undefined || args.only === 'browser';
const dbDir = path.resolve(root, process.env.BENCH_DB_DIR ?? '.data/bench');
const port = Number(process.env.BENCH_PORT ?? 0);
const outDir = path.join(root, 'bench-results');
const dist = path.join(outDir, 'dist');
const floorDist = path.join(outDir, 'floor');

async function withServer<T>(contacts: number, work: (server: AppServer) => Promise<T>): Promise<T> {
  log(`\nStarting the server on a sandbox of ${contacts.toLocaleString('en-US')} contacts...`);
  const server = await startAppServer({
    root,
    dist,
    port,
    dbPath: path.join(dbDir, `sandbox-${contacts}.db`),
    contacts,
    log,
  });
  try {
    return await work(server);
  } finally {
    closeConnections();
    await server.stop();
  }
}

/**
 * Builds the floor page from the view's first two 2000-row pages and the app's answer for its
 * Interested filter, and serves it beside the app for the work given: the app is measured
 * against it in the same minutes.
 */
async function withFloor<T>(
  server: AppServer,
  scenario: Scenario,
  work: (floorUrl: string) => Promise<T>,
): Promise<T> {
  const readPage = async (params: Record<string, string>) => {
    const query = new URLSearchParams({ workspace: scenario.workspace, display: '2000', ...params });
    const answer = await fetch(`${server.url}/api/contacts?${query}`);
    if (!answer.ok) throw new Error(`The floor's page (${query}) could not be read: HTTP ${answer.status}.`);
    return answer.text();
  };
  // The fields the app's default columns read; the floor shows each but the id as a column.
  const defaultFields = pageFields(null, false);
  log('\nBuilding the floor page into bench-results/floor...');
  await buildFloor(
    root,
    floorDist,
    {
      first: await readPage({ page: '1' }),
      second: await readPage({ page: '2' }),
      // What the app asks for on its Interested filter.
      interested: await readPage({ page: '1', stage: 'Interested', [FIELDS_PARAM]: defaultFields }),
    },
    defaultFields.split(',').filter((field) => field !== 'id'),
  );
  const floor = await startFloorServer(floorDist);
  try {
    return await work(floor.url);
  } finally {
    await floor.stop();
  }
}

async function apiAt(server: AppServer, contacts: number): Promise<ApiResult> {
  const scenario = await findScenario(server.url);
  log(
    `GET /contacts at ${contacts.toLocaleString('en-US')} contacts (workspace of ${scenario.contacts.toLocaleString('en-US')}), ${apiRuns} runs each:`,
  );
  return measureApi(server.url, server.pid, scenario, apiRuns, log);
}

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty === '' ? commit : `${commit} (src modified)`;
  } catch {
    return null;
  }
}

async function readBaseline(file: string): Promise<TargetCheck[]> {
  const saved: unknown = JSON.parse(await readFile(path.resolve(root, file), 'utf8'));
  if (typeof saved !== 'object' || saved === null || !('targets' in saved) || !Array.isArray(saved.targets)) {
    throw new Error(`${file} is not a benchmark result (no "targets").`);
  }
  return saved.targets.filter(
    (entry): entry is TargetCheck => typeof entry === 'object' && entry !== null && 'figure' in entry,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  const baseline = args.baseline ? await readBaseline(args.baseline) : null;
  await mkdir(outDir, { recursive: true });

  log('Building the app into bench-results/dist...');
  await buildApp(root, dist);
  const bundle = await measureBundle(dist);
  log(bundleTable(bundle));

  const results: BenchResults = { bundle, api100k: null, api1m: null, browser: null, loads: null };
  await withServer(100_000, async (server) => {
    if (measureApiPart) results.api100k = await apiAt(server, 100_000);
    if (!measureLoadPart && !measureBrowserPart) return;
    const scenario = await findScenario(server.url);
    await withFloor(server, scenario, async (floorUrl) => {
      const measured = { baseUrl: server.url, floorUrl, scenario, runs, cpuThrottling: [1, 4], log };
      if (measureLoadPart) {
        log(`Cold loads, ${runs} runs each:`);
        results.loads = await measureLoads(measured);
      }
      if (measureBrowserPart) {
        log(`\nBrowser, ${runs} runs each:`);
        results.browser = await measureBrowser(measured);
      }
    });
  });
  if (args.full && measureApiPart) {
    await withServer(1_000_000, async (server) => {
      results.api1m = await apiAt(server, 1_000_000);
    });
  }

  const targets = checkTargets(results);
  log('');
  if (results.api100k)
    log(`${apiTable(results.api100k)}\n(100,000 contacts; times in ms; proxy = through /api)\n`);
  if (results.api1m) log(`${apiTable(results.api1m)}\n(1,000,000 contacts)\n`);
  if (results.loads) log(`${loadTable(results.loads, runs)}\n`);
  if (results.browser) log(`${browserTable(results.browser)}\n`);
  log(targetsTable(targets, baseline));

  const loadAfter = os.loadavg()[0] ?? 0;
  const cores = os.cpus().length;
  if (Math.max(loadBefore, loadAfter) > cores) {
    log(
      `\nNote: the load average (${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}) exceeded the ${cores} cores: other work skewed these figures.`,
    );
  }
  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cores,
      cpu: os.cpus()[0]?.model ?? null,
      node: process.version,
      loadAverage: [loadBefore, loadAfter],
    },
    options: { runs, apiRuns, full: args.full },
    durationSeconds: Math.round((performance.now() - started) / 1000),
    targets,
    results,
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(path.join(outDir, 'latest.json'), text);
  if (args.label) await writeFile(path.join(outDir, `${args.label}.json`), text);
  await writeFile(path.join(outDir, 'latest.md'), `${targetsMarkdown(targets, baseline)}\n`);
  log(`\nWrote bench-results/latest.json and latest.md in ${report.durationSeconds} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
