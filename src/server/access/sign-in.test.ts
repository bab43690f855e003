import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { startServer, type RunningServer } from '../server';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { createSessions } from './sessions';

let dist: string;
let upstream: FakeUpstream;
let server: RunningServer;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'sign-in-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Mailstand Contacts</title>');
  upstream = await startFakeUpstream();
  server = await startServer({
    config: parseEnv({
      PORT: '0',
      MAILSTAND_API_KEY: 'key_sign_in_test',
      MAILSTAND_API_URL: upstream.url,
      ACCESS_USERS: 'ana:ana-own-password,ben:ben-own-password',
    }),
    app: { kind: 'dist', dir: dist },
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
  await upstream.close();
  rmSync(dist, { recursive: true });
});

function signIn(user: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ user, password }),
  });
}

/** The `name=value` part of a Set-Cookie header, to send back as a browser would. */
function cookieOf(response: Response): string {
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the sign-in page', () => {
  it('is where a person opening the app without a session is sent', async () => {
    const opened = await fetch(`${server.url}/`, { redirect: 'manual', headers: { Accept: 'text/html' } });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/login');
    const page = await fetch(`${server.url}/login`);
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(text).toContain('<label for="user">User name</label>');
    expect(text).toContain('<label for="password">Password</label>');
  });

  it('refuses a wrong password with the page again and a message, and sets no cookie', async () => {
    const refused = await signIn('ana', 'ben-own-password');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await refused.text()).toContain('<p role="alert">Wrong user name or password.');
  });

  it('starts a session in an HttpOnly, SameSite=Strict cookie with an expiry, Secure behind https', async () => {
    const signedIn = await signIn('ana', 'ana-own-password');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/');
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mailstand_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const behindHttps = await signIn('ana', 'ana-own-password', { 'X-Forwarded-Proto': 'https' });
    expect(behindHttps.headers.get('set-cookie')).toContain('; Secure');
  });

  it('lets the session through to the app and the API, and names the user', async () => {
    const cookie = cookieOf(await signIn('ben', 'ben-own-password'));
    expect((await fetch(`${server.url}/`, { headers: { Cookie: cookie, Accept: 'text/html' } })).status).toBe(
      200,
    );
    expect((await fetch(`${server.url}/api/workspaces`, { headers: { Cookie: cookie } })).status).toBe(200);
    const session = await fetch(`${server.url}/session`, { headers: { Cookie: cookie } });
    expect(await session.json()).toEqual({ user: 'ben', canSignOut: true });
  });

  it('refuses a session cookie that was tampered with', async () => {
    const cookie = cookieOf(await signIn('ben', 'ben-own-password'));
    const forged = cookie.replace('ben', 'ana');
    const response = await fetch(`${server.url}/api/workspaces`, { headers: { Cookie: forged } });
    expect(response.status).toBe(401);
  });

  it('still lets scripts in with HTTP Basic', async () => {
    const basic = `Basic ${Buffer.from('ana:ana-own-password').toString('base64')}`;
    expect((await fetch(`${server.url}/api/workspaces`, { headers: { Authorization: basic } })).status).toBe(
      200,
    );
  });
});

describe('signing out', () => {
  it('is a POST from this origin only; it ends the session and goes back to the sign-in page', async () => {
    const cookie = cookieOf(await signIn('ana', 'ana-own-password'));
    const fromElsewhere = await fetch(`${server.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Cookie: cookie,
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    });
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers.get('set-cookie')).toBeNull();

    const signedOut = await fetch(`${server.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/login');
    expect(signedOut.headers.get('set-cookie')).toMatch(/^mailstand_session=; Max-Age=0/);
  });
});

describe('a session', () => {
  it('ends at its expiry, whatever the browser keeps', async () => {
    let time = 1_000_000;
    const sessions = createSessions({ secret: 'test secret', ttlMs: 60_000, now: () => time });
    const app = new Hono();
    app.post('/in', async (c) => {
      await sessions.start(c, 'ana');
      return c.body(null, 204);
    });
    app.get('/who', async (c) => c.json({ user: await sessions.userOf(c) }));
    const cookie = cookieOf(await app.request('/in', { method: 'POST' }));
    const who = async () =>
      (await (await app.request('/who', { headers: { Cookie: cookie } })).json()) as unknown;
    expect(await who()).toEqual({ user: 'ana' });
    time += 60_000;
    expect(await who()).toEqual({ user: null });
  });
});
