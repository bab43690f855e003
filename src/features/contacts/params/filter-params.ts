import {
  CONTACTS_PARAMS,
  ENGAGEMENT_FILTERS,
  ENGAGEMENT_LABELS,
  MAX_DISPLAY,
  MAX_SEARCH_LENGTH,
  quoteValue as quote,
  readFlag,
  readId,
  readPage,
  readQueryParams,
  readStage,
  wholeNumber,
} from '../../../shared/contract';
import type { EngagementFilter, Stage } from '../../../shared/contract';
import { DISPLAY_SIZES, type DisplaySize } from '../../../shared/views/view-limits';

/**
 * The URL is the single source of truth for what the contact browser shows. This module owns the
 * app's state in it: the API's params (whose rules are the contract's) plus the open contact, their
 * defaults, parsing and writing. Parsing never throws: any string yields a valid state, and every
 * value it had to drop or clamp is reported as a notice.
 */

export { DISPLAY_SIZES, type DisplaySize };
export const DEFAULT_DISPLAY = 100 satisfies DisplaySize;

export type ContactFilters = {
  workspace: string | null;
  campaign: string | null;
  stage: Stage | null;
  search: string;
  has_opened: boolean;
  has_clicked: boolean;
  has_replied: boolean;
  has_bounced: boolean;
  /** 1-based, at most the contract's MAX_PAGE. */
  page: number;
  display: DisplaySize;
  /** The contact whose detail is open; kept in the URL so the view can be shared. */
  contact: string | null;
};

/** The fields that narrow the list; changing any of them starts again at page 1. */
export type FilterField = 'workspace' | 'campaign' | 'stage' | 'search' | EngagementFilter;

export const DEFAULT_FILTERS: ContactFilters = {
  workspace: null,
  campaign: null,
  stage: null,
  search: '',
  has_opened: false,
  has_clicked: false,
  has_replied: false,
  has_bounced: false,
  page: 1,
  display: DEFAULT_DISPLAY,
  contact: null,
};

/** Stable order of the params in written URLs. */
const PARAM_ORDER = [...CONTACTS_PARAMS, 'contact'] as const satisfies readonly (keyof ContactFilters)[];
type ParamName = (typeof PARAM_ORDER)[number];

// C0 and C1 control characters and DEL; they have no place in an email search.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

function isDisplaySize(value: number): value is DisplaySize {
  return (DISPLAY_SIZES as readonly number[]).includes(value);
}

/** The allowed page size closest to `requested` (the smaller one on a tie). */
function nearestDisplaySize(requested: number): DisplaySize {
  let best: DisplaySize = DISPLAY_SIZES[0];
  for (const size of DISPLAY_SIZES) {
    if (Math.abs(size - requested) < Math.abs(best - requested)) best = size;
  }
  return best;
}

/**
 * Control characters out, length capped. (Lone UTF-16 surrogates need no handling: URLSearchParams
 * already decodes to well-formed text, turning broken escapes into U+FFFD.)
 */
function readSearch(filters: ContactFilters, notices: string[], raw: string): void {
  let search = raw.replace(CONTROL_CHARACTERS, '');
  if (search !== raw) notices.push('Removed control characters from the search.');
  const chars = Array.from(search);
  if (chars.length > MAX_SEARCH_LENGTH) {
    search = chars.slice(0, MAX_SEARCH_LENGTH).join('');
    notices.push(`Shortened the search to ${MAX_SEARCH_LENGTH} characters.`);
  }
  filters.search = search;
}

export function parseFilters(query: string): { filters: ContactFilters; notices: string[] } {
  const filters: ContactFilters = { ...DEFAULT_FILTERS };
  const notices = readQueryParams(query, PARAM_ORDER, (key, value, notices) =>
    readParam(filters, notices, key, value),
  );
  return { filters, notices };
}

function readParam(filters: ContactFilters, notices: string[], key: ParamName, value: string): void {
  switch (key) {
    case 'workspace':
    case 'campaign':
    case 'contact': {
      const id = readId(key, value);
      if (id.ok) filters[key] = id.value;
      else notices.push(`Ignored ${key} ${quote(value)}: not ${id.rule}.`);
      return;
    }
    case 'stage': {
      const stage = readStage(value);
      if (stage.ok) filters.stage = stage.value;
      else notices.push(`Ignored stage ${quote(value)}: not a Mailstand stage.`);
      return;
    }
    case 'search':
      readSearch(filters, notices, value);
      return;
    case 'page': {
      const page = readPage(value);
      if (page.ok) filters.page = page.value;
      else notices.push(`Ignored page ${quote(value)}: pages are whole numbers from 1; showing page 1.`);
      return;
    }
    case 'display':
      readDisplay(filters, notices, value);
      return;
    default:
      readEngagement(filters, notices, key, value);
  }
}

function readDisplay(filters: ContactFilters, notices: string[], value: string): void {
  // The API takes any size up to MAX_DISPLAY; the app offers a few and takes the nearest.
  const requested = wholeNumber(value) ?? NaN;
  if (isDisplaySize(requested)) {
    filters.display = requested;
  } else if (requested >= 1) {
    filters.display = nearestDisplaySize(requested);
    const reason = requested > MAX_DISPLAY ? `at most ${MAX_DISPLAY}` : `one of ${DISPLAY_SIZES.join(', ')}`;
    notices.push(`Rows per page ${quote(value)} is not allowed (${reason}); showing ${filters.display}.`);
  } else {
    notices.push(`Ignored rows per page ${quote(value)}: not a positive number; showing ${DEFAULT_DISPLAY}.`);
  }
}

function readEngagement(
  filters: ContactFilters,
  notices: string[],
  key: EngagementFilter,
  value: string,
): void {
  const flag = readFlag(value);
  // "false" is the default spelled out: harmless, dropped from the URL without a word.
  if (flag.ok) filters[key] = flag.value;
  else notices.push(`Ignored ${key} ${quote(value)}: expected true.`);
}

/** "?workspace=space_x&stage=Replied" or "" for the defaults; defaults are left out, order is stable. */
export function writeFilters(filters: ContactFilters): string {
  const params = new URLSearchParams();
  for (const key of PARAM_ORDER) {
    const value = filters[key];
    if (value === DEFAULT_FILTERS[key] || value === null || value === false || value === '') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export type FilterPatch = Partial<ContactFilters>;

function changesAny(
  filters: ContactFilters,
  patch: FilterPatch,
  keys: readonly (keyof ContactFilters)[],
): boolean {
  return keys.some((key) => key in patch && patch[key] !== filters[key]);
}

const FILTER_FIELDS: readonly FilterField[] = [
  'workspace',
  'campaign',
  'stage',
  'search',
  ...ENGAGEMENT_FILTERS,
];

/**
 * Applies a change the way a person expects: a different filter starts again at page 1; a
 * different workspace also forgets the campaign and the open contact (both belong to the old
 * workspace); a different page size keeps the first row of the current page on screen. An explicit
 * `page` (or campaign/contact) in the patch wins.
 */
export function applyFilterPatch(filters: ContactFilters, patch: FilterPatch): ContactFilters {
  const next: ContactFilters = { ...filters, ...patch };
  if (!('page' in patch)) {
    if (changesAny(filters, patch, FILTER_FIELDS)) next.page = 1;
    else if (changesAny(filters, patch, ['display']))
      next.page = Math.floor(((filters.page - 1) * filters.display) / next.display) + 1;
  }
  if (changesAny(filters, patch, ['workspace'])) {
    if (!('campaign' in patch)) next.campaign = null;
    if (!('contact' in patch)) next.contact = null;
  }
  return next;
}

/** Everything cleared except what frames the view: the workspace and the page size. */
export function clearedFilters(filters: ContactFilters): ContactFilters {
  return { ...DEFAULT_FILTERS, workspace: filters.workspace, display: filters.display };
}

export type FilterChip = { key: Exclude<FilterField, 'workspace'>; label: string };

/** The active filters as removable chips; `campaignName` names the campaign when it is known. */
export function activeFilterChips(filters: ContactFilters, campaignName?: string): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.campaign !== null)
    chips.push({ key: 'campaign', label: `Campaign: ${campaignName ?? filters.campaign}` });
  if (filters.stage !== null) chips.push({ key: 'stage', label: `Stage: ${filters.stage}` });
  if (filters.search !== '') chips.push({ key: 'search', label: `Email contains “${filters.search}”` });
  for (const key of ENGAGEMENT_FILTERS) {
    if (filters[key]) chips.push({ key, label: ENGAGEMENT_LABELS[key] });
  }
  return chips;
}
