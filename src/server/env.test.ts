import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('parseEnv', () => {
  it('starts in sandbox mode on loopback with the documented defaults', () => {
    const config = parseEnv({});
    expect(config).toMatchObject({
      port: 4173,
      host: '127.0.0.1',
      upstreamTimeoutMs: 30_000,
      source: { mode: 'sandbox', contacts: 100_000, rateLimit: { requests: 100, windowMs: 15_000 } },
    });
    expect(config.source.mode === 'sandbox' && config.source.dbPath.endsWith('.data/sandbox.db')).toBe(true);
  });

  it('keeps the app database in .data/app.db, or in APP_DB_PATH, in both modes', () => {
    expect(parseEnv({}).appDbPath).toMatch(/\.data\/app\.db$/);
    expect(parseEnv({ MAILSTAND_API_KEY: 'key_abc123', APP_DB_PATH: '/var/lib/views.db' }).appDbPath).toBe(
      '/var/lib/views.db',
    );
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ MAILSTAND_API_KEY: '', PORT: ' ' }).source.mode).toBe('sandbox');
  });

  it('switches to live mode when a key is set', () => {
    const config = parseEnv({
      MAILSTAND_API_KEY: 'key_abc123',
      MAILSTAND_API_URL: 'https://eu.mailstand.example/v1',
    });
    expect(config.source).toEqual({
      mode: 'live',
      apiKey: 'key_abc123',
      apiUrl: new URL('https://eu.mailstand.example/v1'),
      rateLimit: { requests: 100, windowMs: 15_000 },
    });
  });

  it("reads the key's budget: rate limit, longest wait and the cache", () => {
    expect(parseEnv({}).budget).toEqual({
      maxWaitMs: 20_000,
      cacheBytes: 64 * 1024 * 1024,
      contactsTtlMs: 30_000,
      referenceTtlMs: 300_000,
    });
    const config = parseEnv({
      MAILSTAND_API_KEY: 'key_abc123',
      UPSTREAM_RATE_LIMIT: '50/10s',
      RATE_LIMIT_MAX_WAIT_MS: '5000',
      CACHE_MAX_MB: '0',
      CACHE_CONTACTS_TTL_MS: '0',
      CACHE_REFERENCE_TTL_MS: '60000',
    });
    expect(config.source).toMatchObject({ rateLimit: { requests: 50, windowMs: 10_000 } });
    expect(config.budget).toEqual({
      maxWaitMs: 5000,
      cacheBytes: 0,
      contactsTtlMs: 0,
      referenceTtlMs: 60_000,
    });
    expect(() => parseEnv({ UPSTREAM_RATE_LIMIT: 'off' })).toThrow(/UPSTREAM_RATE_LIMIT/);
    expect(() => parseEnv({ CACHE_CONTACTS_TTL_MS: '30s' })).toThrow(/CACHE_CONTACTS_TTL_MS/);
  });

  it('reads the sandbox settings', () => {
    const config = parseEnv({
      SANDBOX_CONTACTS: '2000',
      SANDBOX_SEED: 'other',
      SANDBOX_RATE_LIMIT: 'off',
      PORT: '0',
    });
    expect(config.port).toBe(0);
    expect(config.source).toMatchObject({ contacts: 2000, seed: 'other', rateLimit: null });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['HOST', 'http://0.0.0.0'],
    ['UPSTREAM_TIMEOUT_MS', '0'],
    ['UPSTREAM_TIMEOUT_MS', '1.5'],
    ['MAILSTAND_API_URL', 'api.mailstand.com'],
    ['MAILSTAND_API_URL', 'ftp://api.mailstand.com'],
    ['MAILSTAND_API_URL', 'http://api.mailstand.com'],
    ['MAILSTAND_API_URL', 'https://user:pass@api.mailstand.com'],
    ['SANDBOX_CONTACTS', '0'],
    ['SANDBOX_CONTACTS', '2000001'],
    ['SANDBOX_CONTACTS', '1e5'],
    ['SANDBOX_RATE_LIMIT', 'fast'],
  ])('stops with a message naming %s when it is %j', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => parseEnv({ [name]: value })).toThrow(
      new RegExp(`^Invalid ${name} \\(got "${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\): expected `),
    );
  });

  it('allows plain http only to this machine', () => {
    const config = parseEnv({ MAILSTAND_API_KEY: 'key_1', MAILSTAND_API_URL: 'http://127.0.0.1:9999/' });
    expect(config.source.mode === 'live' && config.source.apiUrl.port).toBe('9999');
  });

  it('never echoes an invalid key in its message', () => {
    const attempt = () => parseEnv({ MAILSTAND_API_KEY: 'key_CANARY_123 456' });
    expect(attempt).toThrow(/^Invalid MAILSTAND_API_KEY: expected/);
    expect(attempt).not.toThrow(/CANARY/);
  });
});

describe('the access gate', () => {
  it('is not needed on loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(parseEnv({ HOST: host }).access).toBeNull();
  });

  it('refuses to listen beyond this machine without one', () => {
    expect(() => parseEnv({ HOST: '0.0.0.0' })).toThrow(/^HOST=0\.0\.0\.0 .*ACCESS_PASSWORD/);
  });

  it('reads a shared password and a user list', () => {
    const config = parseEnv({
      HOST: '0.0.0.0',
      ACCESS_PASSWORD: 'correct horse battery',
      ACCESS_USERS: 'alice:alice-password-1, bob:bob:password:2',
    });
    expect(config.access).toEqual({
      kind: 'password',
      sharedPassword: 'correct horse battery',
      users: new Map([
        ['alice', 'alice-password-1'],
        ['bob', 'bob:password:2'],
      ]),
    });
  });

  it('reads an identity header with the proxies trusted to set it', () => {
    const config = parseEnv({
      HOST: '0.0.0.0',
      ACCESS_IDENTITY_HEADER: 'X-Auth-Request-Email',
      ACCESS_TRUSTED_PROXIES: '10.0.0.5, ::1',
    });
    expect(config.access).toEqual({
      kind: 'identity-header',
      header: 'X-Auth-Request-Email',
      trustedProxies: new Set(['10.0.0.5', '::1']),
    });
  });

  it.each([
    [{ ACCESS_PASSWORD: 'short' }, /^Invalid ACCESS_PASSWORD: expected/],
    [{ ACCESS_USERS: 'alice' }, /^Invalid ACCESS_USERS: expected/],
    [{ ACCESS_IDENTITY_HEADER: 'X-Email' }, /ACCESS_TRUSTED_PROXIES/],
    [{ ACCESS_IDENTITY_HEADER: 'X-Email', ACCESS_TRUSTED_PROXIES: 'proxy.local' }, /ACCESS_TRUSTED_PROXIES/],
    [
      {
        ACCESS_IDENTITY_HEADER: 'X-Email',
        ACCESS_TRUSTED_PROXIES: '10.0.0.5',
        ACCESS_PASSWORD: 'long enough password',
      },
      /not both/,
    ],
  ])('stops on %j', (env, message) => {
    expect(() => parseEnv(env)).toThrow(message);
  });

  it('never echoes a password', () => {
    expect(() => parseEnv({ ACCESS_USERS: 'alice:short' })).not.toThrow(/short/);
  });
});
