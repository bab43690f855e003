/**
 * Pure formatters for contact values. Contact data is uploaded from spreadsheets, so every value
 * is untrusted text: these functions decide what may become a link and how numbers and times
 * read. The Intl instances are created once per module because a 2000-row page formats
 * thousands of cells and constructing a formatter costs far more than using one; each on first
 * use, not while the app's module is evaluated before the first page request leaves.
 *
 * The browser's first Intl call loads its locale data, a long pause on a slow machine. Counts and
 * the lead scores Mailstand sends are written here without Intl, exactly as Intl writes them, so
 * that a bookmarked view's first rows never wait for that; other numbers still go through Intl.
 */

import { madeOnFirstUse } from '../../../lib/made-on-first-use';

/** Shown for a value that is missing (null, "" or only spaces). */
export const EMPTY_MARK = '—';

const LOCALE = 'en-US';

/** The href for an http(s) URL, or null for anything else (javascript:, data:, bare words...). */
export function safeUrl(value: string | null): string | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A host is what makes it a link a person meant; "http:foo" parses but goes nowhere.
  if (url.hostname === '') return null;
  // "https://bank.example@evil.example/" reads as one site and opens another: no credentials.
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

const PHONE_TEXT = /^\+?[\d\s().\-/]+$/;

/** A tel: href for text that looks like a phone number (digits, spaces, brackets, dashes), else null. */
export function telHref(value: string | null): string | null {
  const text = value?.trim();
  if (!text || !PHONE_TEXT.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 20) return null;
  return `tel:${text.startsWith('+') ? '+' : ''}${digits}`;
}

const leadScoreFormat = madeOnFirstUse(() => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }));
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)$/;
/** Up to two decimals and 14 digits in all: a double holds it exactly, so Intl writes these digits. */
const PLAIN_SCORE = /^([-+]?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "-1234567" → "-1,234,567": en-US thousands separators in a run of digits. */
function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A score like "87" or "0072.50" as Intl would write it ("87", "72.5"), or null for any other. */
function plainScoreText(text: string): string | null {
  const parts = PLAIN_SCORE.exec(text);
  if (!parts) return null;
  const [, sign, integer = '', fraction = ''] = parts;
  const digits = integer.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return `${sign === '-' ? '-' : ''}${groupThousands(digits)}${decimals ? `.${decimals}` : ''}`;
}

/** Whether a lead score reads as a number; the hover title needs only this, not the formatted text. */
export function isNumericLeadScore(value: string | null): boolean {
  return NUMBER_TEXT.test(value?.trim() ?? '');
}

/**
 * Mailstand sends lead_score as text. A number reads as a number (right-aligned by the caller);
 * anything else is shown exactly as uploaded.
 */
export function formatLeadScore(value: string | null): { text: string; numeric: boolean } {
  const text = value?.trim() ?? '';
  if (!NUMBER_TEXT.test(text)) return { text: value ?? '', numeric: false };
  return { text: plainScoreText(text) ?? leadScoreFormat().format(Number(text)), numeric: true };
}

const countFormat = madeOnFirstUse(() => new Intl.NumberFormat(LOCALE));

/** A count for people: "61,234". */
export function formatCount(value: number): string {
  // -0 reads "-0" in Intl, and "0" from String().
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return groupThousands(String(value));
  return countFormat().format(value);
}

/** The time zone the browser shows times in, named in the table's legend. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Formats Unix seconds as date and time in one time zone: "Mar 3, 2025, 2:05 PM". */
export function timestampFormatter(timeZone?: string): (seconds: number) => string {
  const format = madeOnFirstUse(
    () => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  );
  return (seconds) => format().format(seconds * 1000);
}

/** Date and time in the browser's time zone. */
export const formatTimestamp = timestampFormatter();

/** The exact instant in UTC, for the hover title: "2025-03-03 13:05:07 UTC". */
export function formatUtc(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const relativeFormat = madeOnFirstUse(() => new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' }));
const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "in 2 hours", "now": the largest unit that fits, relative to nowMs. */
export function formatRelative(seconds: number, nowMs: number): string {
  const diff = seconds - nowMs / 1000;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= size) return relativeFormat().format(Math.trunc(diff / size), unit);
  }
  return relativeFormat().format(0, 'second');
}

/**
 * Makes the time formatters now, and with them loads the browser's locale data: called when
 * nothing waits, so that choosing a campaign (its columns are times) does not pay for that.
 */
export function prepareFormatters(): void {
  formatTimestamp(0);
  relativeFormat();
}
