/**
 * How a value arrived, and a tolerant reading of it. Mailstand's documented examples are loose
 * (Unix seconds beside "47 minutes ago", numbers where text is expected), so every value an API
 * plausibly sends is read, and the form it came in is named for the notice and for check-live.
 */

export type ValueForm =
  | 'text'
  | 'empty text'
  | 'null'
  | 'missing'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'unix seconds'
  | 'unix seconds as text'
  | 'unix milliseconds'
  | 'unix milliseconds as text'
  | 'ISO 8601'
  | 'ISO 8601 date'
  | 'YYYY-MM-DD HH:MM:SS'
  | 'HTTP date'
  | 'count as text'
  | 'undocumented stage'
  | 'unreadable';

/**
 * A moment as Unix seconds; null when the event has not happened; text (as sent) when the value
 * could not be read as a moment at all.
 */
export type Timestamp = number | string | null;

/** The form of any JSON value, for fields read as they are. */
export function formOf(value: unknown): ValueForm {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'empty text' : 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return Array.isArray(value) ? 'array' : 'object';
}

/** Any JSON value as inert text: numbers and booleans as written, objects and arrays as compact JSON. */
export function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Below this a number is read as seconds, from here on as milliseconds (year 5138 vs 1973). */
const MILLISECONDS_FROM = 1e11;
/** The furthest moment a JavaScript Date holds. */
const MAX_DATE_MS = 8.64e15;
const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const HTTP_DATE = /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/;

export type TimestampReading = { value: Timestamp; form: ValueForm; readable: boolean };

function fromNumber(value: number, asText: boolean): TimestampReading {
  const milliseconds = Math.abs(value) >= MILLISECONDS_FROM;
  const ms = milliseconds ? value : value * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
    return { value: String(value), form: 'unreadable', readable: false };
  }
  const form = milliseconds
    ? asText
      ? 'unix milliseconds as text'
      : 'unix milliseconds'
    : asText
      ? 'unix seconds as text'
      : 'unix seconds';
  return { value: milliseconds ? value / 1000 : value, form, readable: true };
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

/** ISO 8601 (with or without time, fraction and zone) and "YYYY-MM-DD HH:MM:SS"; no zone is UTC. */
function fromIsoText(text: string): TimestampReading | null {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return null;
  const [, y, mo, d, separator, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(
    hour,
    minute,
    second,
    fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000),
  );
  const ms = date.getTime() - offsetMinutes(zone) * 60_000;
  const form: ValueForm =
    separator === undefined
      ? 'ISO 8601 date'
      : separator === ' ' && s !== undefined && fraction === undefined && zone === undefined
        ? 'YYYY-MM-DD HH:MM:SS'
        : 'ISO 8601';
  return { value: ms / 1000, form, readable: true };
}

/** A moment in any form an API plausibly sends, as Unix seconds; what cannot be read stays as sent. */
export function readTimestamp(value: unknown): TimestampReading {
  if (value === undefined) return { value: null, form: 'missing', readable: true };
  if (value === null) return { value: null, form: 'null', readable: true };
  if (typeof value === 'number') return fromNumber(value, false);
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return { value: null, form: 'empty text', readable: true };
    if (NUMBER_TEXT.test(text)) return fromNumber(Number(text), true);
    const iso = fromIsoText(text);
    if (iso !== null) return iso;
    if (HTTP_DATE.test(text)) {
      const ms = Date.parse(text);
      if (!Number.isNaN(ms)) return { value: ms / 1000, form: 'HTTP date', readable: true };
    }
    return { value, form: 'unreadable', readable: false };
  }
  return { value: asText(value), form: 'unreadable', readable: false };
}

/** A count (total_found, steps...): a non-negative whole number, or numeric text; null when unusable. */
export function readCount(value: unknown): { value: number | null; form: ValueForm } {
  if (typeof value === 'number') {
    return { value: Number.isSafeInteger(value) && value >= 0 ? value : null, form: 'number' };
  }
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    const count = Number(value);
    return { value: Number.isSafeInteger(count) ? count : null, form: 'count as text' };
  }
  return { value: null, form: formOf(value) };
}
