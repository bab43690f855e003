import { quoteValue as quote, readId, readQueryParams } from '../../shared/contract';
import { overviewPath } from './overview-path';

/**
 * The campaign overview's state in its URL (/campaigns?workspace=…&status=live&sort=-reply_rate):
 * names, defaults, parsing and writing. Parsing never throws: any string gives a valid state, and
 * every value it had to drop is reported as a notice.
 */

/** The columns the overview sorts by; rates are read from the counts (see campaign-rows.ts). */
export const SORT_KEYS = [
  'name',
  'status',
  'steps',
  'contacts',
  'open_rate',
  'reply_rate',
  'bounce_rate',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type OverviewSort = { key: SortKey; descending: boolean };

export type OverviewParams = {
  workspace: string | null;
  /** Only campaigns with this status (as the API spells it); null for every status. */
  status: string | null;
  sort: OverviewSort;
  /** The campaign whose stage funnel is shown. */
  campaign: string | null;
};

export const DEFAULT_SORT: OverviewSort = { key: 'name', descending: false };

export const DEFAULT_OVERVIEW: OverviewParams = {
  workspace: null,
  status: null,
  sort: DEFAULT_SORT,
  campaign: null,
};

const PARAM_NAMES = ['workspace', 'status', 'sort', 'campaign'] as const;
type ParamName = (typeof PARAM_NAMES)[number];

/** Statuses are the API's words (live, draft, paused, completed…): short plain text. */
const STATUS_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,29}$/;

function isSortKey(key: string): key is SortKey {
  return (SORT_KEYS as readonly string[]).includes(key);
}

/** "-reply_rate" is reply rate, highest first. */
export function readSort(text: string): OverviewSort | null {
  const descending = text.startsWith('-');
  const key = descending ? text.slice(1) : text;
  return isSortKey(key) ? { key, descending } : null;
}

export function writeSort(sort: OverviewSort): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

export function parseOverviewParams(query: string): { params: OverviewParams; notices: string[] } {
  const params: OverviewParams = { ...DEFAULT_OVERVIEW };
  const notices = readQueryParams(query, PARAM_NAMES, (key, value, notices) =>
    readParam(params, notices, key, value),
  );
  return { params, notices };
}

function readParam(params: OverviewParams, notices: string[], key: ParamName, value: string): void {
  switch (key) {
    case 'workspace':
    case 'campaign': {
      const id = readId(key, value);
      if (id.ok) params[key] = id.value;
      else notices.push(`Ignored ${key} ${quote(value)}: not ${id.rule}.`);
      return;
    }
    case 'status':
      if (STATUS_PATTERN.test(value)) params.status = value;
      else notices.push(`Ignored status ${quote(value)}: not a campaign status.`);
      return;
    case 'sort': {
      const sort = readSort(value);
      if (sort) params.sort = sort;
      else
        notices.push(
          `Ignored sort ${quote(value)}: sorted by name instead (one of ${SORT_KEYS.join(', ')}, "-" before for descending).`,
        );
      return;
    }
  }
}

/** "/campaigns?workspace=space_x&sort=-reply_rate"; defaults are left out, the order is stable. */
export function overviewHref(params: OverviewParams): string {
  const search = new URLSearchParams();
  if (params.workspace !== null) search.set('workspace', params.workspace);
  if (params.status !== null) search.set('status', params.status);
  const sort = writeSort(params.sort);
  if (sort !== writeSort(DEFAULT_SORT)) search.set('sort', sort);
  if (params.campaign !== null) search.set('campaign', params.campaign);
  return overviewPath(search);
}
