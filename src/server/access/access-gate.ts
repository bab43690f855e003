import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { auth } from 'hono/utils/basic-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorResponse, NO_STORE } from '../http/json-response';
import { SIGN_IN_PATH, type Sessions } from './sessions';

/** Who may use the server; a non-loopback HOST requires one, as whoever gets in reads every contact. */
export type AccessRule =
  /** HTTP Basic: any user name with the shared password, or a listed user with their own. */
  | { kind: 'password'; sharedPassword: string | null; users: ReadonlyMap<string, string> }
  /** An SSO proxy in front (such as oauth2-proxy) has logged the user in and names them in a header. */
  | { kind: 'identity-header'; header: string; trustedProxies: ReadonlySet<string> };

/** Every request past the gate: `user` is whom it is for (turns in the key's budget, a view's author). */
export type GateEnv = { Bindings: HttpBindings; Variables: { user?: string } };
type Refusal = { status: 401 | 403; message: string; challenge: boolean; wrongPassword?: true };

const CHALLENGE = 'Basic realm="Mailstand Contacts", charset="UTF-8"';

/** Lets a request through, or answers 401/403 (after any delay earned by failed logins). */
export function createAccessGate(
  rule: AccessRule,
  throttle = new FailedLoginThrottle(),
  sessions: Sessions | null = null,
): MiddlewareHandler<GateEnv> {
  return async (c, next) => {
    const signedIn = sessions === null ? null : await sessions.userOf(c);
    if (signedIn !== null) {
      c.set('user', signedIn);
      return next();
    }
    const address = getConnInfo(c).remote.address?.replace(/^::ffff:/, '') ?? '';
    const delay = throttle.delayFor(address);
    if (delay > 0) await sleep(delay);
    const decision = await identify(rule, address, c);
    if (typeof decision === 'string') {
      throttle.recordSuccess(address);
      // Whom the request is for: the key's budget takes turns between people.
      c.set('user', decision);
      return next();
    }
    if (decision.wrongPassword) throttle.recordFailure(address);
    let { challenge } = decision;
    if (sessions !== null) {
      // A person opening a page is shown the sign-in page; the app's own requests (its session
      // ended) get no Basic challenge, which would open the browser's own login dialog.
      if (c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html'))
        return c.redirect(SIGN_IN_PATH, 303);
      if (c.req.header('sec-fetch-site') === 'same-origin') challenge = false;
    }
    return errorResponse(c, decision.status, 'Login Required', decision.message, {
      ...NO_STORE,
      ...(challenge ? { 'WWW-Authenticate': CHALLENGE } : {}),
    });
  };
}

/** The user a request is for, or why it is refused. */
async function identify(rule: AccessRule, address: string, c: Context): Promise<string | Refusal> {
  if (rule.kind === 'identity-header') {
    // The header proves nothing unless it was set by the proxy itself: anyone else could send it.
    if (!rule.trustedProxies.has(address)) {
      const message = 'This server accepts requests only through its login proxy.';
      return { status: 403, message, challenge: false };
    }
    const user = c.req.header(rule.header)?.trim();
    if (user) return user;
    const message = `The login proxy did not name a user (no ${rule.header} header).`;
    return { status: 401, message, challenge: false };
  }
  const credentials = auth(c.req.raw);
  if (credentials === undefined)
    return { status: 401, message: 'Log in to use Mailstand Contacts.', challenge: true };
  if (await passwordMatches(rule, credentials.username, credentials.password)) return credentials.username;
  const message = 'Wrong user name or password. Ask whoever runs this server for access.';
  return { status: 401, message, challenge: true, wrongPassword: true };
}

export async function passwordMatches(
  rule: Extract<AccessRule, { kind: 'password' }>,
  user: string,
  password: string,
): Promise<boolean> {
  // Every candidate is compared (as digests), so the time taken does not reveal which one nearly matched.
  const own = rule.users.get(user);
  const [matchesOwn, matchesShared] = await Promise.all([
    timingSafeEqual(own ?? '', password),
    timingSafeEqual(rule.sharedPassword ?? '', password),
  ]);
  return (own !== undefined && matchesOwn) || (rule.sharedPassword !== null && matchesShared);
}

/**
 * Slows password guessing: each recent failure from an address delays the next answer to it a
 * little more, up to a few seconds; a success or a quiet quarter of an hour forgets them.
 */
export class FailedLoginThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly forgetAfterMs = 15 * 60_000,
  ) {}

  /** How long to hold the answer to a request from this address. */
  delayFor(address: string): number {
    const failures = this.recentFailures(address);
    return failures === 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 5_000);
  }

  recordFailure(address: string): void {
    this.failures.set(address, { count: this.recentFailures(address) + 1, last: this.now() });
    if (this.failures.size > 10_000) {
      for (const known of this.failures.keys()) if (!this.recentFailures(known)) this.failures.delete(known);
    }
  }

  recordSuccess(address: string): void {
    this.failures.delete(address);
  }

  private recentFailures(address: string): number {
    const entry = this.failures.get(address);
    return entry !== undefined && this.now() - entry.last <= this.forgetAfterMs ? entry.count : 0;
  }
}
