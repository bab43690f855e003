import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswer, readContactsPageAnswer, readWorkspacesAnswer } from '../shared/contract';
import { parseEnv } from './env';
import { CONTENT_SECURITY_POLICY } from './http/security-headers';
import { SANDBOX_API_KEY } from './sandbox';
import { startServer, type RunningServer } from './server';
import { startFakeUpstream, type FakeUpstream } from './testing/fake-upstream';
import { rawRequest } from './testing/raw-http';

const CANARY = 'key_CANARY_1234567890';
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

let dist: string;
let upstream: FakeUpstream;
let server: RunningServer;
const logLines: string[] = [];
const seen: string[] = [];

/** A stand-in for Vite's output, so these tests do not depend on a build. */
function writeFakeDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'server-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Mailstand Contacts</title>');
  writeFileSync(path.join(dir, 'assets', 'index-Zx9.js'), 'export {};'.repeat(200));
  return dir;
}

async function fetchAndRecord(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  const text = await response.text();
  seen.push(text, JSON.stringify([...response.headers]));
  return { response, text };
}

beforeAll(async () => {
  dist = writeFakeDist();
  upstream = await startFakeUpstream();
  server = await startServer({
    config: parseEnv({
      PORT: '0',
      MAILSTAND_API_KEY: CANARY,
      MAILSTAND_API_URL: upstream.url,
      UPSTREAM_TIMEOUT_MS: '2000',
      // Every test here is about what reaches the upstream: none is answered from the cache.
      CACHE_MAX_MB: '0',
    }),
    app: { kind: 'dist', dir: dist },
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await server.close();
  await upstream.close();
  rmSync(dist, { recursive: true });
});

describe('the whole server in live mode', () => {
  it('reports its mode on /healthz', async () => {
    const { response, text } = await fetchAndRecord(`${server.url}/healthz`);
    expect(JSON.parse(text)).toEqual({ status: 'ok', mode: 'live' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('asks search engines to stay away in /robots.txt, as text', async () => {
    const { response, text } = await fetchAndRecord(`${server.url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toBe('User-agent: *\nDisallow: /\n');
  });

  it('sets the security headers on every kind of response', async () => {
    for (const urlPath of [
      '/',
      '/contacts?workspace=x',
      '/assets/index-Zx9.js',
      '/assets/gone.js',
      '/api/workspaces',
      '/api/nope',
      '/healthz',
      '/robots.txt',
    ]) {
      const { response } = await fetchAndRecord(server.url + urlPath);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(response.headers.get(name), `${name} on ${urlPath}`).toBe(value);
      }
    }
    const refused = await rawRequest(server.url, 'GET http://evil.example/api/workspaces HTTP/1.1');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('proxies /api with no-store and the key added', async () => {
    upstream.received.length = 0;
    const { response } = await fetchAndRecord(`${server.url}/api/workspaces`, {
      headers: { Cookie: 'a=b', Authorization: 'Basic eDp5' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(upstream.received[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CANARY}:`).toString('base64')}`,
    );
    expect(upstream.received[0]?.headers.cookie).toBeUndefined();
  });

  it.each([
    ['GET http://evil.example/api/workspaces HTTP/1.1', 400],
    ['GET http://127.0.0.1/api/workspaces HTTP/1.1', 400],
    ['GET /api%2fworkspaces HTTP/1.1', 400],
    ['GET /API/workspaces HTTP/1.1', 404],
    ['GET /sandbox-api/contacts HTTP/1.1', 404],
  ])('answers %s with %i and never calls the upstream', async (line, status) => {
    upstream.received.length = 0;
    const response = await rawRequest(server.url, line);
    seen.push(response.raw);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: status, error: expect.any(String) });
    expect(upstream.received).toHaveLength(0);
  });

  it.each([
    ['GET * HTTP/1.1', 400],
    ['OPTIONS * HTTP/1.1', 400],
    ['GET /api/contacts?search=a b HTTP/1.1', 400],
    [`GET /api/contacts?search=${'a'.repeat(20_000)} HTTP/1.1`, 431],
  ])('refuses the malformed %s with %i, never calls the upstream and keeps serving', async (line, status) => {
    upstream.received.length = 0;
    const response = await rawRequest(server.url, line);
    seen.push(response.raw);
    expect(response.status).toBe(status);
    expect(upstream.received).toHaveLength(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('serves the app for //api paths without calling the upstream', async () => {
    upstream.received.length = 0;
    const response = await rawRequest(server.url, 'GET //api/contacts HTTP/1.1');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Mailstand Contacts</title>');
    expect(upstream.received).toHaveLength(0);
  });

  it('lets a request in flight finish on close, then refuses new ones', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const other = await startFakeUpstream();
    other.respond((_req, res) => {
      void held.then(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"status":"ok","data":[{"id":"space_1","name":"Late"}]}');
      });
    });
    const draining = await startServer({
      config: parseEnv({ PORT: '0', MAILSTAND_API_KEY: CANARY, MAILSTAND_API_URL: other.url }),
      app: { kind: 'dist', dir: dist },
      log: (line) => logLines.push(line),
    });
    try {
      const inFlight = fetch(`${draining.url}/api/workspaces`);
      while (other.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const closed = draining.close();
      release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: [{ name: 'Late' }] });
      await closed;
      await expect(fetch(`${draining.url}/healthz`)).rejects.toThrow();
    } finally {
      await draining.close();
      await other.close();
    }
  });

  it('never shows the key in a response, a header or the log', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const text of [...seen, ...logLines]) expect(text).not.toContain(CANARY);
  });
});

describe('the whole server in sandbox mode', () => {
  let sandboxDir: string;
  let sandbox: RunningServer;

  beforeAll(async () => {
    sandboxDir = mkdtempSync(path.join(tmpdir(), 'server-sandbox-'));
    sandbox = await startServer({
      config: parseEnv({
        PORT: '0',
        SANDBOX_DB: path.join(sandboxDir, 'sandbox.db'),
        SANDBOX_CONTACTS: '3000',
        SANDBOX_RATE_LIMIT: 'off',
      }),
      app: { kind: 'dist', dir: dist },
      log: (line) => logLines.push(line),
    });
  });

  afterAll(async () => {
    await sandbox.close();
    rmSync(sandboxDir, { recursive: true });
  });

  it('reports sandbox mode and its key', async () => {
    expect(sandbox.sandboxKey).toBe(SANDBOX_API_KEY);
    expect(await (await fetch(`${sandbox.url}/healthz`)).json()).toEqual({ status: 'ok', mode: 'sandbox' });
  });

  it('serves workspaces and a 2000-contact page through the proxy, as the sandbox API itself does', async () => {
    const workspaces = readAnswer(
      readWorkspacesAnswer,
      await (await fetch(`${sandbox.url}/api/workspaces`)).json(),
    );
    expect(workspaces.data.length).toBeGreaterThanOrEqual(3);
    const largest = workspaces.data.reduce((a, b) =>
      (a.campaign_count ?? 0) >= (b.campaign_count ?? 0) ? a : b,
    );

    const query = `?workspace=${largest.id}&display=2000&page=1`;
    const response = await fetch(`${sandbox.url}/api/contacts${query}`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    const page = readAnswer(readContactsPageAnswer, await response.json());
    expect(page.data).toHaveLength(2000);

    const direct = await fetch(`${sandbox.url}/sandbox-api/contacts${query}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${SANDBOX_API_KEY}:`).toString('base64')}` },
    });
    expect(readAnswer(readContactsPageAnswer, await direct.json())).toEqual(page);
  });

  it('passes the sandbox’s own errors through', async () => {
    const response = await fetch(`${sandbox.url}/api/contacts?display=2001&page=1`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, error: expect.any(String) });
  });

  it('asks for the key on /sandbox-api', async () => {
    const response = await fetch(`${sandbox.url}/sandbox-api/workspaces`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'Unauthorized Permission' });
  });
});

describe('the access gate', () => {
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  async function startGated(env: Record<string, string>) {
    return startServer({
      config: parseEnv({ PORT: '0', MAILSTAND_API_KEY: CANARY, MAILSTAND_API_URL: upstream.url, ...env }),
      app: { kind: 'dist', dir: dist },
      log: (line) => logLines.push(line),
    });
  }

  it('with a password, keeps /healthz open and asks for a login everywhere else', async () => {
    const gated = await startGated({
      ACCESS_PASSWORD: 'shared password for the team',
      ACCESS_USERS: 'alice:alice-own-password',
    });
    try {
      expect((await fetch(`${gated.url}/healthz`)).status).toBe(200);
      upstream.received.length = 0;
      for (const urlPath of [
        '/',
        '/contacts',
        '/assets/index-Zx9.js',
        '/api/workspaces',
        '/sandbox-api/workspaces',
      ]) {
        const response = await fetch(gated.url + urlPath);
        expect(response.status, urlPath).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe(
          'Basic realm="Mailstand Contacts", charset="UTF-8"',
        );
        expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(await response.json()).toMatchObject({ statusCode: 401, error: 'Login Required' });
      }
      expect(upstream.received).toHaveLength(0);

      const wrong = await fetch(`${gated.url}/api/workspaces`, {
        headers: { Authorization: basic('bob', 'guess') },
      });
      expect(wrong.status).toBe(401);
      expect(upstream.received).toHaveLength(0);

      const shared = await fetch(`${gated.url}/api/workspaces`, {
        headers: { Authorization: basic('anyone', 'shared password for the team') },
      });
      expect(shared.status).toBe(200);
      // The login is between the browser and this server: Mailstand sees only the key.
      expect(upstream.received[0]?.headers.authorization).toBe(
        `Basic ${Buffer.from(`${CANARY}:`).toString('base64')}`,
      );

      const own = await fetch(`${gated.url}/`, {
        headers: { Authorization: basic('alice', 'alice-own-password') },
      });
      expect(own.status).toBe(200);
      const othersPassword = await fetch(`${gated.url}/`, {
        headers: { Authorization: basic('mallory', 'alice-own-password') },
      });
      expect(othersPassword.status).toBe(401);
    } finally {
      await gated.close();
    }
  });

  it('with an identity header, trusts it only from the login proxy', async () => {
    const trusted = await startGated({
      ACCESS_IDENTITY_HEADER: 'X-Auth-Request-Email',
      ACCESS_TRUSTED_PROXIES: '127.0.0.1,::1',
    });
    const untrusted = await startGated({
      ACCESS_IDENTITY_HEADER: 'X-Auth-Request-Email',
      ACCESS_TRUSTED_PROXIES: '10.9.9.9',
    });
    try {
      const named = { 'X-Auth-Request-Email': 'ops@example.com' };
      expect((await fetch(`${trusted.url}/api/workspaces`, { headers: named })).status).toBe(200);
      expect((await fetch(`${trusted.url}/api/workspaces`)).status).toBe(401);
      expect((await fetch(`${trusted.url}/healthz`)).status).toBe(200);
      const spoofed = await fetch(`${untrusted.url}/api/workspaces`, { headers: named });
      expect(spoofed.status).toBe(403);
      expect(spoofed.headers.get('www-authenticate')).toBeNull();
      expect((await fetch(`${untrusted.url}/healthz`)).status).toBe(200);
    } finally {
      await trusted.close();
      await untrusted.close();
    }
  });
});
