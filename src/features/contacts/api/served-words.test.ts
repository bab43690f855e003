import { describe, expect, it } from 'vitest';
import { describeAnswerAge, describeBudgetWait } from './served-words';

const fresh = { waitedMs: 0, asOf: 100_000, fromCache: false };

describe('describeBudgetWait', () => {
  it('says how long the server held the request for the rate limit, in whole seconds', () => {
    expect(describeBudgetWait({ ...fresh, waitedMs: 4200 })).toBe("Waited 4 s for Mailstand's rate limit");
    expect(describeBudgetWait({ ...fresh, waitedMs: 1000 })).toBe("Waited 1 s for Mailstand's rate limit");
  });

  it('says nothing of a wait under a second', () => {
    expect(describeBudgetWait({ ...fresh, waitedMs: 999 })).toBeNull();
    expect(describeBudgetWait(fresh)).toBeNull();
  });
});

describe('describeAnswerAge', () => {
  it('says how old an answer from the cache is, in seconds and then minutes', () => {
    const cached = { ...fresh, fromCache: true };
    expect(describeAnswerAge(cached, 125_400)).toBe('as of 25 s ago');
    expect(describeAnswerAge(cached, 100_000)).toBe('as of 0 s ago');
    expect(describeAnswerAge(cached, 100_000 + 150_000)).toBe('as of 2 min ago');
  });

  it('says nothing of an answer that came straight from Mailstand', () => {
    expect(describeAnswerAge(fresh, 125_000)).toBeNull();
  });
});
