import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { AccessRule } from './access/access-gate';
import { RATE_LIMIT } from '../shared/contract';
import { parseRateLimit, type RateLimit } from './sandbox';

/** A configuration mistake, worded for the one line the server prints before it stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const optional = (schema: z.ZodType<string, string>) => z.union([z.literal(''), schema]);
const list = z.string().transform((text) => text.split(/\s*,\s*/).filter(Boolean));
// An empty value has become the default before these read it.
const filePath = z.string().transform((file) => path.resolve(file));
const host = z.string().regex(/^[A-Za-z0-9.:%-]+$/);
const apiKey = optional(z.string().regex(/^[\x21-\x39\x3b-\x7e]+$/));
const headerName = optional(z.string().regex(/^[A-Za-z0-9-]+$/));
const ipAddresses = list.refine((addresses) => addresses.every((address) => isIP(address) !== 0));

const apiUrl = z
  .url({ protocol: /^https?$/ })
  .transform((text) => new URL(text))
  .refine((url) => url.username === '' && url.password === '' && url.search === '' && url.hash === '')
  // The key travels in every request: in clear text only to this machine.
  .refine((url) => url.protocol === 'https:' || isLoopback(url.hostname.replace(/^\[(.*)\]$/, '$1')));

const rateLimit = z.string().transform((text, context): RateLimit | null => {
  try {
    return parseRateLimit(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'not a rate limit' });
    return z.NEVER;
  }
});

const limitNotOff = rateLimit.refine((limit) => limit !== null).transform((limit) => limit ?? RATE_LIMIT);

const accessUsers = list.transform((pairs, context) => {
  const users = new Map<string, string>();
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    const user = pair.slice(0, colon).trim();
    const password = pair.slice(colon + 1);
    if (colon === -1 || user === '' || password.length < 12) {
      context.addIssue({ code: 'custom', message: 'not a user:password pair' });
      return z.NEVER;
    }
    users.set(user, password);
  }
  return users;
});

/** Settings whose value is a credential: an error message never echoes it. */
const SECRET = new Set(['MAILSTAND_API_KEY', 'ACCESS_PASSWORD', 'ACCESS_USERS']);

/** An environment variable, trimmed: unset or empty reads as its default; `expected` says what is valid. */
const variable = <T>(schema: z.ZodType<T, string>, fallback: string, expected: string) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim()) || fallback, schema).describe(expected);

const MS = 'milliseconds from';

/** Every setting, with its default and what a valid value looks like (the README's table). */
const SETTINGS = z.object({
  PORT: variable(wholeNumber(0, 65_535), '4173', 'a port number from 0 to 65535'),
  HOST: variable(host, '127.0.0.1', 'a host name or IP address to listen on, such as 0.0.0.0'),
  UPSTREAM_TIMEOUT_MS: variable(wholeNumber(1, 600_000), '30000', `${MS} 1 to 600000`),
  MAILSTAND_API_KEY: variable(apiKey, '', 'your Mailstand API key, without spaces or colons'),
  MAILSTAND_API_URL: variable(
    apiUrl,
    'https://api.mailstand.com',
    'an https:// base URL without user, query or fragment (http:// only for localhost)',
  ),
  UPSTREAM_RATE_LIMIT: variable(limitNotOff, '100/15s', "Mailstand's requests per window, such as 100/15s"),
  RATE_LIMIT_MAX_WAIT_MS: variable(wholeNumber(0, 600_000), '20000', `${MS} 0 to 600000`),
  CACHE_MAX_MB: variable(wholeNumber(0, 64_000), '64', 'megabytes from 0 (no cache) to 64000'),
  CACHE_CONTACTS_TTL_MS: variable(wholeNumber(0, 3_600_000), '30000', `${MS} 0 (not cached) to 3600000`),
  CACHE_REFERENCE_TTL_MS: variable(wholeNumber(0, 86_400_000), '300000', `${MS} 0 (not cached) to 86400000`),
  SANDBOX_DB: variable(filePath, '.data/sandbox.db', 'a file path'),
  SANDBOX_CONTACTS: variable(
    wholeNumber(1, 2_000_000),
    '100000',
    'a number of demo contacts from 1 to 2000000',
  ),
  SANDBOX_SEED: variable(z.string().max(200), 'mailstand-demo', 'a text of at most 200 characters'),
  SANDBOX_RATE_LIMIT: variable(rateLimit, '100/15s', 'requests per window such as 100/15s, or off'),
  APP_DB_PATH: variable(filePath, '.data/app.db', 'a file path'),
  ACCESS_PASSWORD: variable(optional(z.string().min(12)), '', 'a password of at least 12 characters'),
  ACCESS_USERS: variable(accessUsers, '', 'comma-separated user:password pairs, passwords of 12+ characters'),
  ACCESS_IDENTITY_HEADER: variable(headerName, '', 'an HTTP header name, such as X-Auth-Request-Email'),
  ACCESS_TRUSTED_PROXIES: variable(ipAddresses, '', 'IP addresses separated by commas'),
});

type Settings = z.output<typeof SETTINGS>;

/**
 * Reads every variable; the first invalid one, in the table's order, stops the server. An empty
 * value counts as unset, so a `.env` copied from the README with `MAILSTAND_API_KEY=` still
 * starts in sandbox mode.
 */
function readSettings(env: NodeJS.ProcessEnv): Settings {
  const result = SETTINGS.safeParse(env);
  if (result.success) return result.data;
  const name = String(result.error.issues[0]?.path[0]);
  const shown = SECRET.has(name) ? '' : ` (got ${JSON.stringify(env[name]?.trim())})`;
  const expected = new Map(Object.entries(SETTINGS.shape)).get(name)?.description ?? 'a valid value';
  throw new ConfigError(`Invalid ${name}${shown}: expected ${expected}.`);
}

export type ServerConfig = ReturnType<typeof parseEnv>;

/** The whole configuration, from environment variables. */
export function parseEnv(env: NodeJS.ProcessEnv) {
  const settings = readSettings(env);
  const access = accessRule(settings);
  if (access === null && !isLoopback(settings.HOST)) {
    throw new ConfigError(
      `HOST=${settings.HOST} would let anyone who reaches this machine read every contact the key can see: ` +
        'set ACCESS_PASSWORD or ACCESS_USERS (or ACCESS_IDENTITY_HEADER behind a login proxy), ' +
        'or keep HOST=127.0.0.1.',
    );
  }
  const apiKey = settings.MAILSTAND_API_KEY;
  return {
    port: settings.PORT,
    host: settings.HOST,
    upstreamTimeoutMs: settings.UPSTREAM_TIMEOUT_MS,
    /** How the key's budget is spent and answers reused; the limit itself comes with the source. */
    budget: {
      maxWaitMs: settings.RATE_LIMIT_MAX_WAIT_MS,
      cacheBytes: settings.CACHE_MAX_MB * 1024 * 1024,
      contactsTtlMs: settings.CACHE_CONTACTS_TTL_MS,
      referenceTtlMs: settings.CACHE_REFERENCE_TTL_MS,
    },
    source:
      apiKey === ''
        ? {
            mode: 'sandbox' as const,
            dbPath: settings.SANDBOX_DB,
            contacts: settings.SANDBOX_CONTACTS,
            seed: settings.SANDBOX_SEED,
            rateLimit: settings.SANDBOX_RATE_LIMIT,
          }
        : {
            mode: 'live' as const,
            apiKey,
            apiUrl: settings.MAILSTAND_API_URL,
            rateLimit: settings.UPSTREAM_RATE_LIMIT,
          },
    /** The app's own SQLite file (saved views), in both modes. */
    appDbPath: settings.APP_DB_PATH,
    /** Required when HOST is not a loopback address; null means only this machine can connect. */
    access,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function accessRule(settings: Settings): AccessRule | null {
  const { ACCESS_PASSWORD: sharedPassword, ACCESS_USERS: users, ACCESS_IDENTITY_HEADER: header } = settings;
  const hasPasswords = sharedPassword !== '' || users.size > 0;
  if (header === '') {
    return hasPasswords ? { kind: 'password', sharedPassword: sharedPassword || null, users } : null;
  }
  if (hasPasswords) {
    throw new ConfigError('Set either ACCESS_IDENTITY_HEADER or ACCESS_PASSWORD/ACCESS_USERS, not both.');
  }
  if (settings.ACCESS_TRUSTED_PROXIES.length === 0) {
    throw new ConfigError(
      'ACCESS_IDENTITY_HEADER needs ACCESS_TRUSTED_PROXIES: the IP addresses of the login proxy, separated by ' +
        'commas (anyone else could send the header).',
    );
  }
  return { kind: 'identity-header', header, trustedProxies: new Set(settings.ACCESS_TRUSTED_PROXIES) };
}
