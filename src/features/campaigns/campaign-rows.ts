import { readCount, type Campaign } from '../../shared/contract';
import type { OverviewSort, SortKey } from './overview-params';

/**
 * The overview's rows from GET /campaigns, read tolerantly: a count in a form the contract does not
 * show leaves its rate empty ("—") and is reported, and never hides the campaign or the list.
 */

/** A share of the contacts emailed: null when nothing can be said (none emailed, or a count unreadable). */
export type Rate = number | null;

export type CampaignRow = {
  id: string;
  name: string;
  status: string | null;
  steps: number | null;
  contacts: number | null;
  /** Contacts sent a first email: Mailstand's rates are shares of these. */
  emailed: number | null;
  open_rate: Rate;
  reply_rate: Rate;
  bounce_rate: Rate;
  /** Count fields whose value came in a form the app cannot read. */
  unreadable: string[];
};

const RATE_COUNTS = {
  open_rate: 'opens_num',
  reply_rate: 'replies_num',
  bounce_rate: 'bounces_num',
} as const;

/** The share `part / whole`; null without a whole to share. */
export function rate(part: number | null, whole: number | null): Rate {
  if (part === null || whole === null || whole === 0) return null;
  return part / whole;
}

export function campaignRow(campaign: Campaign): CampaignRow {
  const unreadable: string[] = [];
  const count = (field: string): number | null => {
    const raw = campaign[field];
    const { value } = readCount(raw);
    if (value === null && raw !== undefined && raw !== null) unreadable.push(field);
    return value;
  };
  const emailed = count('initials');
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    steps: campaign.steps ?? null,
    contacts: campaign.contacts ?? null,
    emailed,
    open_rate: rate(count(RATE_COUNTS.open_rate), emailed),
    reply_rate: rate(count(RATE_COUNTS.reply_rate), emailed),
    bounce_rate: rate(count(RATE_COUNTS.bounce_rate), emailed),
    unreadable,
  };
}

/** "87.5%", or "—" when there is no rate (never NaN). */
export function formatRate(value: Rate): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${(Math.round(value * 1000) / 10).toLocaleString('en-US')}%`;
}

function sortValue(row: CampaignRow, key: SortKey): string | number | null {
  return row[key];
}

/**
 * Rows in the chosen order; rows without a value sort last either way, and ties keep the name
 * order so the list does not shuffle between renders.
 */
export function sortRows(rows: readonly CampaignRow[], sort: OverviewSort): CampaignRow[] {
  const byName = (a: CampaignRow, b: CampaignRow) =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id);
  return [...rows].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
      return byName(a, b);
    }
    const order =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : String(left).localeCompare(String(right), 'en', { sensitivity: 'base', numeric: true });
    return (sort.descending ? -order : order) || byName(a, b);
  });
}

/** The statuses the workspace's campaigns have, for the status filter, in alphabetical order. */
export function statusesOf(rows: readonly CampaignRow[]): string[] {
  const statuses = new Set<string>();
  for (const row of rows) if (row.status !== null && row.status !== '') statuses.add(row.status);
  return [...statuses].sort();
}

/** What to tell about counts that could not be read: which fields, in how many campaigns. */
export function unreadableNotice(rows: readonly CampaignRow[]): string | null {
  const fields = new Map<string, number>();
  for (const row of rows) for (const field of row.unreadable) fields.set(field, (fields.get(field) ?? 0) + 1);
  if (fields.size === 0) return null;
  const list = [...fields].map(([field, count]) => `${field} in ${count} campaign${count === 1 ? '' : 's'}`);
  return `Some counts came in a form the app cannot read (${list.join(', ')}): their rates show "—".`;
}
