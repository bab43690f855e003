import { describe, expect, it } from 'vitest';
import { createRateLimiter, parseRateLimit } from './rate-limit';

describe('parseRateLimit', () => {
  it('reads requests per window in ms, s or m, and "off"', () => {
    expect(parseRateLimit('100/15s')).toEqual({ requests: 100, windowMs: 15_000 });
    expect(parseRateLimit(' 3 / 500ms ')).toEqual({ requests: 3, windowMs: 500 });
    expect(parseRateLimit('10/1m')).toEqual({ requests: 10, windowMs: 60_000 });
    expect(parseRateLimit('OFF')).toBeNull();
  });

  it.each(['', '100', '100/15', '0/15s', '100/0s', '-1/15s', '1.5/15s', '100/15h', 'on', '100 per 15s'])(
    'refuses %j with a message that shows the expected form',
    (text) => {
      expect(() => parseRateLimit(text)).toThrow(/like "100\/15s".*"off"/);
    },
  );
});

describe('createRateLimiter', () => {
  it('allows the limit per window, then says how long to wait, then allows again', () => {
    let time = 0;
    const limiter = createRateLimiter({ requests: 3, windowMs: 15_000 }, () => time);
    expect([limiter.take('k'), limiter.take('k'), limiter.take('k')]).toEqual([null, null, null]);
    time = 1_000;
    expect(limiter.take('k')).toBe(14);
    time = 14_999;
    expect(limiter.take('k')).toBe(1);
    time = 15_001;
    expect(limiter.take('k')).toBeNull();
  });

  it('counts each key on its own', () => {
    const limiter = createRateLimiter({ requests: 1, windowMs: 1_000 }, () => 0);
    expect(limiter.take('a')).toBeNull();
    expect(limiter.take('b')).toBeNull();
    expect(limiter.take('a')).toBe(1);
  });
});
