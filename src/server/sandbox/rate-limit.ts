export type RateLimit = { requests: number; windowMs: number };

const PATTERN = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m)$/;

/** Reads a rate limit written as "100/15s" (requests per window; ms, s or m) or "off" (null). */
export function parseRateLimit(text: string): RateLimit | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off') return null;
  const match = PATTERN.exec(trimmed);
  const requests = Number(match?.[1]);
  const unit = match?.[3];
  const windowMs = Number(match?.[2]) * (unit === 'm' ? 60_000 : unit === 's' ? 1_000 : 1);
  if (
    !match ||
    !Number.isSafeInteger(requests) ||
    requests < 1 ||
    !Number.isSafeInteger(windowMs) ||
    windowMs < 1
  ) {
    throw new Error(
      `Expected a rate limit like "100/15s" (at least 1 request per window in ms, s or m) or "off", got ${JSON.stringify(text)}.`,
    );
  }
  return { requests, windowMs };
}

/**
 * A sliding window per key: a request is allowed when fewer than `requests` were allowed in the
 * last `windowMs`. Refused requests do not count, so a client that waits Retry-After gets in.
 */
export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()) {
  const recent = new Map<string, number[]>();
  return {
    /** null when allowed (and counted), else the seconds to wait before the next request can pass. */
    take(key: string): number | null {
      const time = now();
      const times = (recent.get(key) ?? []).filter((at) => at > time - limit.windowMs);
      if (times.length >= limit.requests) {
        recent.set(key, times);
        const oldest = times[0] ?? time;
        return Math.max(1, Math.ceil((oldest + limit.windowMs - time) / 1000));
      }
      times.push(time);
      recent.set(key, times);
      return null;
    },
  };
}
