import { ENGAGEMENT_FILTERS, ENGAGEMENT_LABELS, MAX_DISPLAY } from '../../../shared/contract';
import type { ContactFilters } from '../params/filter-params';
import { formatCount } from '../table/format';

/** Pure parts of exporting: names, the page plan, progress and the words for where it stopped. */

/** The largest page the API serves: fewest requests against the rate limit. */
export const EXPORT_PAGE_SIZE = MAX_DISPLAY;

export type ExportScope =
  { kind: 'all' } | { kind: 'page'; page: number } | { kind: 'selection'; count: number };

const MAX_NAME_LENGTH = 150;

/** Lowercase words joined by "-": safe on every file system and readable in a downloads list. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * "mailstand-acme-outbound-stage-replied-2026-11-27.csv": the workspace, the filters and the
 * (local) date, so several exports in a downloads folder tell themselves apart.
 */
export function exportFileName(options: {
  workspaceName: string;
  campaignName: string | null;
  filters: ContactFilters;
  scope: ExportScope;
  date: Date;
}): string {
  const { filters, scope } = options;
  const parts = [options.workspaceName];
  if (options.campaignName !== null) parts.push(options.campaignName);
  if (filters.stage !== null) parts.push(`stage ${filters.stage}`);
  if (filters.search !== '') parts.push(`search ${filters.search}`);
  for (const key of ENGAGEMENT_FILTERS) if (filters[key]) parts.push(ENGAGEMENT_LABELS[key]);
  if (scope.kind === 'page') parts.push(`page ${scope.page}`);
  if (scope.kind === 'selection') parts.push(`${scope.count} selected`);
  const body = slug(parts.join(' ')).slice(0, MAX_NAME_LENGTH).replace(/-+$/, '');
  return `${['mailstand', body, isoDate(options.date)].filter((part) => part !== '').join('-')}.csv`;
}

export function pageCount(total: number, pageSize: number = EXPORT_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Time left from the pace so far; null until one page has come back. */
export function estimateRemainingMs(elapsedMs: number, pagesDone: number, pagesTotal: number): number | null {
  if (pagesDone <= 0 || elapsedMs < 0) return null;
  return Math.round((elapsedMs / pagesDone) * Math.max(0, pagesTotal - pagesDone));
}

/** "about 1 min 20 s left", "less than 5 s left". */
export function formatTimeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 5) return 'less than 5 s left';
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `about ${minutes} min${rest > 0 ? ` ${rest} s` : ''} left`;
}

export function formatProgress(fetched: number, total: number | null): string {
  return total === null
    ? `${formatCount(fetched)} contacts`
    : `${formatCount(fetched)} of ${formatCount(total)} contacts`;
}

/** "Stopped after 14,000 of 61,234 contacts (page 8 of 31): <reason>" */
export function describeStop(options: {
  fetched: number;
  total: number | null;
  failedPage: number;
  pages: number | null;
  reason: string;
}): string {
  const where =
    options.pages === null ? `page ${options.failedPage}` : `page ${options.failedPage} of ${options.pages}`;
  return `Stopped after ${formatProgress(options.fetched, options.total)} (${where}): ${options.reason}`;
}
