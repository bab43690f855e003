import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
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

  it('writes a score with at most two decimals exactly as Intl does, without asking Intl', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    expect(formatLeadScore('0072.50').text).toBe('72.5');
    expect(formatLeadScore('-0.00').text).toBe('-0');
    expect(formatLeadScore('+999999999999.99').text).toBe('999,999,999,999.99');
    const plainScore = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^\d{1,12}$/),
        fc.stringMatching(/^(\.\d{1,2})?$/),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(plainScore, (score) => {
        expect(formatLeadScore(score)).toEqual({ text: intl.format(Number(score)), numeric: true });
      }),
    );
  });

  it('rounds longer numbers to two decimals through Intl', () => {
    expect(formatLeadScore('99999999999999999999').text).toBe('100,000,000,000,000,000,000');
    expect(formatLeadScore('1.005').text).toBe('1.01');
    expect(formatLeadScore('.5').text).toBe('0.5');
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

describe('formatCount', () => {
  it('groups thousands as Intl does, for every whole number', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(61234)).toBe('61,234');
    expect(formatCount(-1234567)).toBe('-1,234,567');
    const intl = new Intl.NumberFormat('en-US');
    fc.assert(
      fc.property(fc.maxSafeInteger(), (count) => {
        expect(formatCount(count)).toBe(intl.format(count));
      }),
    );
  });

  it('writes other numbers through Intl', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
    expect(formatCount(-0)).toBe('-0');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('∞');
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
