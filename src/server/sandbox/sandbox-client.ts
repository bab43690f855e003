import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxApi, SANDBOX_API_KEY } from './index';
import type { SandboxDatabase } from './database';
import type { Clock } from './queries';
import type { RateLimit } from './rate-limit';

/** Test support: the sandbox API called in-process, as the app's server calls it. */

export type TestResponse = { status: number; headers: Headers; text: string; json: unknown };
export type SandboxClient = {
  get(path: string, options?: { key?: string | null; method?: string }): Promise<TestResponse>;
};

export function sandboxClient(
  db: SandboxDatabase,
  rateLimit: RateLimit | null = null,
  now?: Clock,
): SandboxClient {
  const api = createSandboxApi({ db, apiKey: SANDBOX_API_KEY, rateLimit, ...(now ? { now } : {}) });
  return {
    async get(path, options = {}) {
      const key = options.key === undefined ? SANDBOX_API_KEY : options.key;
      const headers: Record<string, string> = {};
      if (key !== null) headers.authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
      const response = await api.request(path, { method: options.method ?? 'GET', headers });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        json: text === '' ? null : JSON.parse(text),
      };
    },
  };
}

/** The sandbox API on a port of 127.0.0.1, for a test that puts a real HTTP upstream in front of it. */
export async function serveSandbox(db: SandboxDatabase): Promise<{ url: string; close(): Promise<void> }> {
  const api = createSandboxApi({ db, apiKey: SANDBOX_API_KEY, rateLimit: null });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const started = serve({ fetch: api.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
        resolve({ server: started, port: info.port }),
      );
    },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A fresh temporary directory for test databases, and its removal. */
export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
