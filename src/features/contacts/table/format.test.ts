import { describe, expect, it } from 'vitest';
import {
  formatLeadScore,
  isNumericLeadScore,
  formatRelative,
  formatUtc,
  safeUrl,
  telHref,
  timestampFormatter,
} from './format';

describe('safeUrl', () => {
  it('keeps http and https URLs', () => {
    expect(safeUrl('https://www.linkedin.com/in/jane')).toBe('https://www.linkedin.com/in/jane');
    expect(safeUrl('  http://example.com ')).toBe('http://example.com/');
  });

  it('refuses script, data and other schemes, whatever their case or padding', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeUrl('java\tscript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeUrl('vbscript:msgbox(1)')).toBeNull();
    expect(safeUrl('ftp://example.com')).toBeNull();
  });

  it('refuses text that is not an absolute URL', () => {
    expect(safeUrl('www.example.com')).toBeNull();
    expect(safeUrl('@janedoe')).toBeNull();
    expect(safeUrl('')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });

  it('refuses URLs carrying credentials, which disguise the site they open', () => {
    expect(safeUrl('https://www.linkedin.com@evil.example/login')).toBeNull();
    expect(safeUrl('https://user:pass@example.com/')).toBeNull();
  });
});

describe('telHref', () => {
  it('dials the digits of a written phone number', () => {
    expect(telHref('1 (234) 456-7890')).toBe('tel:12344567890');
    expect(telHref('+44 20 7946 0958')).toBe('tel:+442079460958');
  });

  it('refuses text that is not a phone number', () => {
    expect(telHref('call me maybe')).toBeNull();
    expect(telHref('javascript:alert(1)')).toBeNull();
    expect(telHref('=1+2')).toBeNull();
    expect(telHref('12')).toBeNull();
    expect(telHref(null)).toBeNull();
  });
});

describe('formatLeadScore', () => {
  it('reads numeric text as a number', () => {
    expect(formatLeadScore('75')).toEqual({ text: '75', numeric: true });
    expect(formatLeadScore(' 1234.5 ')).toEqual({ text: '1,234.5', numeric: true });
    expect(formatLeadScore('-3')).toEqual({ text: '-3', numeric: true });
  });

  it('shows anything else as uploaded', () => {
    expect(formatLeadScore('high')).toEqual({ text: 'high', numeric: false });
    expect(formatLeadScore('=1+2')).toEqual({ text: '=1+2', numeric: false });
    expect(formatLeadScore('')).toEqual({ text: '', numeric: false });
    expect(formatLeadScore(null)).toEqual({ text: '', numeric: false });
  });
  it('tells a number from other text without formatting it', () => {
    for (const value of ['75', ' 1234.5 ', '-3', '.5', 'high', '=1+2', '1e3', '', null])
      expect(isNumericLeadScore(value)).toBe(formatLeadScore(value).numeric);
    expect(isNumericLeadScore(' 42 ')).toBe(true);
    expect(isNumericLeadScore('4 2')).toBe(false);
  });
});

describe('timestamps', () => {
  const march3 = Date.UTC(2025, 2, 3, 13, 5, 7) / 1000;

  it('formats date and time in the given time zone', () => {
    expect(timestampFormatter('UTC')(march3)).toBe('Mar 3, 2025, 1:05 PM');
    expect(timestampFormatter('America/New_York')(march3)).toBe('Mar 3, 2025, 8:05 AM');
    expect(timestampFormatter('Asia/Tokyo')(march3)).toBe('Mar 3, 2025, 10:05 PM');
  });

  it('gives the exact UTC instant', () => {
    expect(formatUtc(march3)).toBe('2025-03-03 13:05:07 UTC');
  });

  it('says how long ago in the largest unit that fits', () => {
    const now = march3 * 1000;
    expect(formatRelative(march3 - 3 * 86400, now)).toBe('3 days ago');
    expect(formatRelative(march3 - 86400, now)).toBe('yesterday');
    expect(formatRelative(march3 - 2 * 3600, now)).toBe('2 hours ago');
    expect(formatRelative(march3 - 10 * 60, now)).toBe('10 minutes ago');
    expect(formatRelative(march3 - 20, now)).toBe('now');
    expect(formatRelative(march3 - 400 * 86400, now)).toBe('last year');
    expect(formatRelative(march3 + 2 * 3600, now)).toBe('in 2 hours');
  });
});
