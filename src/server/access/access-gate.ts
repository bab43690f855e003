import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../http/json-response';
import { SIGN_IN_PATH, type Sessions } from './sessions';

/**
 * Who may use the server when it listens beyond this machine. Whoever gets through reads every
 * contact the Mailstand key can see, so a non-loopback HOST requires one of these.
 */
export type AccessRule =
  /** HTTP Basic: any user name with the shared password, or a listed user with their own. */
  | { kind: 'password'; sharedPassword: string | null; users: ReadonlyMap<string, string> }
  /** An SSO proxy in front (such as oauth2-proxy) has logged the user in and names them in a header. */
  | { kind: 'identity-header'; header: string; trustedProxies: ReadonlySet<string> };

export type AccessDecision =
  | { allowed: true; user: string }
  | { allowed: false; status: 401 | 403; message: string; challenge: boolean; wrongPassword: boolean };

export const LOGIN_REALM = 'Mailstand Contacts';

/** What the gate looks at: the peer's address and the request's headers. */
export interface AccessRequest {
  address: string;
  header(name: string): string | undefined;
}

/** Lets a request through, or answers 401/403 (after any delay earned by failed logins). */
export function createAccessGate(
  rule: AccessRule,
  throttle = new FailedLoginThrottle(),
  sessions: Sessions | null = null,
): MiddlewareHandler<{ Bindings: HttpBindings; Variables: { user?: string } }> {
  return async (c, next) => {
    const signedIn = sessions === null ? null : await sessions.userOf(c);
    if (signedIn !== null) {
      c.set('user', signedIn);
      return next();
    }
    const request: AccessRequest = {
      address: normaliseAddress(getConnInfo(c).remote.address ?? ''),
      header: (name) => c.req.header(name),
    };
    const delay = throttle.delayFor(request.address);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const decision = checkAccess(rule, request);
    if (decision.allowed) {
      throttle.recordSuccess(request.address);
      // Whom the request is for: the key's budget takes turns between people.
      c.set('user', decision.user);
      return next();
    }
    if (decision.wrongPassword) throttle.recordFailure(request.address);
    if (sessions !== null) {
      // A person opening a page is shown the sign-in page; the app's own requests (its session
      // ended) get no Basic challenge, which would open the browser's own login dialog.
      if (c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html'))
        return c.redirect(SIGN_IN_PATH, 303);
      if (c.req.header('sec-fetch-site') === 'same-origin') decision.challenge = false;
    }
    return errorResponse(c, decision.status, 'Login Required', decision.message, {
      'Cache-Control': 'no-store',
      ...(decision.challenge ? { 'WWW-Authenticate': `Basic realm="${LOGIN_REALM}", charset="UTF-8"` } : {}),
    });
  };
}

export function checkAccess(rule: AccessRule, request: AccessRequest): AccessDecision {
  if (rule.kind === 'identity-header') {
    // The header proves nothing unless it was set by the proxy itself: anyone else could send it.
    if (!rule.trustedProxies.has(request.address)) {
      return {
        allowed: false,
        status: 403,
        message: 'This server accepts requests only through its login proxy.',
        challenge: false,
        wrongPassword: false,
      };
    }
    const user = request.header(rule.header);
    if (user !== undefined && user.trim() !== '') return { allowed: true, user: user.trim() };
    return {
      allowed: false,
      status: 401,
      message: `The login proxy did not name a user (no ${rule.header} header).`,
      challenge: false,
      wrongPassword: false,
    };
  }
  const credentials = parseBasic(request.header('authorization'));
  if (credentials !== null && passwordMatches(rule, credentials.user, credentials.password)) {
    return { allowed: true, user: credentials.user };
  }
  return {
    allowed: false,
    status: 401,
    message:
      credentials === null
        ? 'Log in to use Mailstand Contacts.'
        : 'Wrong user name or password. Ask whoever runs this server for access.',
    challenge: true,
    wrongPassword: credentials !== null,
  };
}

export function passwordMatches(
  rule: Extract<AccessRule, { kind: 'password' }>,
  user: string,
  password: string,
): boolean {
  // Every candidate is compared, so the time taken does not reveal which one nearly matched.
  const own = rule.users.get(user);
  const matchesOwn = own !== undefined && constantTimeEqual(own, password);
  const matchesShared = rule.sharedPassword !== null && constantTimeEqual(rule.sharedPassword, password);
  return matchesOwn || matchesShared;
}

/** Compares digests, which have equal length, so neither content nor length leaks through timing. */
export function constantTimeEqual(expected: string, actual: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(actual));
}

export function parseBasic(header: string | undefined): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
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
    const entry = this.failures.get(address);
    if (entry === undefined || this.now() - entry.last > this.forgetAfterMs) return 0;
    return Math.min(250 * 2 ** (entry.count - 1), 5_000);
  }

  recordFailure(address: string): void {
    const entry = this.failures.get(address);
    const fresh = entry === undefined || this.now() - entry.last > this.forgetAfterMs;
    this.failures.set(address, { count: fresh ? 1 : entry.count + 1, last: this.now() });
    if (this.failures.size > 10_000) this.forgetOld();
  }

  recordSuccess(address: string): void {
    this.failures.delete(address);
  }

  private forgetOld(): void {
    for (const [address, entry] of this.failures) {
      if (this.now() - entry.last > this.forgetAfterMs) this.failures.delete(address);
    }
  }
}
