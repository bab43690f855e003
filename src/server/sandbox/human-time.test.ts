import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortDate, timeAgo, timeAgoSql, usDate } from './human-time';

describe('timeAgo', () => {
  const now = 1_700_000_000;
  it('uses the largest whole unit, singular for one', () => {
    expect(timeAgo(now - 47 * 60, now)).toBe('47 minutes ago');
    expect(timeAgo(now - 86_400, now)).toBe('1 day ago');
    expect(timeAgo(now - 4 * 86_400 - 3_600, now)).toBe('4 days ago');
    expect(timeAgo(now - 400 * 86_400, now)).toBe('1 year ago');
    expect(timeAgo(now - 61 * 86_400, now)).toBe('2 months ago');
  });
  it('says "just now" under a minute and for times after now', () => {
    expect(timeAgo(now - 59, now)).toBe('just now');
    expect(timeAgo(now + 500, now)).toBe('just now');
  });
});

describe('timeAgoSql', () => {
  const db = new Database(':memory:');
  const inWords = db
    .prepare<{ at: number | null; now: number }, string | null>(
      `SELECT ${timeAgoSql('moments.at', '$now')} FROM (SELECT $at AS at) AS moments`,
    )
    .pluck();
  const now = 1_700_000_000;

  it('says in SQL what timeAgo says, at every boundary and between', () => {
    const boundaries = [0, 59, 60, 119, 120, 3_599, 3_600, 86_399, 86_400, 172_800, 2_591_999, 2_592_000];
    for (const elapsed of [...boundaries, 5_184_000, 31_535_999, 31_536_000, 63_072_000, -1, -500]) {
      expect(inWords.get({ at: now - elapsed, now })).toBe(timeAgo(now - elapsed, now));
    }
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 2e9 }), fc.integer({ min: 0, max: 2e9 }), (at, clock) => {
        expect(inWords.get({ at, now: clock })).toBe(timeAgo(at, clock));
      }),
    );
  });
  it('keeps a missing moment missing', () => {
    expect(inWords.get({ at: null, now })).toBeNull();
  });
});

describe('dates', () => {
  it('formats MM/DD/YYYY in UTC with leading zeros', () => {
    expect(usDate(Date.UTC(2023, 5, 1, 23, 59) / 1000)).toBe('06/01/2023');
    expect(usDate(Date.UTC(2022, 0, 9) / 1000)).toBe('01/09/2022');
  });
  it('formats a short month date', () => {
    expect(shortDate(Date.UTC(2022, 6, 19) / 1000)).toBe('Jul 19, 2022');
  });
});
