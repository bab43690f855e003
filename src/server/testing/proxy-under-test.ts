import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { parseEnv } from '../env';
import { startServer } from '../server';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream';
import { rawRequest } from './raw-http';

export const CANARY = 'key_CANARY_1234567890';
export const CANARY_BASIC = Buffer.from(`${CANARY}:`).toString('base64');

export interface ServedProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * The whole server in live mode, in front of Mailstand at `apiUrl`, on a stand-in for Vite's
 * output. No cache unless `env` asks for one: each test sees what its own request makes of the upstream.
 */
export async function serveProxy(
  apiUrl: string,
  timeoutMs: number,
  logLines: string[],
  env: Record<string, string> = {},
): Promise<ServedProxy> {
  const dist = mkdtempSync(path.join(tmpdir(), 'proxy-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Mailstand Contacts</title>');
  const server = await startServer({
    config: parseEnv({
      PORT: '0',
      MAILSTAND_API_KEY: CANARY,
      MAILSTAND_API_URL: apiUrl,
      UPSTREAM_TIMEOUT_MS: String(timeoutMs),
      CACHE_MAX_MB: '0',
      ...env,
    }),
    app: { kind: 'dist', dir: dist },
    log: (line) => logLines.push(line),
    shutdownGraceMs: 0,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dist, { recursive: true });
    },
  };
}

/** Starts a fake upstream and the proxy in front of it, around the calling test file's tests. */
export function useProxyUnderTest() {
  let upstream: FakeUpstream | undefined;
  let proxy: ServedProxy | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The proxy under test runs only inside a test.');
    return value;
  };
  const logLines: string[] = [];
  /** Every byte any test received from the proxy, for the leak check. */
  const seen: string[] = [];
  const served = {
    /** A fake Mailstand that answers an empty list unless a test says otherwise (reset after each test). */
    get upstream() {
      return started(upstream);
    },
    /** The proxy's address, in front of `upstream`. */
    get base() {
      return started(proxy).url;
    },
    logLines,
    seen,
  };

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    proxy = await serveProxy(`${upstream.url}/v1/`, 300, served.logLines);
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });
  afterEach(() => {
    served.upstream.received.length = 0;
    served.upstream.respond((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"ok","data":[]}');
    });
  });

  return {
    served,
    async get(urlPath: string, headers: Record<string, string> = {}) {
      const response = await fetch(served.base + urlPath, { headers });
      const text = await response.text();
      served.seen.push(text, JSON.stringify([...response.headers]));
      return { response, text };
    },
    async raw(requestHead: string, body = '') {
      const response = await rawRequest(served.base, requestHead, body);
      served.seen.push(response.raw);
      return response;
    },
    /** Fails when the key, alone or as sent, reached anything the proxy answered or logged. */
    expectKeyNowhere(minimumSeen: number) {
      expect(served.seen.length).toBeGreaterThan(minimumSeen);
      for (const text of [...served.seen, ...served.logLines]) {
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(CANARY_BASIC);
      }
    },
  };
}
