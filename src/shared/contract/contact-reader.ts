import { CAMPAIGN_TIMESTAMP_FIELDS, CONTACT_FIELDS, CUSTOM_FIELD_PATTERN } from './fields';
import { isStage } from './stages';
import { asText, formOf, readCount, readTimestamp, type Timestamp, type ValueForm } from './value-forms';

/**
 * The one reader of contact records, for the grid, sorting, the detail panel, CSV export, the
 * stage counts and check-live. Strict only about what the app needs (a list of records and a
 * total); every field is read on its own, so one odd value never hides a page.
 */

type TextCode = (typeof CONTACT_FIELDS)[number]['code'];
type CampaignTimeCode = (typeof CAMPAIGN_TIMESTAMP_FIELDS)[number]['code'];
type TimeCode = CampaignTimeCode | 'created';

/**
 * A contact as the app reads it. `id` is "" when the record came without a usable id. Fields the
 * contract does not know are kept as sent.
 */
export type Contact = { id: string } & { [code in TextCode]: string | null } & {
  [code in TimeCode]: Timestamp;
} & Record<string, unknown>;

export type ContactCampaign = {
  campaign: string;
  stage: string | null;
  stage_name: string | null;
  sending_mailbox: string | null;
} & { [code in CampaignTimeCode]: Timestamp } & Record<string, unknown>;

export type ContactDetail = Contact & {
  workspace: string | null;
  status: string | null;
  source: string | null;
  campaigns: ContactCampaign[];
};

/** How many values of one field came in one unexpected form, with the path of the first. */
export type ValueDrift = { field: string; form: ValueForm; count: number; example: string };

export type ContactsPage = {
  data: Contact[];
  total_found: number;
  current_page: number;
  total_pages: number;
  /** Values that came in unexpected forms (empty when none did). */
  drift: ValueDrift[];
} & Record<string, unknown>;

export type FormCount = ValueDrift & { expected: boolean };

/** Counts the forms values arrive in, per field. */
export class FormTally {
  private readonly counts = new Map<string, FormCount>();

  /** everyForm: count expected forms too (check-live); the app counts only what drifted. */
  constructor(readonly everyForm = false) {}

  /**
   * One value of `field` in `form`; `at` is the path of the record or object holding it, `key`
   * the value's key there.
   */
  note(field: string, form: ValueForm, expected: boolean, at: string, key = field): void {
    const id = `${field}\u0000${form}`;
    const entry = this.counts.get(id);
    if (entry !== undefined) entry.count += 1;
    else
      this.counts.set(id, {
        field,
        form,
        expected,
        count: 1,
        example: at === '' ? key : `${at}.${key}`,
      });
  }

  all(): FormCount[] {
    return [...this.counts.values()];
  }

  drift(): ValueDrift[] {
    return this.all()
      .filter((entry) => !entry.expected)
      .map(({ field, form, count, example }) => ({ field, form, count, example }));
  }
}

export const CONTACT_TEXT_CODES: readonly TextCode[] = CONTACT_FIELDS.map((field) => field.code);
export const CONTACT_TIME_CODES: readonly TimeCode[] = [
  'created',
  ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code),
];
const CAMPAIGN_TIME_CODES: readonly CampaignTimeCode[] = CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code);
const DETAIL_TEXT_CODES = ['workspace', 'status', 'source'] as const;
const CAMPAIGN_TEXT_CODES = ['stage', 'stage_name', 'sending_mailbox'] as const;

/** The fields a contact record of GET /contacts may carry by the contract (custom_N aside). */
export const CONTACT_RECORD_FIELDS: ReadonlySet<string> = new Set([
  'id',
  ...CONTACT_TEXT_CODES,
  ...CONTACT_TIME_CODES,
]);
/** The same for GET /contacts/{id}. */
export const CONTACT_DETAIL_FIELDS: ReadonlySet<string> = new Set([
  ...CONTACT_RECORD_FIELDS,
  ...DETAIL_TEXT_CODES,
  'campaigns',
]);
/** The same for each of its campaigns. */
export const CONTACT_CAMPAIGN_FIELDS: ReadonlySet<string> = new Set([
  'campaign',
  ...CAMPAIGN_TEXT_CODES,
  ...CAMPAIGN_TIME_CODES,
]);

/** A JSON object (not null, not an array): what a record from an untrusted source must be first. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Below this magnitude a number is Unix seconds: the common case skips readTimestamp. */
const SECONDS_BELOW = 1e11;

function readText(record: Record<string, unknown>, code: string, name: string, tally: FormTally, at: string) {
  const value = record[code];
  if (typeof value === 'string' || value === null) {
    if (tally.everyForm) tally.note(name, formOf(value), true, at, code);
    return;
  }
  if (value === undefined) {
    record[code] = null;
    if (tally.everyForm) tally.note(name, 'missing', true, at, code);
    return;
  }
  record[code] = asText(value);
  tally.note(name, formOf(value), false, at, code);
}

function readTime(record: Record<string, unknown>, code: string, name: string, tally: FormTally, at: string) {
  const value = record[code];
  if (value === null || (typeof value === 'number' && value > -SECONDS_BELOW && value < SECONDS_BELOW)) {
    if (tally.everyForm) tally.note(name, value === null ? 'null' : 'unix seconds', true, at, code);
    return;
  }
  const reading = readTimestamp(value);
  record[code] = reading.value;
  const expected = reading.form === 'missing' || reading.form === 'empty text';
  if (tally.everyForm || !expected) tally.note(name, reading.form, expected, at, code);
}

/** A stage name: one the contract does not list is shown as sent, and never offered as a filter. */
function readStage(
  record: Record<string, unknown>,
  code: string,
  name: string,
  tally: FormTally,
  at: string,
) {
  const sent = record[code];
  if (typeof sent !== 'string') readText(record, code, name, tally, at);
  const stage = record[code];
  if (typeof stage === 'string' && stage.trim() !== '' && !isStage(stage)) {
    tally.note(name, 'undocumented stage', false, at, code);
  } else if (typeof sent === 'string' && tally.everyForm) {
    tally.note(name, formOf(sent), true, at, code);
  }
}

function readId(record: Record<string, unknown>, tally: FormTally, at: string) {
  const id = record.id;
  if (typeof id === 'string' && id !== '') {
    if (tally.everyForm) tally.note('id', 'text', true, at);
    return;
  }
  record.id = typeof id === 'number' ? String(id) : '';
  tally.note('id', formOf(id), false, at);
}

/** Counts, for check-live, the fields read as they are: custom fields and unknown ones. */
function noteUnread(
  record: Record<string, unknown>,
  known: ReadonlySet<string>,
  tally: FormTally,
  at: string,
  prefix = '',
) {
  if (!tally.everyForm) return;
  for (const [code, value] of Object.entries(record)) {
    if (!known.has(code)) tally.note(prefix + code, formOf(value), CUSTOM_FIELD_PATTERN.test(code), at, code);
  }
}

/**
 * Reads a contact record in place (a 2000-row page is read where JSON.parse left it: copying
 * each record cost more than reading it) and returns it as a Contact. Only read freshly parsed
 * JSON with this.
 */
export function readContact(
  record: Record<string, unknown>,
  tally: FormTally,
  at: string,
  codes: ReadCodes = EVERY_CODE,
): Contact {
  readContactFields(record, tally, at, codes);
  noteUnread(record, CONTACT_RECORD_FIELDS, tally, at);
  return record as Contact;
}

/** The fields a record is read for: all of them, or those a cut-down page was asked for. */
type ReadCodes = { text: readonly TextCode[]; time: readonly TimeCode[] };

const EVERY_CODE: ReadCodes = { text: CONTACT_TEXT_CODES, time: CONTACT_TIME_CODES };

function readContactFields(
  record: Record<string, unknown>,
  tally: FormTally,
  at: string,
  codes: ReadCodes = EVERY_CODE,
) {
  readId(record, tally, at);
  for (const code of codes.text) {
    if (code === 'stage') readStage(record, code, code, tally, at);
    else readText(record, code, code, tally, at);
  }
  for (const code of codes.time) readTime(record, code, code, tally, at);
}

/** A row of a page: anything that is not a record becomes an empty row without an id. */
function readRow(value: unknown, tally: FormTally, at: string, codes: ReadCodes): Contact {
  if (isRecord(value)) return readContact(value, tally, at, codes);
  tally.note('(record)', formOf(value), false, at);
  return readContact({}, new FormTally(), at);
}

function readCampaign(value: Record<string, unknown>, tally: FormTally, at: string): ContactCampaign {
  const campaign = value.campaign;
  if (typeof campaign !== 'string') {
    value.campaign = asText(campaign) ?? '';
    tally.note('campaigns[].campaign', formOf(campaign), false, at, 'campaign');
  } else if (tally.everyForm) tally.note('campaigns[].campaign', 'text', true, at, 'campaign');
  for (const code of CAMPAIGN_TEXT_CODES) {
    // A campaign's `stage` is the stage's id; its name is `stage_name`.
    if (code === 'stage_name') readStage(value, code, `campaigns[].${code}`, tally, at);
    else readText(value, code, `campaigns[].${code}`, tally, at);
  }
  for (const code of CAMPAIGN_TIME_CODES) readTime(value, code, `campaigns[].${code}`, tally, at);
  noteUnread(value, CONTACT_CAMPAIGN_FIELDS, tally, at, 'campaigns[].');
  return value as ContactCampaign;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

/** GET /contacts/{id}: fails only when the body is not a record. */
export function readContactDetail(body: unknown, tally: FormTally): ReadResult<ContactDetail> {
  if (!isRecord(body)) return { ok: false, path: '', message: 'expected a contact record' };
  readContactFields(body, tally, '');
  for (const code of DETAIL_TEXT_CODES) readText(body, code, code, tally, '');
  const campaigns = Array.isArray(body.campaigns) ? body.campaigns : [];
  if (!Array.isArray(body.campaigns) && body.campaigns !== undefined) {
    tally.note('campaigns', formOf(body.campaigns), false, '');
  }
  body.campaigns = campaigns.flatMap((campaign: unknown, index) => {
    if (isRecord(campaign)) return [readCampaign(campaign, tally, `campaigns[${index}]`)];
    tally.note('campaigns[]', formOf(campaign), false, `campaigns[${index}]`);
    return [];
  });
  noteUnread(body, CONTACT_DETAIL_FIELDS, tally, '');
  return { ok: true, value: body as ContactDetail };
}

/**
 * What page was asked for, to fill current_page and total_pages when the answer leaves them out;
 * `fields` when its records were cut down to that list (the `fields=` value, names joined by commas).
 */
export type PageRequest = { page: number; display: number; fields?: string };

/** What a cut-down record's left-out fields read as: null. */
const LEFT_OUT: Record<string, null> = Object.fromEntries(
  [...CONTACT_TEXT_CODES, ...CONTACT_TIME_CODES].map((code) => [code, null]),
);
const FIELDS_ASKED = Symbol('fields asked');

/** How the records of a page cut down to one field list are read: made once per list. */
type CutDownReading = { prototype: object; codes: ReadCodes };
const cutDownReadings = new Map<string, CutDownReading>();

/**
 * A cut-down record's prototype: its left-out fields read as null from here (writing the nulls
 * into each record grew every row by the forty-odd fields it was cut to leave out), and it knows
 * which fields were asked for, so what a record lacks can be fetched later. Its records are read
 * for those fields only.
 */
function cutDownReading(fields: string): CutDownReading {
  const known = cutDownReadings.get(fields);
  if (known !== undefined) return known;
  const asked = new Set(fields.split(','));
  const reading: CutDownReading = {
    prototype: Object.create(LEFT_OUT, { [FIELDS_ASKED]: { value: asked } }) as object,
    codes: {
      text: CONTACT_TEXT_CODES.filter((code) => asked.has(code)),
      time: CONTACT_TIME_CODES.filter((code) => asked.has(code)),
    },
  };
  cutDownReadings.set(fields, reading);
  return reading;
}

/** The fields a record's page was cut down to; null for a whole record. */
export function fieldsAskedOf(record: object): ReadonlySet<string> | null {
  return (record as { [FIELDS_ASKED]?: ReadonlySet<string> })[FIELDS_ASKED] ?? null;
}

function readPageCount(
  body: Record<string, unknown>,
  code: 'current_page' | 'total_pages',
  fallback: number,
  tally: FormTally,
): number {
  const { value, form } = readCount(body[code]);
  const expected = form === 'number' && value !== null;
  if (tally.everyForm || !expected)
    tally.note(code, value === null && form === 'number' ? 'unreadable' : form, expected, '');
  return value ?? fallback;
}

/**
 * GET /contacts. Only a broken envelope fails: no `data` array, or no usable `total_found`.
 * Every record is read field by field, in place (see readContact).
 */
export function readContactsPage(
  body: unknown,
  tally: FormTally,
  request: PageRequest | null = null,
): ReadResult<ContactsPage> {
  if (!isRecord(body))
    return { ok: false, path: '', message: 'expected an object with data and total_found' };
  if (!Array.isArray(body.data)) {
    return { ok: false, path: 'data', message: `expected a list of contacts, got ${formOf(body.data)}` };
  }
  const total = readCount(body.total_found);
  if (total.value === null) {
    return { ok: false, path: 'total_found', message: `expected a count, got ${formOf(body.total_found)}` };
  }
  const data: unknown[] = body.data;
  const cutDown = request?.fields === undefined ? null : cutDownReading(request.fields);
  const codes = cutDown?.codes ?? EVERY_CODE;
  for (let index = 0; index < data.length; index++) {
    const row = data[index];
    if (cutDown !== null && isRecord(row)) Object.setPrototypeOf(row, cutDown.prototype);
    data[index] = readRow(row, tally, `data[${index}]`, codes);
  }
  // After the rows: the notice's example is the first drifted value of a record.
  if (tally.everyForm || total.form !== 'number')
    tally.note('total_found', total.form, total.form === 'number', '');
  const display = request?.display ?? Math.max(data.length, 1);
  body.total_found = total.value;
  body.current_page = readPageCount(body, 'current_page', request?.page ?? 1, tally);
  body.total_pages = readPageCount(body, 'total_pages', Math.ceil(total.value / display), tally);
  body.drift = tally.drift();
  return { ok: true, value: body as ContactsPage };
}
