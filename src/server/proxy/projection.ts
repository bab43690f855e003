import { FIELDS_PARAM, isRecord, readFieldList } from '../../shared/contract';
import { answerCopies } from '../http/answer-copies';

/**
 * The app's `fields=` on GET /contacts: taken out of the query before it goes upstream, then
 * applied to the answer. The full answer stays what the key's budget shares and caches; each
 * field set's copy is made once from it and kept with it.
 */

export type FieldsVerdict =
  { ok: true; query: string; fields: string[] | null } | { ok: false; message: string };

const PROJECTED_PATH = '/contacts';

/** Splits `fields` off an allowed call's (re-encoded) query; only a contacts page may carry it, once. */
export function takeFieldsParam(path: string, query: string): FieldsVerdict {
  const pairs = query === '' ? [] : query.split('&');
  const isFields = (pair: string) => pair.startsWith(`${FIELDS_PARAM}=`) || pair === FIELDS_PARAM;
  const given = pairs.filter(isFields);
  if (given.length === 0) return { ok: true, query, fields: null };
  if (path !== PROJECTED_PATH)
    return { ok: false, message: `"${FIELDS_PARAM}" applies to GET /contacts only, not to ${path}.` };
  if (given.length > 1) return { ok: false, message: `"${FIELDS_PARAM}" may be given once.` };
  const value = decodeURIComponent((given[0] ?? '').slice(FIELDS_PARAM.length + 1));
  const verdict = readFieldList(value);
  if (!verdict.ok) return { ok: false, message: `"${FIELDS_PARAM}" must be ${verdict.rule}.` };
  return { ok: true, query: pairs.filter((pair) => !isFields(pair)).join('&'), fields: verdict.value };
}

/** Cut-down copies of each answer, by field set. */
const projectedCopies = answerCopies<string, Uint8Array<ArrayBuffer>>();

/**
 * A contacts page with each record cut down to `fields` (a field a record lacks stays absent),
 * everything else as sent. An answer that is not such a page is returned as it is: the app's
 * reader says what is wrong with it.
 */
export function projectedAnswer(
  body: Uint8Array<ArrayBuffer>,
  fields: readonly string[],
): Uint8Array<ArrayBuffer> {
  return projectedCopies.get(body, fields.join(','), () => project(body, fields));
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function project(body: Uint8Array<ArrayBuffer>, fields: readonly string[]): Uint8Array<ArrayBuffer> {
  let page: unknown;
  try {
    page = JSON.parse(decoder.decode(body));
  } catch {
    return body;
  }
  if (!isRecord(page) || !Array.isArray(page.data)) return body;
  const data = page.data.map((record: unknown) => {
    if (!isRecord(record)) return record;
    const picked: Record<string, unknown> = {};
    for (const field of fields) if (Object.hasOwn(record, field)) picked[field] = record[field];
    return picked;
  });
  return encoder.encode(JSON.stringify({ ...page, data }));
}
