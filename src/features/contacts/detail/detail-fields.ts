import {
  CAMPAIGN_TIMESTAMP_FIELDS,
  CONTACT_FIELDS,
  CUSTOM_FIELD_PATTERN,
  asText,
  type ContactDetail,
  type WorkspaceField,
} from '../../../shared/contract';
import { formatTimestamp, safeUrl, telHref } from '../table/format';

/**
 * Every field of a contact, grouped the way a person reads a record. Values are untrusted
 * spreadsheet text: only http(s) URLs become web links, only phone-shaped text becomes tel:, only
 * a plain address becomes mailto:. Everything else is text.
 */

export type DetailValue =
  | { kind: 'text'; text: string }
  /** A value that could not be read as what its field holds, shown as sent. */
  | { kind: 'unreadable'; text: string }
  | { kind: 'link' | 'phone' | 'email'; text: string; href: string }
  | { kind: 'empty' };

export type DetailField = { code: string; label: string; value: DetailValue };
export type DetailGroup = { title: string; fields: DetailField[] };

const GROUPS: ReadonlyArray<{ title: string; codes: readonly string[] }> = [
  {
    title: 'Person',
    codes: [
      'full_name',
      'first_name',
      'middle_name',
      'last_name',
      'nickname',
      'email',
      'title',
      'occupation',
      'gender',
      'mobile_phone',
      'work_phone',
      'home_phone',
      'voip_phone',
      'other_phone',
      'lead_score',
    ],
  },
  { title: 'Company', codes: ['company_name', 'company_formal_name', 'company_industry'] },
  {
    title: 'Address',
    codes: ['address_1', 'address_2', 'city', 'state', 'zip', 'country', 'region', 'timezone'],
  },
  {
    title: 'Social and web',
    codes: ['linkedin', 'twitter', 'stack_overflow', 'website_1', 'website_2', 'website_3'],
  },
  { title: 'Notes', codes: ['personal_note_1', 'personal_note_2', 'personal_note_3'] },
  { title: 'Education and career', codes: ['job_start_date', 'school', 'graduation_date', 'degree'] },
  {
    title: 'Record',
    codes: [
      'stage',
      'status',
      'active',
      'source',
      'locked_mailbox',
      'locked_mailbox_id',
      'locked_mailbox_color',
      'created',
      'created_at',
      'last_updated',
      'last_activity',
      'id',
      'workspace',
    ],
  },
];

const EXTRA_LABELS: Record<string, string> = {
  status: 'Most progressed stage',
  source: 'Source',
  created: 'Created',
  id: 'Contact ID',
  workspace: 'Workspace ID',
};
const LABELS = new Map<string, string>([
  ...CONTACT_FIELDS.map((field): [string, string] => [field.code, field.label]),
  ...Object.entries(EXTRA_LABELS),
]);

const PHONES = new Set(['mobile_phone', 'work_phone', 'home_phone', 'voip_phone', 'other_phone']);
const LINKS = new Set(GROUPS.find((group) => group.title === 'Social and web')?.codes ?? []);
/** Shown elsewhere in the panel: per campaign, with the campaign's name. */
const NOT_FIELDS = new Set<string>(['campaigns', ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code)]);

// No spaces, quotes, brackets, separators or URL syntax (?, #, &, %, /): what is left cannot add
// recipients, a subject or a body to the mailto: link, nor smuggle anything else into the href.
const PLAIN_EMAIL = /^[^\s@<>()[\]",;:\\?#&%/]+@[^\s@<>()[\]",;:\\?#&%/]+\.[^\s@<>()[\]",;:\\?#&%/]+$/;

export function mailtoHref(value: string | null): string | null {
  const text = value?.trim();
  return text && PLAIN_EMAIL.test(text) ? `mailto:${text}` : null;
}

export function detailValue(code: string, raw: unknown): DetailValue {
  if (code === 'created' && typeof raw === 'number') return { kind: 'text', text: formatTimestamp(raw) };
  // The reader leaves a moment it could not read as the text that was sent.
  if (code === 'created' && typeof raw === 'string') return { kind: 'unreadable', text: raw };
  const text = asText(raw);
  if (text === null || text.trim() === '') return { kind: 'empty' };
  const href =
    code === 'email'
      ? mailtoHref(text)
      : PHONES.has(code)
        ? telHref(text)
        : LINKS.has(code)
          ? safeUrl(text)
          : null;
  if (href === null) return { kind: 'text', text };
  return { kind: code === 'email' ? 'email' : PHONES.has(code) ? 'phone' : 'link', text, href };
}

function customNumber(code: string): number {
  return Number(code.slice(code.indexOf('_') + 1));
}

/** The groups in reading order, then custom fields by their workspace labels, then unknown fields by code. */
export function contactDetailGroups(
  contact: ContactDetail,
  workspaceFields: readonly WorkspaceField[],
): DetailGroup[] {
  const record: Record<string, unknown> = contact;
  const placed = new Set<string>(NOT_FIELDS);
  const field = (code: string, label: string): DetailField => {
    placed.add(code);
    return { code, label, value: detailValue(code, record[code]) };
  };

  const groups: DetailGroup[] = GROUPS.map((group) => ({
    title: group.title,
    fields: group.codes.map((code) => field(code, LABELS.get(code) ?? code)),
  }));

  const customLabels = new Map(
    workspaceFields.filter((f) => CUSTOM_FIELD_PATTERN.test(f.code)).map((f) => [f.code, f.label]),
  );
  const customCodes = [...new Set([...customLabels.keys(), ...Object.keys(record)])]
    .filter((code) => CUSTOM_FIELD_PATTERN.test(code))
    .sort((a, b) => customNumber(a) - customNumber(b));
  if (customCodes.length > 0) {
    groups.push({
      title: 'Custom fields',
      fields: customCodes.map((code) => field(code, customLabels.get(code) ?? code)),
    });
  }

  const others = Object.keys(record).filter((code) => !placed.has(code));
  if (others.length > 0)
    groups.push({ title: 'Other fields', fields: others.map((code) => field(code, code)) });
  return groups;
}
