import { describe, expect, it } from 'vitest';
import { createAnswerCache } from './answer-cache';

function clock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('the answer cache', () => {
  it('returns an entry with when it was stored, until its time to live has passed', () => {
    const { now, advance } = clock();
    const cache = createAnswerCache<string>(1000, now);
    advance(5);
    cache.set('/workspaces', 'all', 10, 30_000);
    advance(29_999);
    expect(cache.get('/workspaces')).toEqual({ value: 'all', storedAt: 5 });
    advance(1);
    expect(cache.get('/workspaces')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('stays within its bytes by dropping the entry used least recently', () => {
    const cache = createAnswerCache<string>(300, clock().now);
    cache.set('a', 'A', 100, 60_000);
    cache.set('b', 'B', 100, 60_000);
    cache.set('c', 'C', 100, 60_000);
    cache.get('a');
    cache.set('d', 'D', 100, 60_000);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((key) => cache.get(key)?.value)).toEqual(['A', 'C', 'D']);
    expect(cache.bytes).toBe(300);
  });

  it('keeps nothing larger than itself, nothing with no time to live, and replaces an entry in place', () => {
    const cache = createAnswerCache<string>(300, clock().now);
    cache.set('huge', 'H', 301, 60_000);
    cache.set('uncached', 'U', 1, 0);
    cache.set('a', 'old', 200, 60_000);
    cache.set('a', 'new', 100, 60_000);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('uncached')).toBeUndefined();
    expect(cache.get('a')?.value).toBe('new');
    expect(cache.bytes).toBe(100);
  });
});
