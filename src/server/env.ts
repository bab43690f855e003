import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { AccessRule } from './access/access-gate';
import type { BudgetConfig } from './budget/key-budget';
import { RATE_LIMIT } from '../shared/contract';
import { parseRateLimit, type RateLimit } from './sandbox';

export interface LiveSource {
  mode: 'live';
  apiKey: string;
  apiUrl: URL;
  /** Mailstand's limit per key, which the server's scheduler keeps to. */
  rateLimit: RateLimit;
}

export interface SandboxSource {
  mode: 'sandbox';
  dbPath: string;
  contacts: number;
  seed: string;
  rateLimit: RateLimit | null;
}

/** How the key's budget is spent and answers are reused; the limit itself comes with the source. */
export type BudgetSettings = Omit<BudgetConfig, 'limit'>;

export interface ServerConfig {
  port: number;
  host: string;
  upstreamTimeoutMs: number;
  budget: BudgetSettings;
  source: LiveSource | SandboxSource;
  /** The app's own SQLite file (saved views), in both modes. */
  appDbPath: string;
  /** Required when HOST is not a loopback address; null means only this machine can connect. */
  access: AccessRule | null;
}

/** A configuration mistake, worded for the one line the server prints before it stops. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const MAX_SANDBOX_CONTACTS = 2_000_000;
export const DEFAULT_SANDBOX_SEED = 'mailstand-demo';

const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

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

const accessUsers = z.string().transform((text, context) => {
  const users = new Map<string, string>();
  for (const pair of text.split(',').filter((part) => part.trim() !== '')) {
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

const apiKey = z.string().regex(/^[\x21-\x39\x3b-\x7e]+$/);

interface Variable<T> {
  schema: z.ZodType<T, string>;
  fallback: string;
  expected: string;
  /** Never echo the value: it may be a credential. */
  secret?: boolean;
}

function read<T>(env: NodeJS.ProcessEnv, name: string, variable: Variable<T>): T {
  const value = env[name]?.trim() || variable.fallback;
  const result = variable.schema.safeParse(value);
  if (result.success) return result.data;
  const shown = variable.secret === true ? '' : ` (got ${JSON.stringify(value)})`;
  throw new ConfigError(`Invalid ${name}${shown}: expected ${variable.expected}.`);
}

/**
 * Reads the whole configuration from environment variables. An empty value counts as unset, so
 * a `.env` copied from the README with `MAILSTAND_API_KEY=` still starts in sandbox mode.
 */
export function parseEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const port = read(env, 'PORT', {
    schema: wholeNumber(0, 65_535),
    fallback: '4173',
    expected: 'a port number from 0 to 65535',
  });
  const host = read(env, 'HOST', {
    schema: z.string().regex(/^[A-Za-z0-9.:%-]+$/),
    fallback: '127.0.0.1',
    expected: 'a host name or IP address to listen on, such as 127.0.0.1 or 0.0.0.0',
  });
  const upstreamTimeoutMs = read(env, 'UPSTREAM_TIMEOUT_MS', {
    schema: wholeNumber(1, 600_000),
    fallback: '30000',
    expected: 'milliseconds from 1 to 600000',
  });
  const key = read(env, 'MAILSTAND_API_KEY', {
    schema: z.union([z.literal(''), apiKey]),
    fallback: '',
    expected: 'the API key from your Mailstand settings, without spaces or colons',
    secret: true,
  });
  const url = read(env, 'MAILSTAND_API_URL', {
    schema: apiUrl,
    fallback: 'https://api.mailstand.com',
    expected:
      'an https:// base URL without user, query or fragment, such as https://api.mailstand.com ' +
      '(http:// only for localhost)',
  });
  const liveRateLimit = read(env, 'UPSTREAM_RATE_LIMIT', {
    schema: rateLimit.refine((limit) => limit !== null),
    fallback: '100/15s',
    expected: "Mailstand's requests per window for one key, such as 100/15s",
  });
  const budget: BudgetSettings = {
    maxWaitMs: read(env, 'RATE_LIMIT_MAX_WAIT_MS', {
      schema: wholeNumber(0, 600_000),
      fallback: '20000',
      expected: 'milliseconds from 0 to 600000',
    }),
    cacheBytes:
      read(env, 'CACHE_MAX_MB', {
        schema: wholeNumber(0, 64_000),
        fallback: '64',
        expected: 'megabytes from 0 (no cache) to 64000',
      }) *
      1024 *
      1024,
    contactsTtlMs: read(env, 'CACHE_CONTACTS_TTL_MS', {
      schema: wholeNumber(0, 3_600_000),
      fallback: '30000',
      expected: 'milliseconds from 0 (not cached) to 3600000',
    }),
    referenceTtlMs: read(env, 'CACHE_REFERENCE_TTL_MS', {
      schema: wholeNumber(0, 86_400_000),
      fallback: '300000',
      expected: 'milliseconds from 0 (not cached) to 86400000',
    }),
  };
  // Sandbox settings are checked in live mode too, so a typo never waits for the next switch.
  const sandbox: SandboxSource = {
    mode: 'sandbox',
    dbPath: path.resolve(
      read(env, 'SANDBOX_DB', {
        schema: z.string().min(1),
        fallback: '.data/sandbox.db',
        expected: 'a file path',
      }),
    ),
    contacts: read(env, 'SANDBOX_CONTACTS', {
      schema: wholeNumber(1, MAX_SANDBOX_CONTACTS),
      fallback: '100000',
      expected: `a whole number of demo contacts from 1 to ${MAX_SANDBOX_CONTACTS}`,
    }),
    seed: read(env, 'SANDBOX_SEED', {
      schema: z.string().max(200),
      fallback: DEFAULT_SANDBOX_SEED,
      expected: 'a text of at most 200 characters',
    }),
    rateLimit: read(env, 'SANDBOX_RATE_LIMIT', {
      schema: rateLimit,
      fallback: '100/15s',
      expected: 'requests per window such as 100/15s, or off',
    }),
  };
  const appDbPath = path.resolve(
    read(env, 'APP_DB_PATH', {
      schema: z.string().min(1),
      fallback: '.data/app.db',
      expected: 'a file path',
    }),
  );
  const access = readAccessRule(env);
  if (access === null && !isLoopback(host)) {
    throw new ConfigError(
      `HOST=${host} would let anyone who reaches this machine read every contact the key can see: ` +
        'set ACCESS_PASSWORD or ACCESS_USERS (or ACCESS_IDENTITY_HEADER behind a login proxy), ' +
        'or keep HOST=127.0.0.1.',
    );
  }
  return {
    port,
    host,
    upstreamTimeoutMs,
    budget,
    source:
      key === ''
        ? sandbox
        : { mode: 'live', apiKey: key, apiUrl: url, rateLimit: liveRateLimit ?? RATE_LIMIT },
    appDbPath,
    access,
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readAccessRule(env: NodeJS.ProcessEnv): AccessRule | null {
  const sharedPassword = read(env, 'ACCESS_PASSWORD', {
    schema: z.union([z.literal(''), z.string().min(12)]),
    fallback: '',
    expected: 'a password of at least 12 characters',
    secret: true,
  });
  const users = read(env, 'ACCESS_USERS', {
    schema: accessUsers,
    fallback: '',
    expected: 'user:password pairs separated by commas, passwords of at least 12 characters',
    secret: true,
  });
  const header = read(env, 'ACCESS_IDENTITY_HEADER', {
    schema: z.union([z.literal(''), z.string().regex(/^[A-Za-z0-9-]+$/)]),
    fallback: '',
    expected: 'an HTTP header name, such as X-Auth-Request-Email',
  });
  const trustedProxies = read(env, 'ACCESS_TRUSTED_PROXIES', {
    schema: z.string().transform(
      (text) =>
        new Set(
          text
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
        ),
    ),
    fallback: '',
    expected: 'IP addresses separated by commas',
  });
  const hasPasswords = sharedPassword !== '' || users.size > 0;
  if (header !== '') {
    if (hasPasswords) {
      throw new ConfigError('Set either ACCESS_IDENTITY_HEADER or ACCESS_PASSWORD/ACCESS_USERS, not both.');
    }
    if (trustedProxies.size === 0 || [...trustedProxies].some((address) => isIP(address) === 0)) {
      throw new ConfigError(
        'ACCESS_IDENTITY_HEADER needs ACCESS_TRUSTED_PROXIES: the IP addresses of the login proxy, separated by ' +
          'commas (anyone else could send the header).',
      );
    }
    return { kind: 'identity-header', header, trustedProxies };
  }
  if (!hasPasswords) return null;
  return { kind: 'password', sharedPassword: sharedPassword === '' ? null : sharedPassword, users };
}
