import {
  CONTACT_CAMPAIGN_FIELDS,
  CONTACT_RECORD_FIELDS,
  CUSTOM_FIELD_PATTERN,
  FormTally,
  RATE_LIMIT,
  readFieldsAnswer,
  CAMPAIGN_FIELDS,
  FIELD_FIELDS,
  formOf,
  isRecord,
  readContactDetail,
  readContactsPage,
  readCount,
  readTimestamp,
  WORKSPACE_FIELDS,
  readWorkspacesAnswer,
  readCampaignsAnswer,
  parseRetryAfter,
  describeReadFailure,
  type AnswerReader,
  type FormCount,
} from '../../src/shared/contract';
import { documentedExample, type ExampleName } from '../../src/shared/contract/examples';
import { DEFAULT_RATE_LIMIT_WAIT_MS } from '../../src/features/contacts/api/api-client';

/**
 * What check-live learns from a real Mailstand account in at most 10 requests: per endpoint, the
 * forms each field arrived in, the fields the contract does not know and the documented ones never
 * seen, and the shape of an error body. It keeps field names, forms and counts only: no value of
 * any record leaves this module.
 */

export const MAX_REQUESTS = 10;
/** Workspaces whose contacts are counted to find the largest (one request each). */
const WORKSPACES_COUNTED = 3;
/** A Retry-After beyond this ends the check rather than holding the terminal. */
const MAX_WAIT_MS = 60_000;
/** The page's own fields beside its records. */
const PAGE_FIELDS = ['total_found', 'current_page', 'total_pages'];

export type EndpointReport = {
  /** What was asked, without ids: "GET /contacts?display=2000 (with a campaign)". */
  request: string;
  /** HTTP status, or null when no answer arrived. */
  status: number | null;
  /** Whether the app could read the answer; false fails the check. */
  readable: boolean;
  /** Why it could not be read, in words without values. */
  problem: string | null;
  records: number;
  forms: FormCount[];
  unknownFields: string[];
  neverSeen: string[];
};

export type LiveReport = {
  endpoints: EndpointReport[];
  /** The deliberately wrong call's answer: its status and body shape. */
  error: { request: string; status: number | null; shape: string } | null;
  requests: number;
};

export type LiveCheckOptions = { apiUrl: URL; apiKey: string };

type Answer = { status: number | null; body: unknown; problem: string | null };

/** One request per this many ms keeps under Mailstand's 100 per 15 s. */
const SPACING_MS = RATE_LIMIT.windowMs / RATE_LIMIT.requests;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Requests, paced and counted; past MAX_REQUESTS it answers without asking. */
function createRequester(options: LiveCheckOptions) {
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`;
  let sent = 0;
  let last = -Infinity;

  async function once(path: string): Promise<{ answer: Answer; retryAfterMs: number | null }> {
    const gap = last + SPACING_MS - Date.now();
    if (gap > 0) await sleep(gap);
    last = Date.now();
    sent += 1;
    const url = new URL(options.apiUrl.pathname.replace(/\/$/, '') + path, options.apiUrl.origin);
    try {
      const response = await fetch(url, {
        headers: { Authorization: authorization, Accept: 'application/json' },
      });
      const text = await response.text();
      let body: unknown = undefined;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return {
        answer: {
          status: response.status,
          body,
          problem:
            body === undefined ? (text.trim() === '' ? 'the body was empty' : 'the body was not JSON') : null,
        },
        retryAfterMs:
          response.status === 429
            ? (parseRetryAfter(response.headers.get('retry-after')) ?? DEFAULT_RATE_LIMIT_WAIT_MS)
            : null,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        answer: { status: null, body: undefined, problem: `no answer (${reason})` },
        retryAfterMs: null,
      };
    }
  }

  return {
    get sent() {
      return sent;
    },
    async get(path: string): Promise<Answer> {
      if (sent >= MAX_REQUESTS) {
        return {
          status: null,
          body: undefined,
          problem: `not sent: the check stops at ${MAX_REQUESTS} requests`,
        };
      }
      const first = await once(path);
      // Rate limited: wait as asked, once, if the budget allows.
      if (first.retryAfterMs === null || sent >= MAX_REQUESTS || first.retryAfterMs > MAX_WAIT_MS)
        return first.answer;
      await sleep(first.retryAfterMs);
      return (await once(path)).answer;
    },
  };
}

/** The keys of a documented example's records: what the docs show for that endpoint. */
function exampleFields(name: ExampleName): string[] {
  const body = documentedExample(name);
  const records = isRecord(body) && Array.isArray(body.data) ? body.data : [body];
  return [...new Set(records.filter(isRecord).flatMap((record) => Object.keys(record)))];
}

function seenFields(forms: readonly FormCount[]): Set<string> {
  return new Set(forms.filter((entry) => entry.form !== 'missing').map((entry) => entry.field));
}

function endpointReport(
  request: string,
  answer: Answer,
  tally: FormTally,
  documented: ReadonlySet<string>,
  outcome: { readable: boolean; problem: string | null; records: number },
): EndpointReport {
  const forms = tally.all();
  const seen = seenFields(forms);
  const known = (field: string) =>
    documented.has(field) || CUSTOM_FIELD_PATTERN.test(field.replace(/^campaigns\[\]\./, ''));
  return {
    request,
    status: answer.status,
    readable: outcome.readable,
    problem: outcome.problem,
    records: outcome.records,
    forms,
    unknownFields: [...seen].filter((field) => !known(field) && !field.startsWith('(')),
    neverSeen: [...documented].filter((field) => !seen.has(field)),
  };
}

/** Why an answer cannot be read before its body is even looked at, or null. */
function answerProblem(answer: Answer): string | null {
  if (answer.problem !== null) return answer.problem;
  if (answer.status !== 200) return `HTTP ${answer.status}`;
  return null;
}

/**
 * A list endpoint read with the app's schema (workspaces, campaigns, all-fields), its records'
 * fields counted by form. `timestamps` names the fields read as moments.
 */
function listReport(
  request: string,
  answer: Answer,
  read: AnswerReader<unknown>,
  documented: ReadonlySet<string>,
  timestamps: ReadonlySet<string> = new Set(),
): EndpointReport {
  const tally = new FormTally(true);
  const early = answerProblem(answer);
  const records = isRecord(answer.body) && Array.isArray(answer.body.data) ? answer.body.data : [];
  records.forEach((record: unknown, index) => {
    if (!isRecord(record)) return tally.note('(record)', formOf(record), false, `data[${index}]`);
    for (const field of new Set([...documented, ...Object.keys(record)])) {
      const value = record[field];
      const form = timestamps.has(field) ? readTimestamp(value).form : formOf(value);
      tally.note(field, form, documented.has(field), `data[${index}]`);
    }
  });
  let problem = early;
  if (problem === null) {
    const result = read(structuredClone(answer.body));
    if (!result.ok) problem = describeReadFailure(result);
  }
  return endpointReport(request, answer, tally, documented, {
    readable: problem === null,
    problem,
    records: records.length,
  });
}

function contactsReport(request: string, answer: Answer): EndpointReport {
  const tally = new FormTally(true);
  const documented = new Set([...CONTACT_RECORD_FIELDS, ...exampleFields('contacts-list'), ...PAGE_FIELDS]);
  let problem = answerProblem(answer);
  let records = 0;
  if (problem === null) {
    const result = readContactsPage(answer.body, tally);
    if (result.ok) records = result.value.data.length;
    else problem = `${result.path || 'the body'}: ${result.message}`;
  }
  return endpointReport(request, answer, tally, documented, { readable: problem === null, problem, records });
}

function detailReport(request: string, answer: Answer): EndpointReport {
  const tally = new FormTally(true);
  // Its campaigns are counted field by field (campaigns[].stage...), not as one field.
  const documented = new Set([
    ...exampleFields('contact-detail').filter((field) => field !== 'campaigns'),
    ...[...CONTACT_CAMPAIGN_FIELDS].map((field) => `campaigns[].${field}`),
  ]);
  let problem = answerProblem(answer);
  if (problem === null) {
    const result = readContactDetail(answer.body, tally);
    if (!result.ok) problem = `${result.path || 'the body'}: ${result.message}`;
  }
  return endpointReport(request, answer, tally, documented, {
    readable: problem === null,
    problem,
    records: problem === null ? 1 : 0,
  });
}

/** The shape of a JSON value without its values: {statusCode: number, error: text}. */
export function shapeOf(value: unknown, depth = 0): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty array';
    const shapes = [...new Set(value.map((item) => shapeOf(item, depth + 1)))];
    return `array of ${value.length} × ${shapes.join(' | ')}`;
  }
  if (isRecord(value)) {
    if (depth > 2) return 'object';
    return `{${Object.entries(value)
      .map(
        ([key, item]) =>
          `${key}: ${isRecord(item) || Array.isArray(item) ? shapeOf(item, depth + 1) : formOf(item)}`,
      )
      .join(', ')}}`;
  }
  return formOf(value);
}

function largestBy<T>(items: readonly T[], size: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || size(item) > size(best)) best = item;
  return best;
}

function firstId(answer: Answer): string | null {
  if (!isRecord(answer.body) || !Array.isArray(answer.body.data)) return null;
  for (const record of answer.body.data) {
    if (isRecord(record) && typeof record.id === 'string' && record.id !== '') return record.id;
  }
  return null;
}

export async function runLiveCheck(options: LiveCheckOptions): Promise<LiveReport> {
  const api = createRequester(options);
  const endpoints: EndpointReport[] = [];
  const list = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;

  const workspacesAnswer = await api.get('/workspaces');
  endpoints.push(
    listReport(
      'GET /workspaces',
      workspacesAnswer,
      readWorkspacesAnswer,
      new Set([...WORKSPACE_FIELDS, ...exampleFields('workspaces-list')]),
    ),
  );
  const workspaces =
    isRecord(workspacesAnswer.body) && Array.isArray(workspacesAnswer.body.data)
      ? workspacesAnswer.body.data
          .filter(isRecord)
          .filter(
            (w): w is Record<string, unknown> & { id: string } => typeof w.id === 'string' && w.id !== '',
          )
      : [];
  if (workspaces.length === 0) return { endpoints, error: null, requests: api.sent };

  // The largest workspace: contacts counted (display=1) among those with the most campaigns.
  const candidates = [...workspaces]
    .sort((a, b) => (readCount(b.campaign_count).value ?? 0) - (readCount(a.campaign_count).value ?? 0))
    .slice(0, workspaces.length === 1 ? 0 : WORKSPACES_COUNTED);
  const sizes = new Map<string, number>();
  for (const candidate of candidates) {
    const answer = await api.get(list('/contacts', { workspace: candidate.id, page: '1', display: '1' }));
    const total = isRecord(answer.body) ? readCount(answer.body.total_found).value : null;
    sizes.set(candidate.id, total ?? -1);
  }
  const workspace = (largestBy(candidates, (w) => sizes.get(w.id) ?? -1) ?? workspaces[0])?.id ?? '';

  const campaignsAnswer = await api.get(list('/campaigns', { workspace, page: '1', display: '100' }));
  endpoints.push(
    listReport(
      'GET /campaigns?display=100',
      campaignsAnswer,
      readCampaignsAnswer,
      new Set([...CAMPAIGN_FIELDS, ...exampleFields('campaigns-list')]),
      new Set(['created']),
    ),
  );
  const campaigns =
    isRecord(campaignsAnswer.body) && Array.isArray(campaignsAnswer.body.data)
      ? campaignsAnswer.body.data.filter(isRecord)
      : [];
  // The campaign that has sent the most (initials: first emails sent), so its timestamps are set.
  const campaign = largestBy(
    campaigns,
    (c) => readCount(c.initials).value ?? readCount(c.contacts).value ?? 0,
  )?.id;

  const fieldsAnswer = await api.get(`/workspaces/${encodeURIComponent(workspace)}/all-fields`);
  endpoints.push(
    listReport(
      'GET /workspaces/{id}/all-fields',
      fieldsAnswer,
      readFieldsAnswer,
      new Set([...FIELD_FIELDS, ...exampleFields('all-fields')]),
    ),
  );

  const pageAnswer = await api.get(list('/contacts', { workspace, page: '1', display: '2000' }));
  endpoints.push(contactsReport('GET /contacts?display=2000', pageAnswer));
  if (typeof campaign === 'string') {
    const campaignAnswer = await api.get(
      list('/contacts', { workspace, campaign, page: '1', display: '2000' }),
    );
    endpoints.push(contactsReport('GET /contacts?display=2000 (with a campaign)', campaignAnswer));
  }

  const id = firstId(pageAnswer);
  if (id !== null)
    endpoints.push(detailReport('GET /contacts/{id}', await api.get(`/contacts/${encodeURIComponent(id)}`)));

  // Deliberately wrong: no workspace, which Mailstand requires.
  const wrong = await api.get(list('/contacts', { page: '1', display: '1' }));
  const error = {
    request: 'GET /contacts without a workspace',
    status: wrong.status,
    shape: wrong.problem ?? shapeOf(wrong.body),
  };
  return { endpoints, error, requests: api.sent };
}

/** Whether every page of the report would show in the app. */
export function everyPageReadable(report: LiveReport): boolean {
  return report.endpoints.length > 0 && report.endpoints.every((endpoint) => endpoint.readable);
}
