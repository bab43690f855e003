/**
 * Upstream answers kept in memory for a short time, bounded in bytes: when full, the entry used
 * least recently goes first. Map iteration follows insertion order, so re-inserting on every hit
 * keeps the least recently used entry first.
 */
export interface AnswerCache<T> {
  /** The entry and when it was stored, unless absent or older than its time to live. */
  get(key: string): { value: T; storedAt: number } | undefined;
  /** Keeps `value` (of `bytes` bytes) for `ttlMs`; an entry larger than the whole cache is not kept. */
  set(key: string, value: T, bytes: number, ttlMs: number): void;
  readonly bytes: number;
}

interface Entry<T> {
  value: T;
  bytes: number;
  storedAt: number;
  expiresAt: number;
}

export function createAnswerCache<T>(
  maxBytes: number,
  now: () => number = () => performance.now(),
): AnswerCache<T> {
  const entries = new Map<string, Entry<T>>();
  let bytes = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (now() >= entry.expiresAt) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return { value: entry.value, storedAt: entry.storedAt };
    },
    set(key, value, entryBytes, ttlMs) {
      remove(key);
      if (ttlMs <= 0 || entryBytes > maxBytes) return;
      const time = now();
      entries.set(key, { value, bytes: entryBytes, storedAt: time, expiresAt: time + ttlMs });
      bytes += entryBytes;
      for (const [oldest] of entries) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    get bytes() {
      return bytes;
    },
  };
}
