import {
  ENGAGEMENT_FILTERS,
  ERROR_LABELS,
  REQUIRED_PAGE_PARAMS,
  STAGES,
  quoteValue as quote,
  readDisplay,
  readFlag,
  readPage,
  readSearch,
  readStage,
} from '../../shared/contract';
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

const REQUIRED = REQUIRED_PAGE_PARAMS;
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
  const display = readDisplay(params.get('display') ?? '');
  if (!display.ok) return invalid(`"display" must be ${display.rule}; got ${quote(params.get('display'))}`);
  const page = readPage(params.get('page') ?? '');
  if (!page.ok) return invalid(`"page" must be ${page.rule}; got ${quote(params.get('page'))}`);
  return {
    ok: true,
    value: { workspace: params.get('workspace') ?? '', page: page.value, display: display.value },
  };
}

export function parseContactsQuery(params: URLSearchParams): Parsed<ContactsQuery> {
  const paging = parsePageQuery(params);
  if (!paging.ok) return paging;
  const repeated = repetition(params, OPTIONAL);
  if (repeated) return repeated;
  const stageText = params.get('stage') ?? '';
  const stage = stageText === '' ? null : readStage(stageText);
  if (stage && !stage.ok) {
    return invalid(`"stage" must be one of ${STAGES.join(', ')} (spelled exactly); got ${quote(stageText)}`);
  }
  const search = readSearch(params.get('search') ?? '');
  if (!search.ok) return invalid(`"search" must be ${search.rule}; got ${quote(params.get('search'))}`);
  const engagement: Partial<Record<EngagementFilter, boolean>> = {};
  for (const filter of ENGAGEMENT_FILTERS) {
    // "false" (or leaving the parameter out) means no filter, not "contacts that have not".
    const text = params.get(filter);
    const flag = text === null ? null : readFlag(text);
    if (flag && !flag.ok) return invalid(`"${filter}" must be a boolean, ${flag.rule}; got ${quote(text)}`);
    engagement[filter] = flag?.value === true;
  }
  return {
    ok: true,
    value: {
      ...paging.value,
      campaign: (params.get('campaign') ?? '') === '' ? null : (params.get('campaign') ?? null),
      search: search.value,
      stage: stage?.ok ? stage.value : null,
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
