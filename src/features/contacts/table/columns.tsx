import type { ColumnVisibilityState } from '@tanstack/react-table';
import {
  CAMPAIGN_TIMESTAMP_FIELDS,
  CONTACT_FIELDS,
  CUSTOM_FIELD_PATTERN,
  asText,
  type Contact,
  type ContactFieldCode,
  type WorkspaceField,
} from '../../../shared/contract';
import {
  leadScoreCell,
  linkCell,
  phoneCell,
  stageCell,
  textCell,
  timestampCell,
  type CellFormat,
} from './cells';
import type { ContactColumn } from './contact-table';

/** The columns a person sees first, in this order; every other field is one click away. */
const DEFAULT_VISIBLE: readonly ContactFieldCode[] = [
  'email',
  'full_name',
  'stage',
  'title',
  'company_name',
  'lead_score',
  'city',
  'country',
  'last_activity',
];

const PHONE_FIELDS: ReadonlySet<string> = new Set([
  'mobile_phone',
  'work_phone',
  'home_phone',
  'voip_phone',
  'other_phone',
]);
const LINK_FIELDS: ReadonlySet<string> = new Set([
  'linkedin',
  'twitter',
  'stack_overflow',
  'website_1',
  'website_2',
  'website_3',
]);

const WIDTHS: Partial<Record<ContactFieldCode, number>> = {
  active: 90,
  email: 260,
  stage: 150,
  full_name: 190,
  title: 210,
  lead_score: 110,
  company_name: 190,
  company_formal_name: 210,
  address_1: 200,
  state: 110,
  zip: 100,
  country: 130,
  timezone: 170,
  gender: 100,
  linkedin: 240,
  twitter: 220,
  stack_overflow: 240,
  website_1: 220,
  website_2: 220,
  website_3: 220,
  personal_note_1: 260,
  personal_note_2: 260,
  personal_note_3: 260,
  locked_mailbox: 200,
  locked_mailbox_id: 250,
};
const DEFAULT_WIDTH = 160;
const TIMESTAMP_WIDTH = 250;

function formatFor(code: ContactFieldCode): CellFormat<string | null> {
  if (code === 'stage') return stageCell;
  if (code === 'lead_score') return leadScoreCell;
  if (PHONE_FIELDS.has(code)) return phoneCell;
  if (LINK_FIELDS.has(code)) return linkCell;
  return textCell;
}

function fieldColumn(code: ContactFieldCode, label: string): ContactColumn {
  const format = formatFor(code);
  return {
    id: code,
    accessorFn: (contact) => contact[code],
    header: label,
    cell: ({ row }) => format.content(row.original[code]),
    size: WIDTHS[code] ?? DEFAULT_WIDTH,
    sortFn: 'cellValue',
    sortDescFirst: false,
    meta: {
      label,
      align: code === 'lead_score' ? 'end' : 'start',
      defaultVisible: DEFAULT_VISIBLE.includes(code),
      campaignOnly: false,
      title: (contact) => format.title(contact[code]),
    },
  };
}

function timestampColumn(
  code: (typeof CAMPAIGN_TIMESTAMP_FIELDS)[number]['code'] | 'created',
  label: string,
  campaignOnly: boolean,
): ContactColumn {
  return {
    id: code,
    accessorFn: (contact) => contact[code],
    header: label,
    cell: ({ row }) => timestampCell.content(row.original[code]),
    size: TIMESTAMP_WIDTH,
    sortFn: 'cellValue',
    // The latest first: "who opened most recently" is the question.
    sortDescFirst: true,
    meta: {
      label,
      align: 'start',
      defaultVisible: campaignOnly,
      campaignOnly,
      title: (contact) => timestampCell.title(contact[code]),
    },
  };
}

const labelOf = new Map<string, string>(CONTACT_FIELDS.map((field) => [field.code, field.label]));

/**
 * Every field of the contact record as a column, created once: the default set first, then the
 * campaign timestamps, then the rest in the API's order. The layout puts the timestamps right
 * after Stage (see columnOptions).
 */
export const CONTACT_COLUMNS: readonly ContactColumn[] = [
  ...DEFAULT_VISIBLE.map((code) => fieldColumn(code, labelOf.get(code) ?? code)),
  ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => timestampColumn(field.code, field.label, true)),
  ...CONTACT_FIELDS.filter((field) => !DEFAULT_VISIBLE.includes(field.code)).map((field) =>
    fieldColumn(field.code, field.label),
  ),
  timestampColumn('created', 'Created', false),
];

function customValue(contact: Contact, code: string): string | null {
  return asText(contact[code]);
}

/** The fixed columns plus one per custom field of the workspace, named by its label from all-fields. */
export function withCustomFieldColumns(fields: readonly WorkspaceField[]): ContactColumn[] {
  const custom = fields
    .filter((field) => CUSTOM_FIELD_PATTERN.test(field.code))
    .map((field): ContactColumn => ({
      id: field.code,
      accessorFn: (contact) => customValue(contact, field.code),
      header: field.label,
      cell: ({ row }) => textCell.content(customValue(row.original, field.code)),
      size: DEFAULT_WIDTH,
      sortFn: 'cellValue',
      sortDescFirst: false,
      meta: {
        label: field.label,
        align: 'start',
        defaultVisible: false,
        campaignOnly: false,
        title: (contact) => textCell.title(customValue(contact, field.code)),
      },
    }));
  return [...CONTACT_COLUMNS, ...custom];
}

/** Which columns show by default; the campaign timestamps only while a campaign is selected. */
export function defaultColumnVisibility(
  columns: readonly ContactColumn[],
  campaignSelected: boolean,
): ColumnVisibilityState {
  return Object.fromEntries(
    columns.map((column) => [
      column.id,
      column.meta?.campaignOnly ? campaignSelected : (column.meta?.defaultVisible ?? false),
    ]),
  );
}
