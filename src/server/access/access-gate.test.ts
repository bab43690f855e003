import { describe, expect, it } from 'vitest';
import { FailedLoginThrottle, passwordMatches } from './access-gate';

describe('passwordMatches', () => {
  const rule = {
    kind: 'password' as const,
    sharedPassword: 'shared password for the team',
    users: new Map([['alice', 'alice-own-password']]),
  };

  it('takes the shared password from anyone and a listed user only with their own', async () => {
    expect(await passwordMatches(rule, 'anyone', 'shared password for the team')).toBe(true);
    expect(await passwordMatches(rule, 'alice', 'alice-own-password')).toBe(true);
    expect(await passwordMatches(rule, 'mallory', 'alice-own-password')).toBe(false);
    expect(await passwordMatches(rule, 'alice', 'alice-own-password-but-longer')).toBe(false);
    expect(await passwordMatches(rule, 'alice', '')).toBe(false);
  });

  it('matches nothing, not even an empty password, when there is no shared password', async () => {
    const usersOnly = { ...rule, sharedPassword: null };
    expect(await passwordMatches(usersOnly, 'anyone', '')).toBe(false);
    expect(await passwordMatches(usersOnly, 'bob', '')).toBe(false);
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
