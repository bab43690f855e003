import { ENGAGEMENT_FILTERS, ERROR_LABELS, MAX_DISPLAY, STAGES, isStage } from '../../shared/contract';
import type { EngagementFilter, Stage } from '../../shared/contract';

/**
 * Reading the query of GET /contacts and GET /campaigns the way Mailstand validates it: missing
 * required keys are "Missing Fields", values that break a rule are "Failed Validation", and each
 * message names the parameter and the rule. Unknown parameters are ignored.
 */

export type QueryProblem = { error: string; message: string };
type Parsed<T> = { ok: true; value: T } | { ok: false; problem: QueryProblem };

export type PageQuery = { workspace: string; page: number; display: number };

export type ContactsQuery = PageQuery &
  Record<EngagementFilter, boolean> & {
    campaign: string | null;
    search: string;
    stage: Stage | null;
  };

const REQUIRED = ['workspace', 'display', 'page'] as const;
/** Far past any account, and still an exact number once multiplied by a `display` of 2000. */
const MAX_PAGE = 999_999_999_999;
const OPTIONAL = ['campaign', 'search', 'stage', ...ENGAGEMENT_FILTERS] as const;

function invalid(message: string): { ok: false; problem: QueryProblem } {
  return { ok: false, problem: { error: ERROR_LABELS.failedValidation, message } };
}

export function parsePageQuery(params: URLSearchParams): Parsed<PageQuery> {
  const missing = REQUIRED.filter((key) => (params.get(key) ?? '') === '');
  if (missing.length > 0) {
    return {
      ok: false,
      problem: {
        error: ERROR_LABELS.missingFields,
        message: `Your request is missing the following keys: ${missing.join(', ')}`,
      },
    };
  }
  const repeated = REQUIRED.find((key) => params.getAll(key).length > 1);
  if (repeated)
    return invalid(`"${repeated}" must be given once, not ${params.getAll(repeated).length} times`);
  const display = wholeNumber(params.get('display') ?? '');
  if (display === null || display < 1 || display > MAX_DISPLAY) {
    return invalid(
      `"display" must be a whole number from 1 to ${MAX_DISPLAY}; got ${quote(params.get('display'))}`,
    );
  }
  const page = wholeNumber(params.get('page') ?? '');
  if (page === null || page < 1 || page > MAX_PAGE) {
    return invalid(`"page" must be a whole number from 1 to ${MAX_PAGE}; got ${quote(params.get('page'))}`);
  }
  return { ok: true, value: { workspace: params.get('workspace') ?? '', page, display } };
}

export function parseContactsQuery(params: URLSearchParams): Parsed<ContactsQuery> {
  const paging = parsePageQuery(params);
  if (!paging.ok) return paging;
  const repeated = repetition(params, OPTIONAL);
  if (repeated) return repeated;
  const stage = params.get('stage') ?? '';
  if (stage !== '' && !isStage(stage)) {
    return invalid(`"stage" must be one of ${STAGES.join(', ')} (spelled exactly); got ${quote(stage)}`);
  }
  const engagement: Partial<Record<EngagementFilter, boolean>> = {};
  for (const filter of ENGAGEMENT_FILTERS) {
    // Any capitalisation, as Mailstand's validator (Joi) converts booleans. "false" (or leaving the
    // parameter out) means no filter, not "contacts that have not".
    const value = params.get(filter)?.toLowerCase() ?? null;
    if (value !== null && value !== 'true' && value !== 'false') {
      return invalid(`"${filter}" must be a boolean, true or false; got ${quote(params.get(filter))}`);
    }
    engagement[filter] = value === 'true';
  }
  return {
    ok: true,
    value: {
      ...paging.value,
      campaign: (params.get('campaign') ?? '') === '' ? null : (params.get('campaign') ?? null),
      search: params.get('search') ?? '',
      stage: isStage(stage) ? stage : null,
      has_opened: engagement.has_opened === true,
      has_clicked: engagement.has_clicked === true,
      has_replied: engagement.has_replied === true,
      has_bounced: engagement.has_bounced === true,
    },
  };
}

/** A known parameter given more than once is ambiguous, so it is refused rather than guessed. */
function repetition(
  params: URLSearchParams,
  keys: readonly string[],
): { ok: false; problem: QueryProblem } | null {
  const key = keys.find((candidate) => params.getAll(candidate).length > 1);
  return key === undefined
    ? null
    : invalid(`"${key}" must be given once, not ${params.getAll(key).length} times`);
}

/** A whole number written in plain decimal digits ("2000"), else null ("2e3", "1.5", " 5", "0x10"). */
function wholeNumber(text: string): number | null {
  if (!/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

function quote(value: string | null): string {
  const text = value ?? '';
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
