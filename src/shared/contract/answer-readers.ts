import {
  FormTally,
  isRecord,
  readContact,
  readContactDetail,
  readContactsPage,
  type Contact,
  type ContactDetail,
  type ContactsPage,
  type PageRequest,
  type ReadResult,
} from './contact-reader';
import { asText, formOf, readCount, readTimestamp, type Timestamp } from './value-forms';

/**
 * Readers of Mailstand's answers, by hand in the contact reader's style rather than with a schema
 * library, which would be most of the browser's first load. They are tolerant where the public docs
 * are vague (any text field may be "", null, missing, a number or even an object; unknown fields
 * are kept) and strict where the app depends on a value (ids, names, totals): a failure names the
 * path that broke.
 */
export type AnswerReader<T> = (body: unknown) => ReadResult<T>;

/** "data[3].id: expected ...", or the whole body when the path is empty. */
export function describeReadFailure(failure: { path: string; message: string }): string {
  return `${failure.path === '' ? '(the whole body)' : failure.path}: ${failure.message}`;
}

/** For scripts and tests: the answer read, or an Error that names what broke. */
export function readAnswer<T>(read: AnswerReader<T>, body: unknown): T {
  const result = read(body);
  if (!result.ok) throw new Error(`Unexpected answer: ${describeReadFailure(result)}`);
  return result.value;
}

/** One contact record, read as a page reads its rows (on a copy: the input is left as it was). */
export const readContactAnswer: AnswerReader<Contact> = (body) =>
  isRecord(body)
    ? { ok: true, value: readContact({ ...body }, new FormTally(), '') }
    : { ok: false, path: '', message: 'expected a contact record' };

/** GET /contacts; freshly parsed JSON only (rows are read in place). */
export const readContactsPageAnswer: AnswerReader<ContactsPage> = (body) =>
  readContactsPage(body, new FormTally());

/** GET /contacts for a known request: current_page and total_pages fall back to what was asked. */
export function contactsPageReaderFor(request: PageRequest): AnswerReader<ContactsPage> {
  return (body) => readContactsPage(body, new FormTally(), request);
}

/** GET /contacts/{id}; freshly parsed JSON only. */
export const readContactDetailAnswer: AnswerReader<ContactDetail> = (body) =>
  readContactDetail(body, new FormTally());

type Failure = { ok: false; path: string; message: string };

function fail(path: string, message: string): Failure {
  return { ok: false, path, message };
}

function pathOf(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}

/** A value the app depends on: a string, and not empty where `nonEmpty` says so. */
function requireString(record: Record<string, unknown>, key: string, at: string, nonEmpty: boolean) {
  const value = record[key];
  if (typeof value !== 'string') return fail(pathOf(at, key), `expected text, got ${formOf(value)}`);
  if (nonEmpty && value === '') return fail(pathOf(at, key), 'expected text, got an empty one');
  return null;
}

/** A count the app only shows: unusable is left out rather than failing the list. */
function optionalCount(value: unknown): number | undefined {
  return readCount(value).value ?? undefined;
}

/** A list answer: `{ status?, data: [...] }`, every item read by `readItem`, unknown fields kept. */
function readList<T>(
  body: unknown,
  readItem: (record: Record<string, unknown>, at: string) => ReadResult<T>,
): ReadResult<{ status?: string; data: T[] } & Record<string, unknown>> {
  if (!isRecord(body)) return fail('', `expected an object with data, got ${formOf(body)}`);
  if (body.status !== undefined && typeof body.status !== 'string')
    return fail('status', `expected text, got ${formOf(body.status)}`);
  if (!Array.isArray(body.data)) return fail('data', `expected a list, got ${formOf(body.data)}`);
  const data: T[] = [];
  for (const [index, item] of body.data.entries()) {
    const at = `data[${index}]`;
    if (!isRecord(item)) return fail(at, `expected a record, got ${formOf(item)}`);
    const read = readItem(item, at);
    if (!read.ok) return read;
    data.push(read.value);
  }
  return { ok: true, value: { ...body, status: body.status, data } };
}

export type Workspace = Record<string, unknown> & {
  id: string;
  name: string;
  /** Mailstand's own example carries "#ABCERF": kept as text, validated where it is used. */
  color: string | null;
  campaign_count?: number | undefined;
};

/** The fields a workspace is read for (check-live compares an account's answer against them). */
export const WORKSPACE_FIELDS: readonly string[] = ['id', 'name', 'color', 'campaign_count'];

function readWorkspace(record: Record<string, unknown>, at: string): ReadResult<Workspace> {
  const broken = requireString(record, 'id', at, true) ?? requireString(record, 'name', at, false);
  if (broken) return broken;
  const workspace = {
    ...record,
    id: record.id as string,
    name: record.name as string,
    color: asText(record.color),
    campaign_count: optionalCount(record.campaign_count),
  };
  return { ok: true, value: workspace };
}

/** GET /workspaces. */
export const readWorkspacesAnswer: AnswerReader<{ status?: string; data: Workspace[] }> = (body) =>
  readList(body, readWorkspace);

export type Campaign = Record<string, unknown> & {
  id: string;
  status: string | null;
  name: string;
  steps?: number | undefined;
  contacts?: number | undefined;
  last_activity: string | null;
  created: Timestamp;
};

export const CAMPAIGN_FIELDS: readonly string[] = [
  'id',
  'status',
  'name',
  'steps',
  'contacts',
  'last_activity',
  'created',
];

function readCampaign(record: Record<string, unknown>, at: string): ReadResult<Campaign> {
  const broken = requireString(record, 'id', at, true) ?? requireString(record, 'name', at, false);
  if (broken) return broken;
  const campaign = {
    ...record,
    id: record.id as string,
    status: asText(record.status),
    name: record.name as string,
    steps: optionalCount(record.steps),
    contacts: optionalCount(record.contacts),
    last_activity: asText(record.last_activity),
    // A moment in any form readTimestamp understands; what it cannot read stays as sent.
    created: readTimestamp(record.created).value,
  };
  return { ok: true, value: campaign };
}

/** GET /campaigns; its optional `headers` must be a list of text when present. */
export const readCampaignsAnswer: AnswerReader<{ status?: string; data: Campaign[] }> = (body) => {
  if (isRecord(body) && body.headers !== undefined) {
    const { headers } = body;
    if (!Array.isArray(headers)) return fail('headers', `expected a list, got ${formOf(headers)}`);
    const index = headers.findIndex((header) => typeof header !== 'string');
    if (index !== -1) return fail(`headers[${index}]`, `expected text, got ${formOf(headers[index])}`);
  }
  return readList(body, readCampaign);
};

export type WorkspaceField = Record<string, unknown> & {
  label: string;
  code: string;
  searchable?: string[] | undefined;
};

export const FIELD_FIELDS: readonly string[] = ['label', 'code', 'searchable'];

function readField(record: Record<string, unknown>, at: string): ReadResult<WorkspaceField> {
  const broken = requireString(record, 'label', at, false) ?? requireString(record, 'code', at, true);
  if (broken) return broken;
  const { searchable } = record;
  if (searchable !== undefined) {
    if (!Array.isArray(searchable))
      return fail(pathOf(at, 'searchable'), `expected a list, got ${formOf(searchable)}`);
    const index = searchable.findIndex((operator) => typeof operator !== 'string');
    if (index !== -1)
      return fail(`${at}.searchable[${index}]`, `expected text, got ${formOf(searchable[index])}`);
  }
  const field = {
    ...record,
    label: record.label as string,
    code: record.code as string,
    searchable: searchable as string[] | undefined,
  };
  return { ok: true, value: field };
}

/** GET /workspaces/{id}/all-fields. */
export const readFieldsAnswer: AnswerReader<{ status?: string; data: WorkspaceField[] }> = (body) =>
  readList(body, readField);

export type ApiErrorBody = { statusCode?: number; error: string; message?: string };

function readErrorBody(body: unknown, at: string): ReadResult<ApiErrorBody> {
  if (!isRecord(body)) return fail(at, `expected an error body, got ${formOf(body)}`);
  const { statusCode, error, message } = body;
  if (typeof error !== 'string') return fail(pathOf(at, 'error'), `expected text, got ${formOf(error)}`);
  if (statusCode !== undefined && !Number.isInteger(statusCode))
    return fail(pathOf(at, 'statusCode'), `expected a whole number, got ${formOf(statusCode)}`);
  if (message !== undefined && typeof message !== 'string')
    return fail(pathOf(at, 'message'), `expected text, got ${formOf(message)}`);
  return {
    ok: true,
    value: {
      error,
      ...(statusCode === undefined ? {} : { statusCode: statusCode as number }),
      ...(message === undefined ? {} : { message }),
    },
  };
}

/** Mailstand's error body; its docs also speak of "an array of errors", so both are read as a list. */
export const readErrorAnswer: AnswerReader<ApiErrorBody[]> = (body) => {
  if (!Array.isArray(body)) {
    const one = readErrorBody(body, '');
    return one.ok ? { ok: true, value: [one.value] } : one;
  }
  if (body.length === 0) return fail('', 'expected at least one error');
  const errors: ApiErrorBody[] = [];
  for (const [index, item] of body.entries()) {
    const read = readErrorBody(item, `[${index}]`);
    if (!read.ok) return read;
    errors.push(read.value);
  }
  return { ok: true, value: errors };
};

/** The error labels Mailstand documents, with the status each arrives with. */
export const ERROR_LABELS = {
  badRequest: 'Bad Request',
  missingFields: 'Missing Fields',
  failedValidation: 'Failed Validation',
  invalidRequest: 'Invalid Request',
  missingRecord: 'Missing Record',
  apiConnectionError: 'API Connection Error',
  unauthorized: 'Unauthorized Permission',
  outOfCredits: 'Too Many Requests',
  rateLimited: 'Rate Limited',
} as const;

export function errorBody(statusCode: number, error: string, message: string): ApiErrorBody {
  return { statusCode, error, message };
}

/** The server's own GET /session: who is signed in, if anyone, and whether they can sign out. */
export type Session = { user: string | null; canSignOut: boolean };

export const readSessionAnswer: AnswerReader<Session> = (body) => {
  if (!isRecord(body)) return fail('', `expected a session, got ${formOf(body)}`);
  const { user, canSignOut } = body;
  if (user !== null && typeof user !== 'string')
    return fail('user', `expected text or null, got ${formOf(user)}`);
  if (typeof canSignOut !== 'boolean')
    return fail('canSignOut', `expected true or false, got ${formOf(canSignOut)}`);
  return { ok: true, value: { user, canSignOut } };
};
