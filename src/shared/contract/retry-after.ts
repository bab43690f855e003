/** A Retry-After beyond this is treated as this: waiting longer is never the best advice. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds,
 * or null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  // All three HTTP date forms start with a day name; Date.parse alone would accept "-5" as a year.
  const date = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}
