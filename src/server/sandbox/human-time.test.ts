import { describe, expect, it } from 'vitest';
import { shortDate, timeAgo, usDate } from './human-time';

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

describe('dates', () => {
  it('formats MM/DD/YYYY in UTC with leading zeros', () => {
    expect(usDate(Date.UTC(2023, 5, 1, 23, 59) / 1000)).toBe('06/01/2023');
    expect(usDate(Date.UTC(2022, 0, 9) / 1000)).toBe('01/09/2022');
  });
  it('formats a short month date', () => {
    expect(shortDate(Date.UTC(2022, 6, 19) / 1000)).toBe('Jul 19, 2022');
  });
});
