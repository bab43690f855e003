/**
 * The servers Playwright starts for the end-to-end run (see playwright.config.ts). Specs import
 * the URLs from here so that E2E_PORT moves everything at once.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4345);

/** The app on the full sandbox, rate limit off: parallel tests share one key. */
export const APP_URL = `http://127.0.0.1:${E2E_PORT}`;

/** A second server on a small sandbox with a tight rate limit, for the rate-limit journey only. */
export const RATE_LIMITED_PORT = E2E_PORT + 1;
export const RATE_LIMITED_URL = `http://127.0.0.1:${RATE_LIMITED_PORT}`;

/**
 * Above what opening the app sends in one window (workspaces, campaigns, fields, the first page,
 * its prefetch and one count per stage), so the app never waits by itself and the test decides
 * when the budget is used up; the server's scheduler keeps to it as it keeps to Mailstand's real
 * 100 per 15 s. A short window keeps the wait short.
 */
export const TIGHT_RATE_LIMIT = '30/10s';

/**
 * The second server is also the one with sign-in (ACCESS_USERS): the sign-in journey signs in as
 * this person, and the rate-limit journey sends the same credentials as HTTP Basic, as a script would.
 */
export const TEAM_MEMBER = { user: 'ana', password: 'ana-team-password' } as const;
export const TEAM_MEMBER_BASIC = `Basic ${Buffer.from(`${TEAM_MEMBER.user}:${TEAM_MEMBER.password}`).toString('base64')}`;
