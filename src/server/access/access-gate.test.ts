import { describe, expect, it } from 'vitest';
import { constantTimeEqual, FailedLoginThrottle, parseBasic } from './access-gate';

describe('parseBasic', () => {
  it('reads user and password, the password may hold colons', () => {
    const header = `Basic ${Buffer.from('alice:pa:ss wörd').toString('base64')}`;
    expect(parseBasic(header)).toEqual({ user: 'alice', password: 'pa:ss wörd' });
  });

  it.each([
    undefined,
    '',
    'Bearer abc',
    'Basic',
    'Basic !!!',
    `Basic ${Buffer.from('nocolon').toString('base64')}`,
  ])('rejects %j', (header) => {
    expect(parseBasic(header)).toBeNull();
  });
});

describe('constantTimeEqual', () => {
  it('compares texts of any length', () => {
    expect(constantTimeEqual('secret', 'secret')).toBe(true);
    expect(constantTimeEqual('secret', 'secreT')).toBe(false);
    expect(constantTimeEqual('secret', 'secret-but-longer')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

describe('FailedLoginThrottle', () => {
  it('delays an address more after each failure, up to a cap, and forgets on success or after a while', () => {
    let now = 0;
    const throttle = new FailedLoginThrottle(() => now, 60_000);
    expect(throttle.delayFor('10.0.0.1')).toBe(0);
    const delays = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      throttle.recordFailure('10.0.0.1');
      delays.push(throttle.delayFor('10.0.0.1'));
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(throttle.delayFor('10.0.0.2')).toBe(0);

    now += 60_001;
    expect(throttle.delayFor('10.0.0.1')).toBe(0);
    throttle.recordFailure('10.0.0.1');
    expect(throttle.delayFor('10.0.0.1')).toBe(250);
    throttle.recordSuccess('10.0.0.1');
    expect(throttle.delayFor('10.0.0.1')).toBe(0);
  });
});
