import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxApi, SANDBOX_API_KEY } from './index';
import type { SandboxDatabase } from './database';
import type { RateLimit } from './rate-limit';

/** Test support: the sandbox API on a real HTTP server on 127.0.0.1, as the app's server mounts it. */

export type TestResponse = { status: number; headers: Headers; text: string; json: unknown };
export type SandboxTestServer = {
  url: string;
  get(path: string, options?: { key?: string | null; method?: string }): Promise<TestResponse>;
  close(): Promise<void>;
};

export async function startSandboxServer(
  db: SandboxDatabase,
  rateLimit: RateLimit | null = null,
): Promise<SandboxTestServer> {
  const api = createSandboxApi({ db, apiKey: SANDBOX_API_KEY, rateLimit });
  const server = http.createServer((req, res) => {
    const [path = '', query = ''] = (req.url ?? '').split('?');
    api(req, res, path, new URLSearchParams(query));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP port.');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    async get(path, options = {}) {
      const key = options.key === undefined ? SANDBOX_API_KEY : options.key;
      const headers: Record<string, string> = {};
      if (key !== null) headers.authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
      const response = await fetch(url + path, { method: options.method ?? 'GET', headers });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        json: text === '' ? null : JSON.parse(text),
      };
    },
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A fresh temporary directory for test databases, and its removal. */
export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
