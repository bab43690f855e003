import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { drifting, startFaultUpstream, type FaultUpstream } from '../../e2e/support/fault-upstream';
import { openSandboxDatabase, type SandboxDatabase } from '../../src/server/sandbox/database';
import { sandboxClient, serveSandbox, temporaryDirectory } from '../../src/server/sandbox/sandbox-client';
import { MAX_REQUESTS, shapeOf } from './live-check';
import { formLines } from './live-report';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'key_check_live_test_0000000000000';

let directory: ReturnType<typeof temporaryDirectory>;
let db: SandboxDatabase;
let sandbox: Awaited<ReturnType<typeof serveSandbox>>;
let upstream: FaultUpstream;

beforeAll(async () => {
  directory = temporaryDirectory();
  db = openSandboxDatabase({ path: join(directory.path, 'sandbox.db'), contacts: 3000, seed: 'check-live' });
  sandbox = await serveSandbox(db);
  upstream = await startFaultUpstream({ sandboxUrl: sandbox.url, acceptKey: KEY });
});

afterAll(async () => {
  await upstream?.close();
  await sandbox?.close();
  db?.close();
  directory?.remove();
});

beforeEach(() => {
  upstream.inject(null);
  upstream.received.length = 0;
});

/** Runs `npm run check-live` as a person would, against the local fake upstream. */
async function checkLive(key = KEY): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/check-live.ts'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, MAILSTAND_API_KEY: key, MAILSTAND_API_URL: upstream.url },
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Some contact values the report must never print. */
async function someContactValues(): Promise<string[]> {
  const sandboxApi = sandboxClient(db);
  const workspaces = (await sandboxApi.get('/workspaces')).json as { data: { id: string }[] };
  const values: string[] = [];
  for (const workspace of workspaces.data) {
    const page = (await sandboxApi.get(`/contacts?workspace=${workspace.id}&page=1&display=50`)).json as {
      data: Record<string, unknown>[];
    };
    for (const contact of page.data) {
      for (const code of ['email', 'full_name', 'company_name', 'id']) {
        const value = contact[code];
        if (typeof value === 'string' && value.length > 5) values.push(value);
      }
    }
  }
  return values;
}

describe('npm run check-live', () => {
  it('on an upstream that answers as documented: every endpoint readable, nothing drifted, exit 0', async () => {
    const { code, output } = await checkLive();
    expect(output).toContain('GET /workspaces: HTTP 200');
    expect(output).toMatch(/GET \/contacts\?display=2000: HTTP 200, [\d,]+ records, readable/);
    expect(output).toMatch(/GET \/contacts\?display=2000 \(with a campaign\): HTTP 200/);
    expect(output).toContain('GET /contacts/{id}: HTTP 200, 1 record, readable');
    expect(output).toMatch(/last_sent: unix seconds ×[\d,]+/);
    expect(output).toMatch(
      /Error body \(GET \/contacts without a workspace\): HTTP 400, \{statusCode: number, error: text, message: text\}/,
    );
    expect(output).toContain('Every page is readable');
    expect(code).toBe(0);
    expect(upstream.received.length).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('on a drifting upstream: names each drifted field with its forms, never a value, and exits 0', async () => {
    upstream.inject(drifting, (target) => target.startsWith('/contacts'));
    const { code, output } = await checkLive();
    expect(output).toMatch(/created: ISO 8601 ×\d+ \(first at data\[5\]\.created\)/);
    expect(output).toMatch(/created: YYYY-MM-DD HH:MM:SS ×\d+/);
    expect(output).toMatch(/created: unix milliseconds ×\d+/);
    expect(output).toContain('created: unreadable ×1 (first at data[9].created)');
    expect(output).toMatch(/last_sent: ISO 8601 ×\d+/);
    expect(output).toContain('id: missing ×1 (first at data[17].id)');
    expect(output).toContain('stage: undocumented stage ×1');
    expect(output).toContain('total_found: count as text ×1');
    expect(output).toMatch(/Fields the contract does not know: engagement_score, tags/);
    expect(output).toMatch(/created: unix seconds ×[\d,]+, ISO 8601 ×\d+/);
    for (const value of await someContactValues()) expect(output).not.toContain(value);
    expect(output).not.toContain(KEY);
    expect(code).toBe(0);
    expect(upstream.received.length).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  it('exits 1 and says which page would fail when an envelope is broken', async () => {
    upstream.inject(
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ data: [], total_found: 'many' }));
      },
      (target) => target.includes('display=2000'),
    );
    const { code, output } = await checkLive();
    expect(output).toContain(
      'GET /contacts?display=2000: HTTP 200, NOT READABLE: total_found: expected a count, got text',
    );
    expect(output).toContain('A page would fail in the app');
    expect(code).toBe(1);
  });

  it('exits 1 when the key is refused, without printing it', async () => {
    const { code, output } = await checkLive('key_wrong_00000000000000000000');
    expect(output).toContain('GET /workspaces: HTTP 401, NOT READABLE: HTTP 401');
    expect(output).not.toContain('key_wrong_00000000000000000000');
    expect(code).toBe(1);
  });
});

describe('the report', () => {
  it('lists each field once, its forms most common first', () => {
    expect(
      formLines([
        { field: 'last_sent', form: 'ISO 8601', expected: false, count: 10, example: 'data[5].last_sent' },
        {
          field: 'last_sent',
          form: 'unix seconds',
          expected: true,
          count: 1990,
          example: 'data[0].last_sent',
        },
        { field: 'zip', form: 'text', expected: true, count: 2000, example: 'data[0].zip' },
      ]),
    ).toEqual(['last_sent: unix seconds ×1,990, ISO 8601 ×10', 'zip: text ×2,000']);
  });

  it('describes an error body by its shape, never its values', () => {
    expect(shapeOf({ statusCode: 400, error: 'Missing Fields', message: 'secret' })).toBe(
      '{statusCode: number, error: text, message: text}',
    );
    expect(shapeOf([{ error: 'x' }, { error: 'y' }])).toBe('array of 2 × {error: text}');
  });
});
