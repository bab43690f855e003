import { RATE_LIMIT } from '../../../shared/contract';

/**
 * Client-side pacing so the app itself never trips Mailstand's rate limit (100 requests per 15 s
 * per key), whatever fans out: page loads, prefetching, campaign paging, stage counts, exports.
 * A sliding window (not a token bucket that refills early) matches how the limit is counted, and
 * a few requests of headroom absorb the jitter between when we send and when Mailstand counts.
 */
export const PACED_LIMIT = { requests: RATE_LIMIT.requests - 5, windowMs: RATE_LIMIT.windowMs } as const;

export type RatePacer = {
  /** Resolves when a request may be sent (and counts it); rejects with the abort reason if aborted first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Holds every caller until `epochMs`, e.g. after a 429 with Retry-After. */
  pauseUntil(epochMs: number): void;
  /** Requests that may be sent right now without waiting. */
  freeSlots(): number;
};

type Waiter = {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
};

export function createRatePacer(limit: { requests: number; windowMs: number } = PACED_LIMIT): RatePacer {
  const sentAt: number[] = [];
  const queue: Waiter[] = [];
  let pausedUntil = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function forgetOld(now: number): void {
    while (sentAt.length > 0 && (sentAt[0] ?? 0) <= now - limit.windowMs) sentAt.shift();
  }

  function wake(): void {
    timer = null;
    pump();
  }

  function pump(): void {
    while (queue.length > 0) {
      const now = Date.now();
      forgetOld(now);
      const freeAt = Math.max(
        pausedUntil,
        sentAt.length < limit.requests ? now : (sentAt[0] ?? now) + limit.windowMs,
      );
      if (freeAt > now) {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(wake, freeAt - now);
        return;
      }
      const waiter = queue.shift();
      if (waiter === undefined) return;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      sentAt.push(now);
      waiter.resolve();
    }
  }

  return {
    acquire(signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal?.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        pump();
      });
    },
    pauseUntil(epochMs) {
      if (epochMs <= pausedUntil) return;
      pausedUntil = epochMs;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      pump();
    },
    freeSlots() {
      const now = Date.now();
      if (now < pausedUntil) return 0;
      forgetOld(now);
      return Math.max(0, limit.requests - sentAt.length - queue.length);
    },
  };
}
