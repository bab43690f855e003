import { describe, expect, it } from 'vitest';
import { formatRange, pageFromInput } from './paging';

describe('formatRange', () => {
  it('names the rows of the page and the total, en-US style with an en dash', () => {
    expect(formatRange(1, 2000, 61234)).toBe('1–2,000 of 61,234');
    expect(formatRange(31, 2000, 61234)).toBe('60,001–61,234 of 61,234');
    expect(formatRange(1, 100, 14)).toBe('1–14 of 14');
  });

  it('reads 0 of 0 for an empty result', () => {
    expect(formatRange(1, 100, 0)).toBe('0 of 0');
  });
});

describe('pageFromInput', () => {
  it('keeps a typed page within the pages there are', () => {
    expect(pageFromInput('7', 31)).toBe(7);
    expect(pageFromInput('0', 31)).toBe(1);
    expect(pageFromInput('-4', 31)).toBe(1);
    expect(pageFromInput('99', 31)).toBe(31);
    expect(pageFromInput(' 2.6 ', 31)).toBe(3);
    expect(pageFromInput('5', 0)).toBe(1);
  });

  it('gives up on text that is no number', () => {
    expect(pageFromInput('', 31)).toBeNull();
    expect(pageFromInput('abc', 31)).toBeNull();
    expect(pageFromInput('Infinity', 31)).toBeNull();
  });
});
