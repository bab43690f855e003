import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asText, formOf, readCount, readTimestamp } from './value-forms';

const MOMENT = Date.UTC(2024, 2, 5, 10, 0, 0) / 1000;

/** Every way a moment in whole seconds may be written, with the form each is named by. */
function writings(seconds: number): [unknown, string][] {
  const iso = new Date(seconds * 1000).toISOString();
  const plain = iso.slice(0, 19);
  const shifted = new Date((seconds + 5.5 * 3600) * 1000).toISOString().slice(0, 19);
  return [
    [seconds, 'unix seconds'],
    [String(seconds), 'unix seconds as text'],
    [seconds * 1000, 'unix milliseconds'],
    [String(seconds * 1000), 'unix milliseconds as text'],
    [iso, 'ISO 8601'],
    [`${plain}Z`, 'ISO 8601'],
    [plain, 'ISO 8601'],
    [`${shifted}+05:30`, 'ISO 8601'],
    [`${shifted}+0530`, 'ISO 8601'],
    [`${plain}.000000+00:00`, 'ISO 8601'],
    [plain.replace('T', ' '), 'YYYY-MM-DD HH:MM:SS'],
    [new Date(seconds * 1000).toUTCString(), 'HTTP date'],
  ];
}

describe('readTimestamp', () => {
  it('reads one moment written in every form as the same instant, naming the form', () => {
    for (const [value, form] of writings(MOMENT)) {
      expect(readTimestamp(value), JSON.stringify(value)).toEqual({ value: MOMENT, form, readable: true });
    }
  });

  it('gives the same instant for the same moment in any form (property)', () => {
    // March 1973 to 2200, whole seconds: before 1973 a number of milliseconds is also a
    // plausible number of seconds, so a bare number cannot say which it is.
    fc.assert(
      fc.property(fc.integer({ min: 1e8, max: 7_258_118_400 }), (seconds) => {
        for (const [value] of writings(seconds)) expect(readTimestamp(value).value).toBe(seconds);
      }),
    );
  });

  it('keeps milliseconds to the millisecond in every form that carries them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1e11, max: 7_258_118_400_000 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(readTimestamp(ms).value).toBe(ms / 1000);
        expect(readTimestamp(iso).value).toBe(ms / 1000);
        expect(readTimestamp(iso.replace('T', ' ')).value).toBe(ms / 1000);
      }),
    );
  });

  it('reads a date alone as its midnight in UTC', () => {
    expect(readTimestamp('2024-03-05')).toEqual({
      value: Date.UTC(2024, 2, 5) / 1000,
      form: 'ISO 8601 date',
      readable: true,
    });
  });

  it('reads nothing as null, and keeps what is not a moment as sent', () => {
    expect(readTimestamp(null)).toEqual({ value: null, form: 'null', readable: true });
    expect(readTimestamp(undefined)).toEqual({ value: null, form: 'missing', readable: true });
    expect(readTimestamp('  ')).toEqual({ value: null, form: 'empty text', readable: true });
    for (const text of ['47 minutes ago', '2024-02-30 10:00:00', '2024-13-01', '10:00', '1e5', 'NaN']) {
      expect(readTimestamp(text)).toEqual({ value: text, form: 'unreadable', readable: false });
    }
    expect(readTimestamp({ at: 1 })).toEqual({ value: '{"at":1}', form: 'unreadable', readable: false });
    expect(readTimestamp(true)).toEqual({ value: 'true', form: 'unreadable', readable: false });
    expect(readTimestamp(1e20)).toEqual({
      value: '100000000000000000000',
      form: 'unreadable',
      readable: false,
    });
  });

  it('never throws, whatever JSON it is given (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reading = readTimestamp(value);
        expect(reading.value === null || ['number', 'string'].includes(typeof reading.value)).toBe(true);
      }),
    );
  });
});

describe('asText, formOf and readCount', () => {
  it('turn any value into inert text and name its form', () => {
    expect(asText(19019)).toBe('19019');
    expect(asText(false)).toBe('false');
    expect(asText({ a: [1, '<b>'] })).toBe('{"a":[1,"<b>"]}');
    expect(asText(undefined)).toBeNull();
    expect([undefined, null, '', 'x', 1, true, {}, []].map(formOf)).toEqual([
      'missing',
      'null',
      'empty text',
      'text',
      'number',
      'boolean',
      'object',
      'array',
    ]);
  });

  it('read a count from a number or numeric text, and nothing else', () => {
    expect(readCount(14)).toEqual({ value: 14, form: 'number' });
    expect(readCount(' 14 ')).toEqual({ value: 14, form: 'count as text' });
    expect(readCount(-1).value).toBeNull();
    expect(readCount(1.5).value).toBeNull();
    expect(readCount('14 contacts').value).toBeNull();
    expect(readCount(null)).toEqual({ value: null, form: 'null' });
  });
});
