import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';

export { SESSION_PATH, SIGN_IN_PATH, SIGN_OUT_PATH } from '../../shared/contract';

export const SESSION_COOKIE = 'mailstand_session';
/** A working day: long enough not to interrupt, short enough that a forgotten tab signs itself out. */
export const SESSION_MS = 12 * 60 * 60_000;

/** Sessions as signed cookies: the cookie names the user and its own end, and nobody can forge one. */
export interface Sessions {
  /** The signed-in user, or null when there is no valid, unexpired session. */
  userOf(c: Context): Promise<string | null>;
  start(c: Context, user: string): Promise<void>;
  end(c: Context): void;
}

export function createSessions({
  secret = randomBytes(32).toString('base64'),
  ttlMs = SESSION_MS,
  now = Date.now,
}: { secret?: string; ttlMs?: number; now?: () => number } = {}): Sessions {
  const options = (c: Context) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'Strict' as const,
    // Behind https (here or at a reverse proxy that says so) the cookie never travels in clear text.
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
  });
  return {
    async userOf(c) {
      const value = await getSignedCookie(c, secret, SESSION_COOKIE);
      if (typeof value !== 'string') return null;
      const separator = value.lastIndexOf('|');
      const user = value.slice(0, separator);
      const endsAt = Number(value.slice(separator + 1));
      return separator > 0 && Number.isFinite(endsAt) && now() < endsAt ? user : null;
    },
    async start(c, user) {
      const endsAt = now() + ttlMs;
      await setSignedCookie(c, SESSION_COOKIE, `${user}|${endsAt}`, secret, {
        ...options(c),
        maxAge: Math.floor(ttlMs / 1000),
      });
    },
    end(c) {
      deleteCookie(c, SESSION_COOKIE, options(c));
    },
  };
}
