import { CAMPAIGN_TIMESTAMP_FIELDS, asText, type Contact } from '../../../shared/contract';
import { LOCAL_TIME_COLUMN, formatLocalTime } from '../table/local-time';
import type { CsvColumn } from './csv';

/**
 * The exported columns: the ones on screen, in their order, headed by their labels. Cells hold
 * the values as read, except timestamps, which become ISO 8601 UTC so a spreadsheet reads them
 * as dates (one the reader could not read stays as sent), and the computed local time.
 */

const TIMESTAMP_IDS: ReadonlySet<string> = new Set([
  'created',
  ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code),
]);

/** "2026-11-27T15:04:07Z" */
export function isoTimestamp(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : `${date.toISOString().slice(0, 19)}Z`;
}

export function csvColumnsFor(
  columns: readonly { id: string; label: string }[],
  now: Date,
): CsvColumn<Contact>[] {
  return columns.map(({ id, label }): CsvColumn<Contact> => {
    if (id === LOCAL_TIME_COLUMN.id)
      return { label, value: (contact) => formatLocalTime(contact.timezone, now)?.text };
    if (TIMESTAMP_IDS.has(id)) {
      return {
        label,
        value: (contact) => {
          const value = contact[id];
          return typeof value === 'number' ? isoTimestamp(value) : asText(value);
        },
      };
    }
    return { label, value: (contact) => asText(contact[id]) };
  });
}
