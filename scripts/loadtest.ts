/**
 * `npm run loadtest`: 100 connections for 30 s against GET /api/contacts at display=2000, on
 * 127.0.0.1. First on the sandbox with its rate limit off (every answer must be a 200; memory must
 * come back to where it started), then in live mode against an upstream that fails every other
 * request in a different way (the server must stay up and answer each request with a status).
 * Prints the figures and what the server logged; exits 1 if either expectation fails.
 * LOADTEST_SECONDS shortens the runs; LOADTEST_PORT moves the two servers (that port and the next).
 *
 * The server runs in this process (run with --expose-gc, as the npm script does) so its memory can
 * be read and collected; autocannon runs in a child process so its own memory does not count.
 */
import { getRequestListener } from '@hono/node-server';
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { readAnswer, readWorkspacesAnswer } from '../src/shared/contract';
import { parseEnv } from '../src/server/env';
import { listen } from '../src/server/testing/listen';
import { createSandboxApi, openSandboxDatabase } from '../src/server/sandbox';
import { startServer } from '../src/server/server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 30);
const CONNECTIONS = 100;
const SANDBOX_PORT = Number(process.env.LOADTEST_PORT ?? 4374);
const LIVE_PORT = SANDBOX_PORT + 1;
const KEY = 'key_loadtest_0000000000000000';

const autocannonResult = z.looseObject({
  requests: z.looseObject({ total: z.number(), average: z.number() }),
  latency: z.looseObject({ p50: z.number(), p99: z.number(), max: z.number() }),
  throughput: z.looseObject({ average: z.number() }),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  statusCodeStats: z.record(z.string(), z.looseObject({ count: z.number() })).optional(),
});
type LoadResult = z.infer<typeof autocannonResult>;

const runGc = (): void => {
  if (typeof global.gc !== 'function') throw new Error('Run with node --expose-gc (npm run loadtest does).');
  global.gc();
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What live JavaScript objects and their buffers take: heap used plus external memory. */
const heldBytes = (usage: NodeJS.MemoryUsage) => usage.heapUsed + usage.external;

/**
 * The process's memory after GC, a second apart, at least three rounds and until what is held
 * stops falling: buffers are released behind the GC, so one round can still count freed ones.
 */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  let usage = process.memoryUsage();
  for (let round = 1; round <= 6; round += 1) {
    runGc();
    await sleep(1000);
    const next = process.memoryUsage();
    if (round >= 3 && heldBytes(next) > heldBytes(usage) - 1024 * 1024) return next;
    usage = next;
  }
  return usage;
}

async function autocannon(url: string): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/autocannon/autocannon.js'),
      '--json',
      '--connections',
      String(CONNECTIONS),
      '--duration',
      String(SECONDS),
      '--timeout',
      '60',
      // Past the server's cache and its sharing of identical calls: every request is relayed.
      '--headers',
      'Cache-Control=no-cache',
      url,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return autocannonResult.parse(JSON.parse(stdout));
}

function describe(result: LoadResult): string {
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([status, { count }]) => `${status}: ${count}`)
    .join(', ');
  return [
    `  requests      ${result.requests.total} (${result.requests.average.toFixed(0)}/s), statuses ${statuses}`,
    `  errors        ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}`,
    `  latency       p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `  throughput    ${mb(result.throughput.average)}/s`,
  ].join('\n');
}

async function largestWorkspace(base: string): Promise<string> {
  const response = await fetch(`${base}/api/workspaces`);
  const workspaces = readAnswer(readWorkspacesAnswer, await response.json()).data;
  const sized = await Promise.all(
    workspaces.map(async (workspace) => {
      const page = await fetch(`${base}/api/contacts?workspace=${workspace.id}&page=1&display=1`);
      const total = z.looseObject({ total_found: z.number() }).parse(await page.json()).total_found;
      return { id: workspace.id, total };
    }),
  );
  const largest = sized.sort((a, b) => b.total - a.total)[0];
  if (!largest) throw new Error('the sandbox has no workspaces');
  return largest.id;
}

const sandboxEnv = {
  SANDBOX_DB: process.env.SANDBOX_DB ?? path.join(ROOT, '.data/sandbox.db'),
  SANDBOX_CONTACTS: process.env.SANDBOX_CONTACTS ?? '100000',
  SANDBOX_RATE_LIMIT: 'off',
};
const app = { kind: 'dist', dir: path.join(ROOT, 'dist') } as const;

/**
 * Collects what the server logs during a run, so the reason behind each error status (the proxy
 * logs one line per 502 or 504) is printed beside the figures, counted rather than repeated.
 */
function serverLog(): { log: (line: string) => void; print: () => void } {
  const counts = new Map<string, number>();
  return {
    log: (line) => counts.set(line, (counts.get(line) ?? 0) + 1),
    print: () => {
      for (const [line, count] of counts) console.log(`  server log    ${count} × ${line}`);
    },
  };
}

interface Memory {
  /** Resident set size: what the allocator holds, freed objects' pages included. */
  rss: { baseline: number; peak: number; after: number; settled: number };
  /** What live JavaScript objects and their buffers take (heap used + external), which a leak grows. */
  held: { baseline: number; settled: number };
  back: boolean;
  /** The server's CPU time (this process's, user and system) per answered request. */
  cpuMsPerRequest: number;
}

/**
 * Runs autocannon against `url` (after a few warm-up requests) and reads this process's memory
 * before, at its peak during, right after, and after GC; `back` says what the server holds
 * returned near the start. RSS is printed beside it but not judged: after a burst of large
 * answers the allocator keeps pages it may reuse, which is not memory the server keeps.
 */
async function underLoad(url: string): Promise<{ result: LoadResult; memory: Memory }> {
  for (let warm = 0; warm < 5; warm += 1) await (await fetch(url)).arrayBuffer();
  const before = await settledMemory();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  const cpuBefore = process.cpuUsage();
  const result = await autocannon(url);
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  const after = process.memoryUsage().rss;
  const settled = await settledMemory();
  return {
    result,
    memory: {
      rss: { baseline: before.rss, peak, after, settled: settled.rss },
      held: { baseline: heldBytes(before), settled: heldBytes(settled) },
      back: heldBytes(settled) <= heldBytes(before) * 1.1 + 32 * 1024 * 1024,
      cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests.total),
    },
  };
}

function describeMemory({ rss, held, back, cpuMsPerRequest }: Memory): string {
  return [
    `  memory (RSS)  before ${mb(rss.baseline)}, peak ${mb(rss.peak)}, right after ${mb(rss.after)}, ` +
      `after GC ${mb(rss.settled)}`,
    `  memory held   before ${mb(held.baseline)}, after GC ${mb(held.settled)} (heap used + external)` +
      (back ? ' (back to baseline)' : ' (NOT back to baseline)'),
    `  server CPU    ${cpuMsPerRequest.toFixed(1)} ms per request`,
  ].join('\n');
}

async function sandboxRun(): Promise<{ ok: boolean; workspace: string }> {
  const logged = serverLog();
  const server = await startServer({
    config: parseEnv({ ...sandboxEnv, PORT: String(SANDBOX_PORT) }),
    app,
    log: logged.log,
  });
  try {
    const workspace = await largestWorkspace(server.url);
    const { result, memory } = await underLoad(
      `${server.url}/api/contacts?workspace=${workspace}&page=1&display=2000`,
    );
    const ok = result.errors === 0 && result.non2xx === 0 && result.requests.total > 0 && memory.back;
    console.log(`Sandbox, rate limit off: ${CONNECTIONS} connections for ${SECONDS} s, display=2000`);
    console.log(describe(result));
    console.log(describeMemory(memory));
    logged.print();
    return { ok, workspace };
  } finally {
    await server.close();
  }
}

/** Every other request fails, in turn: a 500, an HTML 502 from a proxy, a connection reset, a 429. */
const FAULTS: Array<(res: http.ServerResponse) => void> = [
  (res) => {
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end('{"statusCode":500,"error":"Bad Request","message":"Something went wrong."}');
  },
  (res) => {
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  },
  (res) => res.socket?.destroy(),
  (res) => {
    res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
    res.end('{"statusCode":429,"error":"Rate Limited","message":"Slow down."}');
  },
];

/** Same database as the sandbox run, so the same workspace; asking through the failing upstream could fail. */
async function failingUpstreamRun(workspace: string): Promise<boolean> {
  const db = openSandboxDatabase({
    path: path.resolve(sandboxEnv.SANDBOX_DB),
    contacts: Number(sandboxEnv.SANDBOX_CONTACTS),
    seed: process.env.SANDBOX_SEED ?? 'mailstand-demo',
  });
  const sandbox = getRequestListener(createSandboxApi({ db, apiKey: KEY, rateLimit: null }).fetch);
  let served = 0;
  const upstream = http.createServer((req, res) => {
    served += 1;
    const fault = FAULTS[(served / 2) % FAULTS.length];
    if (served % 2 === 0 && fault) {
      fault(res);
      return;
    }
    void sandbox(req, res);
  });
  const upstreamPort = await listen(upstream, 0, '127.0.0.1');
  const logged = serverLog();
  const server = await startServer({
    config: parseEnv({
      PORT: String(LIVE_PORT),
      MAILSTAND_API_KEY: KEY,
      MAILSTAND_API_URL: `http://127.0.0.1:${upstreamPort}`,
      // The fake upstream has no limit: the budget would turn the load into 503s before the relay.
      UPSTREAM_RATE_LIMIT: '1000000/15s',
    }),
    app,
    log: logged.log,
  });
  try {
    const { result, memory } = await underLoad(
      `${server.url}/api/contacts?workspace=${workspace}&page=1&display=2000`,
    );
    const health = await fetch(`${server.url}/healthz`);
    const statuses = Object.keys(result.statusCodeStats ?? {});
    const ok =
      result.errors === 0 &&
      health.ok &&
      memory.back &&
      statuses.length > 1 &&
      statuses.every((status) => ['200', '429', '500', '502'].includes(status));
    console.log(
      `\nLive mode, upstream failing every other request: ${CONNECTIONS} connections for ${SECONDS} s`,
    );
    console.log(describe(result));
    console.log(describeMemory(memory));
    console.log(`  upstream calls ${served}; /healthz afterwards: ${health.status}`);
    logged.print();
    return ok;
  } finally {
    await server.close();
    upstream.closeAllConnections();
    upstream.close();
    db.close();
  }
}

const sandbox = await sandboxRun();
const liveOk = await failingUpstreamRun(sandbox.workspace);
if (!sandbox.ok || !liveOk) {
  console.error('\nLoad test failed: see the figures above.');
  process.exit(1);
}
