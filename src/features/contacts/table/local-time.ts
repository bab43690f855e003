/**
 * A contact's wall-clock time from the IANA zone in its record, so a rep can call or email in the
 * contact's working hours. The zone is uploaded text: anything Intl rejects yields null, never a throw.
 */

export type LocalTime = {
  /** e.g. "Fri, 10:04 AM GMT-5". */
  text: string;
  /** Monday to Friday, 9:00 to 17:59 in the contact's zone. */
  workingHours: boolean;
};

type ZoneFormatters = { display: Intl.DateTimeFormat; clock: Intl.DateTimeFormat };

// A 2000-row page formats the same few zones thousands of times; building a DateTimeFormat is the
// expensive part. Bounded because hostile data can carry any number of distinct bogus zones.
const formatterCache = new Map<string, ZoneFormatters | null>();
const MAX_CACHED_ZONES = 1000;

function formattersFor(timezone: string, locale: string): ZoneFormatters | null {
  const key = `${locale}|${timezone}`;
  const cached = formatterCache.get(key);
  if (cached !== undefined) return cached;
  let formatters: ZoneFormatters | null;
  try {
    formatters = {
      display: new Intl.DateTimeFormat(locale, {
        timeZone: timezone,
        weekday: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'shortOffset',
      }),
      clock: new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        weekday: 'short',
        hour: 'numeric',
        hourCycle: 'h23',
      }),
    };
  } catch {
    formatters = null;
  }
  if (formatterCache.size >= MAX_CACHED_ZONES) formatterCache.clear();
  formatterCache.set(key, formatters);
  return formatters;
}

const WEEKEND = new Set(['Sat', 'Sun']);

/** The app reads in US English throughout (see table/format.ts); tests may pass another locale. */
export function formatLocalTime(timezone: string | null, now: Date, locale = 'en-US'): LocalTime | null {
  const zone = timezone?.trim();
  if (!zone || Number.isNaN(now.getTime())) return null;
  const formatters = formattersFor(zone, locale);
  if (!formatters) return null;
  const parts = formatters.clock.formatToParts(now);
  const weekday = parts.find((part) => part.type === 'weekday')?.value ?? '';
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  return {
    text: formatters.display.format(now),
    workingHours: !WEEKEND.has(weekday) && hour >= 9 && hour < 18,
  };
}

/** The id of the computed "Local time" column (no contact field has this code). */
export const LOCAL_TIME_COLUMN = { id: 'local_time', label: 'Local time' } as const;

/** The record field a column reads: its own, except the local time, computed from the timezone. */
export function recordFieldOf(columnId: string): string {
  return columnId === LOCAL_TIME_COLUMN.id ? 'timezone' : columnId;
}
