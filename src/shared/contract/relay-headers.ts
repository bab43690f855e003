/**
 * Headers of our own between the app and its server (not Mailstand's): what a request is for, so
 * the server can order the key's shared budget, and what the server did to answer it.
 */

/** What the app asks for, most urgent first: the order in which the server spends the budget. */
export const REQUEST_PURPOSES = ['page', 'detail', 'reference', 'prefetch', 'counts', 'export'] as const;
export type RequestPurpose = (typeof REQUEST_PURPOSES)[number];

/** Request header naming one of REQUEST_PURPOSES. */
export const PURPOSE_HEADER = 'X-Request-Purpose';

/** Response header: milliseconds the request waited for Mailstand's rate limit before it went out. */
export const BUDGET_WAIT_HEADER = 'X-Rate-Limit-Waited-Ms';

/** Response header (standard HTTP): seconds since the answer left Mailstand, when served from the cache. */
export const AGE_HEADER = 'Age';

export function isRequestPurpose(value: string | undefined): value is RequestPurpose {
  return (REQUEST_PURPOSES as readonly string[]).includes(value ?? '');
}

/** The server's sign-in page (and its form's target), where sign-out posts, and who is signed in (JSON). */
export const SIGN_IN_PATH = '/login';
export const SIGN_OUT_PATH = '/logout';
export const SESSION_PATH = '/session';
