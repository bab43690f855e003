import { describe, expect, it } from 'vitest';
import { formatLocalTime } from './local-time';

// Friday 27 November 2026, 15:04 UTC.
const now = new Date(Date.UTC(2026, 10, 27, 15, 4));

describe('formatLocalTime', () => {
  it("shows the contact's weekday, time and offset", () => {
    expect(formatLocalTime('America/New_York', now, 'en-US')).toEqual({
      text: 'Fri, 10:04 AM GMT-5',
      workingHours: true,
    });
    expect(formatLocalTime('Asia/Tokyo', now, 'en-US')).toEqual({
      text: 'Sat, 12:04 AM GMT+9',
      workingHours: false,
    });
    expect(formatLocalTime('Asia/Kolkata', now, 'en-GB')?.text).toBe('Fri, 20:34 GMT+5:30');
  });

  it('follows daylight saving time', () => {
    const summer = new Date(Date.UTC(2026, 6, 1, 15, 4));
    expect(formatLocalTime('America/New_York', summer, 'en-US')?.text).toBe('Wed, 11:04 AM GMT-4');
  });

  it('knows working hours: weekdays 9:00 to 17:59 local', () => {
    const at = (hourUtc: number, day = 27) => new Date(Date.UTC(2026, 10, day, hourUtc, 0));
    expect(formatLocalTime('UTC', at(8))?.workingHours).toBe(false);
    expect(formatLocalTime('UTC', at(9))?.workingHours).toBe(true);
    expect(formatLocalTime('UTC', at(17))?.workingHours).toBe(true);
    expect(formatLocalTime('UTC', at(18))?.workingHours).toBe(false);
    expect(formatLocalTime('UTC', at(12, 28))?.workingHours).toBe(false);
  });

  it('accepts legacy and differently cased zone names that Intl knows', () => {
    expect(formatLocalTime('US/Eastern', now, 'en-US')?.text).toBe('Fri, 10:04 AM GMT-5');
    expect(formatLocalTime(' asia/tokyo ', now, 'en-US')?.text).toBe('Sat, 12:04 AM GMT+9');
  });

  it('returns null for missing or invalid zones instead of throwing', () => {
    for (const zone of [
      null,
      '',
      '   ',
      'Mars/Olympus_Mons',
      '<script>alert(1)</script>',
      'GMT+99',
      '+05:30',
    ]) {
      expect(formatLocalTime(zone, now, 'en-US')).toBeNull();
    }
    expect(formatLocalTime('UTC', new Date(Number.NaN))).toBeNull();
  });

  it('keeps answering after many distinct bogus zones', () => {
    for (let i = 0; i < 2500; i += 1) formatLocalTime(`Bogus/${i}`, now);
    expect(formatLocalTime('Europe/Paris', now, 'en-GB')?.text).toBe('Fri, 16:04 GMT+1');
  });
});
