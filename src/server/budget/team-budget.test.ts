import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readAnswer,
  AGE_HEADER,
  BUDGET_WAIT_HEADER,
  PURPOSE_HEADER,
  RATE_LIMIT,
  STAGES,
  readWorkspacesAnswer,
  type RequestPurpose,
} from '../../shared/contract';
import { parseEnv } from '../env';
import { openSandboxDatabase, SANDBOX_API_KEY, type SandboxDatabase } from '../sandbox';
import { startServer, type RunningServer } from '../server';
import { startRateLimitedUpstream, type RateLimitedUpstream } from '../testing/rate-limited-upstream';

/**
 * The key's budget as a team meets it: several people on one server, against an upstream that
 * enforces Mailstand's 100 requests per 15 s and answers slowly.
 */

const PEOPLE = ['ana', 'ben', 'cy', 'dee'] as const;
const PASSWORD = 'correct horse battery';
const SLOW_MS = 150;
/** Enough that exports and browsing together ask for more than one window's budget. */
const EXPORT_PAGES = 40;
/** Who exports, at which page size: dee runs three at once, the others one each. */
const EXPORTS = [
  ['dee', 1],
  ['dee', 2],
  ['dee', 3],
  ['ben', 1],
  ['cy', 1],
  ['ana', 1],
] as const;
const PAGES_BROWSED = 4;

let directory: string;
let db: SandboxDatabase;

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'team-budget-'));
  mkdirSync(path.join(directory, 'dist'));
  writeFileSync(
    path.join(directory, 'dist', 'index.html'),
    '<!doctype html><title>Mailstand Contacts</title>',
  );
  db = openSandboxDatabase({ path: path.join(directory, 'sandbox.db'), contacts: 3000, seed: 'team-budget' });
});

afterAll(() => {
  db.close();
  rmSync(directory, { recursive: true, force: true });
});

/** One server on its own upstream (a fresh rate-limit window), people signed in with Basic auth. */
async function startTeam(): Promise<{
  upstream: RateLimitedUpstream;
  server: RunningServer;
  close(): Promise<void>;
}> {
  const upstream = await startRateLimitedUpstream({ db, limit: RATE_LIMIT, delayMs: SLOW_MS });
  const server = await startServer({
    config: parseEnv({
      PORT: '0',
      MAILSTAND_API_KEY: SANDBOX_API_KEY,
      MAILSTAND_API_URL: upstream.url,
      ACCESS_USERS: PEOPLE.map((person) => `${person}:${PASSWORD}`).join(','),
    }),
    app: { kind: 'dist', dir: path.join(directory, 'dist') },
    log: () => undefined,
  });
  return {
    upstream,
    server,
    close: async () => {
      await server.close();
      await upstream.close();
    },
  };
}

interface Answer {
  status: number;
  body: string;
  waitedMs: number;
  age: string | null;
}

async function get(
  server: RunningServer,
  person: string,
  target: string,
  purpose: RequestPurpose,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}/api${target}`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${person}:${PASSWORD}`).toString('base64')}`,
      [PURPOSE_HEADER]: purpose,
      ...extra,
    },
  });
  return {
    status: response.status,
    body: await response.text(),
    waitedMs: Number(response.headers.get(BUDGET_WAIT_HEADER)),
    age: response.headers.get(AGE_HEADER),
  };
}

async function workspaceIds(server: RunningServer): Promise<string[]> {
  const answer = await get(server, 'ana', '/workspaces', 'reference');
  return readAnswer(readWorkspacesAnswer, JSON.parse(answer.body)).data.map((workspace) => workspace.id);
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

describe('one budget for the whole team', () => {
  it('sends three identical requests arriving together upstream once, then answers from the cache', async () => {
    const team = await startTeam();
    try {
      const [workspace = ''] = await workspaceIds(team.server);
      const target = `/contacts?workspace=${workspace}&page=1&display=50`;
      const answers = await Promise.all(
        PEOPLE.slice(0, 3).map((person) => get(team.server, person, target, 'page')),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
      const upstreamCalls = () => team.upstream.calls.filter((call) => call.startsWith('/contacts')).length;
      expect(upstreamCalls()).toBe(1);

      // Asked again a moment later, the same filters in another order: from the cache, with its age.
      const again = await get(
        team.server,
        'dee',
        `/contacts?display=50&page=1&workspace=${workspace}`,
        'page',
      );
      expect(again.body).toBe(answers[0]?.body);
      expect(again.age).toMatch(/^\d+$/);
      expect(upstreamCalls()).toBe(1);

      // Refresh asks past the cache.
      const fresh = await get(team.server, 'dee', target, 'page', { 'Cache-Control': 'no-cache' });
      expect(fresh.status).toBe(200);
      expect(fresh.age).toBeNull();
      expect(upstreamCalls()).toBe(2);
    } finally {
      await team.close();
    }
  });

  it('answers a burst of 160 distinct requests without one 429 from the upstream', async () => {
    const team = await startTeam();
    try {
      const [workspace = ''] = await workspaceIds(team.server);
      const answers = await Promise.all(
        Array.from({ length: 160 }, (_, index) =>
          get(
            team.server,
            PEOPLE[index % PEOPLE.length] ?? 'ana',
            `/contacts?workspace=${workspace}&page=${index + 1}&display=10`,
            'page',
          ),
        ),
      );
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
      expect(team.upstream.refused()).toBe(0);
      // The first window's calls went at once; the rest waited for it to pass.
      expect(Math.max(...answers.map((answer) => answer.waitedMs))).toBeGreaterThan(10_000);
    } finally {
      await team.close();
    }
  }, 60_000);

  it('lets several people browse while one exports: no 429, every page arrives, pages first', async () => {
    const team = await startTeam();
    try {
      const workspaces = await workspaceIds(team.server);
      const [big = '', other = big] = workspaces;
      const pageWaits: number[] = [];
      const exportWaits: number[] = [];
      const statuses: number[] = [];
      const record = (answer: Answer) => {
        statuses.push(answer.status);
        return answer;
      };

      // What the app sends when a person opens a workspace and pages through it.
      async function browse(person: string, workspace: string, stage: string | null) {
        const filter = stage === null ? '' : `&stage=${encodeURIComponent(stage)}`;
        await Promise.all([
          get(team.server, person, '/workspaces', 'reference').then(record),
          get(team.server, person, `/workspaces/${workspace}/all-fields`, 'reference').then(record),
          get(team.server, person, `/campaigns?workspace=${workspace}&page=1&display=100`, 'reference').then(
            record,
          ),
        ]);
        for (let page = 1; page <= PAGES_BROWSED; page++) {
          const shown = record(
            await get(
              team.server,
              person,
              `/contacts?workspace=${workspace}${filter}&page=${page}&display=100`,
              'page',
            ),
          );
          pageWaits.push(shown.waitedMs);
          await Promise.all([
            get(
              team.server,
              person,
              `/contacts?workspace=${workspace}${filter}&page=${page + 1}&display=100`,
              'prefetch',
            ).then(record),
            ...STAGES.map((counted) =>
              get(
                team.server,
                person,
                `/contacts?workspace=${workspace}&stage=${encodeURIComponent(counted)}&page=1&display=1`,
                'counts',
              ).then(record),
            ),
          ]);
        }
      }

      // An export pages through everything, one page after another.
      async function exportAll(person: string, workspace: string, size: number) {
        for (let page = 1; page <= EXPORT_PAGES; page++) {
          const target = `/contacts?workspace=${workspace}&page=${page}&display=${10 + size}`;
          const answer = record(await get(team.server, person, target, 'export'));
          exportWaits.push(answer.waitedMs);
        }
      }

      // Exports start first and take the window; people open the app a moment later.
      const browsing = new Promise((resolve) => setTimeout(resolve, 3_000)).then(() =>
        Promise.all([
          browse('ana', big, null),
          browse('ben', big, 'Replied'),
          browse('cy', other, 'Interested'),
        ]),
      );
      const exports = EXPORTS.map(([person, size], index) =>
        exportAll(person, index % 2 === 0 ? big : other, size),
      );
      await Promise.all([...exports, browsing]);

      expect(team.upstream.refused()).toBe(0);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(statuses).toHaveLength(
        EXPORTS.length * EXPORT_PAGES + 3 * (3 + PAGES_BROWSED * (2 + STAGES.length)),
      );
      // The budget was short (exports waited for the window), and the pages people looked at went first.
      const longestExportWait = Math.max(...exportWaits);
      expect(longestExportWait).toBeGreaterThan(0);
      expect(percentile(pageWaits, 0.95)).toBeLessThan(longestExportWait);
      console.log(
        `[team budget] ${team.upstream.calls.length} upstream calls for ${statuses.length} requests; ` +
          `waits of the pages people looked at: p50 ${percentile(pageWaits, 0.5)} ms, ` +
          `p95 ${percentile(pageWaits, 0.95)} ms, max ${Math.max(...pageWaits)} ms; ` +
          `of export pages: p50 ${percentile(exportWaits, 0.5)} ms, p95 ${percentile(exportWaits, 0.95)} ms, ` +
          `max ${longestExportWait} ms`,
      );
    } finally {
      await team.close();
    }
  }, 120_000);
});
