import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxApi, SANDBOX_API_KEY } from './index';
import type { SandboxDatabase } from './database';
import type { RateLimit } from './rate-limit';

/** Test support: the sandbox API called in-process, as the app's server calls it. */

export type TestResponse = { status: number; headers: Headers; text: string; json: unknown };
export type SandboxClient = {
  get(path: string, options?: { key?: string | null; method?: string }): Promise<TestResponse>;
};

export function sandboxClient(db: SandboxDatabase, rateLimit: RateLimit | null = null): SandboxClient {
  const api = createSandboxApi({ db, apiKey: SANDBOX_API_KEY, rateLimit });
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

/** A fresh temporary directory for test databases, and its removal. */
export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
