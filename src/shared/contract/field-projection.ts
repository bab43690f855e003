import { CONTACT_RECORD_FIELDS } from './contact-reader';
import type { ParamVerdict } from './contacts-params';
import { CUSTOM_FIELD_PATTERN } from './fields';

/**
 * `fields=`: our own parameter of GET /contacts (Mailstand's contract does not know it). The app
 * names the fields its grid shows; the server strips the parameter before asking upstream and
 * answers with each record cut down to those fields, so the browser parses a fraction of a page.
 */
export const FIELDS_PARAM = 'fields';

/**
 * What every row of the grid reads whatever columns are shown: who it is (its checkbox is named
 * by email, else full name) and where it stands.
 */
export const ROW_FIELDS = ['id', 'email', 'full_name', 'stage'] as const;

/** More names than a contact record has fields (with room for custom ones) is no real request. */
export const MAX_FIELD_NAMES = 200;

/** A field a contact record can carry: one the contract documents, or a custom field. */
export function isContactFieldName(name: string): boolean {
  return CONTACT_RECORD_FIELDS.has(name) || CUSTOM_FIELD_PATTERN.test(name);
}

/** Field names in one spelling: sorted and without repeats, so one set is one cache entry. */
export function fieldListValue(fields: Iterable<string>): string {
  return [...new Set(fields)].sort().join(',');
}

/** `id,email,stage`: comma-separated contact field names, each known, at most MAX_FIELD_NAMES. */
export function readFieldList(text: string): ParamVerdict<string[]> {
  const names = text.split(',');
  const rule = `comma-separated contact field names (such as id,email,stage), at most ${MAX_FIELD_NAMES}`;
  if (names.length > MAX_FIELD_NAMES) return { ok: false, rule };
  const unknown = names.find((name) => !isContactFieldName(name));
  if (unknown !== undefined) {
    const what = unknown === '' ? 'an empty name' : `"${unknown.slice(0, 40)}", which no contact has`;
    return { ok: false, rule: `${rule}; it holds ${what}` };
  }
  return { ok: true, value: fieldListValue(names).split(',') };
}
