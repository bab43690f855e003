import { isStage, type Stage } from './stages';

/**
 * The request parameters of the API: names, limits, id patterns and the verdict on each value.
 * The app's URL parser, its API client, the proxy's allowlist and the sandbox's parser all read
 * these rules; they differ only in what they do with a verdict (the URL tolerates and reports,
 * the sandbox refuses).
 */

export const MAX_DISPLAY = 2000;
/** Far past any account, and still an exact number once multiplied by a `display` of 2000. */
export const MAX_PAGE = 999_999_999_999;
/** Longer searches are no real email fragment; the cap keeps URLs and requests small. */
export const MAX_SEARCH_LENGTH = 200;

export const ENGAGEMENT_FILTERS = ['has_opened', 'has_clicked', 'has_replied', 'has_bounced'] as const;
export type EngagementFilter = (typeof ENGAGEMENT_FILTERS)[number];

export const ENGAGEMENT_LABELS: Record<EngagementFilter, string> = {
  has_opened: 'Opened',
  has_clicked: 'Clicked',
  has_replied: 'Replied',
  has_bounced: 'Bounced',
};

/** The parameters GET /contacts reads, in the order the app writes them. */
export const CONTACTS_PARAMS = [
  'workspace',
  'campaign',
  'stage',
  'search',
  ...ENGAGEMENT_FILTERS,
  'page',
  'display',
] as const;
export type ContactsParam = (typeof CONTACTS_PARAMS)[number];
/** The ones without which GET /contacts (and GET /campaigns) refuses the request. */
export const REQUIRED_PAGE_PARAMS = ['workspace', 'display', 'page'] as const;

/** Mailstand's documented rate limit: 100 requests per 15 seconds per key. */
export const RATE_LIMIT = { requests: 100, windowMs: 15_000 } as const;

export type IdKind = 'workspace' | 'campaign' | 'contact';
const ID_PREFIXES: Record<IdKind, string> = { workspace: 'space_', campaign: 'camp_', contact: 'contact_' };
/** Mailstand ids are a prefix and 25 letters or digits; no dot, slash or percent sign can appear. */
const ID_BODY = '[A-Za-z0-9]{1,64}';

/** An id of that kind, as a regular expression source without anchors (for path patterns). */
export function idPatternSource(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}${ID_BODY}`;
}

const ID_PATTERNS: Record<IdKind, RegExp> = {
  workspace: new RegExp(`^${idPatternSource('workspace')}$`),
  campaign: new RegExp(`^${idPatternSource('campaign')}$`),
  contact: new RegExp(`^${idPatternSource('contact')}$`),
};

export function isId(kind: IdKind, value: string): boolean {
  return ID_PATTERNS[kind].test(value);
}

/** A value read against the rules: the value, or the rule it breaks (to be put in words by the reader). */
export type ParamVerdict<T> = { ok: true; value: T } | { ok: false; rule: string };

const broken = (rule: string): { ok: false; rule: string } => ({ ok: false, rule });

/** A whole number written in plain decimal digits ("2000"), else null ("2e3", "1.5", " 5", "0x10"). */
export function wholeNumber(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

export function readPage(text: string): ParamVerdict<number> {
  const page = wholeNumber(text);
  return page !== null && page >= 1 && page <= MAX_PAGE
    ? { ok: true, value: page }
    : broken(`a whole number from 1 to ${MAX_PAGE}`);
}

/** Any whole number from 1 to MAX_DISPLAY; the app offers a few of them (see DISPLAY_SIZES there). */
export function readDisplay(text: string): ParamVerdict<number> {
  const display = wholeNumber(text);
  return display !== null && display >= 1 && display <= MAX_DISPLAY
    ? { ok: true, value: display }
    : broken(`a whole number from 1 to ${MAX_DISPLAY}`);
}

export function readStage(text: string): ParamVerdict<Stage> {
  return isStage(text) ? { ok: true, value: text } : broken('a Mailstand stage, spelled exactly');
}

/** true or false in any capitalisation, as Mailstand's validator (Joi) converts booleans. */
export function readFlag(text: string): ParamVerdict<boolean> {
  const value = text.toLowerCase();
  return value === 'true' || value === 'false'
    ? { ok: true, value: value === 'true' }
    : broken('true or false');
}

export function readId(kind: IdKind, text: string): ParamVerdict<string> {
  return isId(kind, text) ? { ok: true, value: text } : broken(`a Mailstand ${kind} id`);
}

export function readSearch(text: string): ParamVerdict<string> {
  return Array.from(text).length <= MAX_SEARCH_LENGTH
    ? { ok: true, value: text }
    : broken(`at most ${MAX_SEARCH_LENGTH} characters`);
}

const QUOTED_LENGTH = 40;

/** A value as shown in a message: short, quoted, control characters and lone surrogates escaped. */
export function quoteValue(value: string | null): string {
  const text = value ?? '';
  const chars = Array.from(text);
  return JSON.stringify(chars.length > QUOTED_LENGTH ? `${chars.slice(0, QUOTED_LENGTH).join('')}…` : text);
}

const MAX_UNKNOWN_NAMED = 3;

/** The notice for parameters an app URL does not know: the first few named, the rest counted. */
function unknownParamsNotice(keys: readonly string[]): string {
  if (keys.length === 1) return `Ignored unknown parameter ${quoteValue(keys[0] ?? '')}.`;
  const named = keys.slice(0, MAX_UNKNOWN_NAMED).map(quoteValue).join(', ');
  const more = keys.length > MAX_UNKNOWN_NAMED ? `, and ${keys.length - MAX_UNKNOWN_NAMED} more` : '';
  return `Ignored ${keys.length} unknown parameters (${named}${more}).`;
}

/**
 * Reads an app URL's query the same way on every screen. The first value of a parameter wins (a
 * later duplicate is usually a link that appended to an existing URL); empty values, duplicates
 * and unknown names are reported. `readValue` takes each kept value and adds its own notices.
 */
export function readQueryParams<Name extends string>(
  query: string,
  names: readonly Name[],
  readValue: (name: Name, value: string, notices: string[]) => void,
): string[] {
  const notices: string[] = [];
  const unknown = new Set<string>();
  const seen = new Map<Name, number>();
  for (const [key, value] of new URLSearchParams(query)) {
    const name = names.find((known) => known === key);
    if (name === undefined) {
      unknown.add(key);
      continue;
    }
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) continue;
    if (value === '') notices.push(`Ignored ${name}: it was empty.`);
    else readValue(name, value, notices);
  }
  for (const [name, count] of seen) {
    if (count > 1) notices.push(`Used the first of ${count} values given for ${name}.`);
  }
  if (unknown.size > 0) notices.push(unknownParamsNotice([...unknown]));
  return notices;
}
