import { en } from 'zod/locales';
import { z } from 'zod/mini';
import { CAMPAIGN_TIMESTAMP_FIELDS, CONTACT_FIELDS } from './fields';

// zod/mini, not classic zod: classic's methods on every schema (and its JSON Schema export) cannot
// be tree-shaken and were 60 KB of the browser's first load. Mini loads no locale: English
// messages, as classic gives, for the contract mismatches the app shows in words.
z.config(en());

/**
 * Runtime schemas for Mailstand's responses. They are tolerant where the public docs are vague
 * (any string field may be "", null, missing or a number; unknown fields are kept) and strict
 * where the app depends on a value (ids, totals).
 */

/** A text value as uploaded from a spreadsheet: numbers become strings, missing becomes null. */
const text = z.pipe(
  z.optional(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  z.transform((value: string | number | boolean | null | undefined) =>
    value === null || value === undefined ? null : String(value),
  ),
);

/** Unix seconds, or null when the event has not happened. Numeric strings are accepted. */
const unixSeconds = z.pipe(
  z.optional(z.union([z.number(), z.string(), z.null()])),
  z.transform((value: number | string | null | undefined, ctx) => {
    if (value === null || value === undefined || value === '') return null;
    const seconds = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(seconds)) {
      ctx.issues.push({
        code: 'custom',
        message: `expected Unix seconds, got ${JSON.stringify(value)}`,
        input: value,
      });
      return z.NEVER;
    }
    return seconds;
  }),
);

const count = z.pipe(
  z.pipe(z.union([z.number(), z.string()]), z.transform(Number)),
  z.int().check(z.nonnegative()),
);

const contactTextFields = Object.fromEntries(
  CONTACT_FIELDS.filter((field) => field.code !== 'email' && field.code !== 'stage').map((field) => [
    field.code,
    text,
  ]),
) as Record<Exclude<(typeof CONTACT_FIELDS)[number]['code'], 'email' | 'stage'>, typeof text>;

const campaignTimestamps = Object.fromEntries(
  CAMPAIGN_TIMESTAMP_FIELDS.map((field) => [field.code, unixSeconds]),
) as Record<(typeof CAMPAIGN_TIMESTAMP_FIELDS)[number]['code'], typeof unixSeconds>;

export const contactSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  email: text,
  stage: text,
  ...contactTextFields,
  created: unixSeconds,
  ...campaignTimestamps,
});
export type Contact = z.output<typeof contactSchema>;

type ContactTextCode = (typeof CONTACT_FIELDS)[number]['code'];
type ContactTimeCode = (typeof CAMPAIGN_TIMESTAMP_FIELDS)[number]['code'] | 'created';
const CONTACT_TEXT_CODES: readonly ContactTextCode[] = CONTACT_FIELDS.map((field) => field.code);
const CONTACT_TIME_CODES: readonly ContactTimeCode[] = [
  'created',
  ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code),
];

/**
 * A row of GET /contacts, read to exactly what contactSchema gives, in place. A page holds 2000
 * records of 60 fields: a schema per field (union, optional, transform) cost about 130 ms of the
 * browser's main thread per page (zod cannot compile its parsers under our CSP), and copying each
 * record into a new object (zod's looseObject, then spreads) another 100 ms plus the garbage
 * collection after it. So the record JSON.parse made is checked and normalised where it is (a
 * number or a missing field becomes what contactSchema gives) and becomes the row itself: parse
 * only freshly parsed JSON with this. contactSchema stays the readable definition, and the tests
 * hold the two equal.
 */
const contactRowSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): Contact => {
    const report = (path: string[], message: string) =>
      ctx.issues.push({ code: 'custom', path, message, input: value });
    if (isContactRecord(value, report)) return value;
    return z.NEVER;
  }),
);

/** A JSON object (not null, not an array): what a record from an untrusted source must be first. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Normalises a record in place to the Contact shape; false, with each problem reported, when it cannot be. */
function isContactRecord(
  value: unknown,
  report: (path: string[], message: string) => void,
): value is Contact {
  if (!isRecord(value)) {
    report([], 'expected a contact record');
    return false;
  }
  let valid = true;
  const fail = (code: string, message: string) => {
    report([code], message);
    valid = false;
  };
  if (typeof value.id !== 'string' || value.id === '') fail('id', 'expected string: a non-empty contact id');
  for (const code of CONTACT_TEXT_CODES) {
    const field = value[code];
    if (typeof field === 'string' || field === null) continue;
    if (field === undefined) value[code] = null;
    else if (typeof field === 'number' || typeof field === 'boolean') value[code] = String(field);
    else fail(code, 'expected text, a number or null');
  }
  for (const code of CONTACT_TIME_CODES) {
    const field = value[code];
    if (field === null || (typeof field === 'number' && Number.isFinite(field))) continue;
    if (field === undefined || field === '') {
      value[code] = null;
      continue;
    }
    const seconds = typeof field === 'string' ? Number(field) : NaN;
    if (Number.isFinite(seconds)) value[code] = seconds;
    else fail(code, `expected Unix seconds, got ${JSON.stringify(field)}`);
  }
  return valid;
}

export const contactsPageSchema = z.looseObject({
  status: z.optional(z.string()),
  headers: z.optional(z.array(z.string())),
  data: z.array(contactRowSchema),
  total_found: count,
  current_page: count,
  total_pages: count,
});
export type ContactsPage = z.output<typeof contactsPageSchema>;

export const contactCampaignSchema = z.looseObject({
  campaign: z.string(),
  stage: text,
  stage_name: text,
  sending_mailbox: text,
  ...campaignTimestamps,
});
export type ContactCampaign = z.output<typeof contactCampaignSchema>;

// The shape spread, not z.extend: extend brings zod's schema-cloning helpers into the browser's
// first load (0.3 KB gzip) for this one schema.
export const contactDetailSchema = z.looseObject({
  ...contactSchema.shape,
  workspace: text,
  status: text,
  source: text,
  campaigns: z._default(z.array(contactCampaignSchema), []),
});
export type ContactDetail = z.output<typeof contactDetailSchema>;

export const workspaceSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  // Mailstand's own example carries "#ABCERF": keep it as text, validate where it is used.
  color: text,
  campaign_count: z.optional(count),
});
export type Workspace = z.output<typeof workspaceSchema>;

export const workspacesResponseSchema = z.looseObject({
  status: z.optional(z.string()),
  data: z.array(workspaceSchema),
});

export const campaignSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  status: text,
  name: z.string(),
  steps: z.optional(count),
  contacts: z.optional(count),
  opens: z.optional(z.number()),
  replies: z.optional(z.number()),
  bounces: z.optional(z.number()),
  last_activity: text,
  created: unixSeconds,
});
export type Campaign = z.output<typeof campaignSchema>;

export const campaignsResponseSchema = z.looseObject({
  status: z.optional(z.string()),
  headers: z.optional(z.array(z.string())),
  data: z.array(campaignSchema),
});

export const fieldSchema = z.looseObject({
  label: z.string(),
  code: z.string().check(z.minLength(1)),
  searchable: z.optional(z.array(z.string())),
});
export type WorkspaceField = z.output<typeof fieldSchema>;

export const allFieldsResponseSchema = z.looseObject({
  status: z.optional(z.string()),
  data: z.array(fieldSchema),
});

/** Mailstand's error body; its docs also speak of "an array of errors", so accept both. */
export const apiErrorBodySchema = z.object({
  statusCode: z.optional(z.int()),
  error: z.string(),
  message: z.optional(z.string()),
});
export type ApiErrorBody = z.output<typeof apiErrorBodySchema>;

export const apiErrorSchema = z.pipe(
  z.union([apiErrorBodySchema, z.array(apiErrorBodySchema).check(z.minLength(1))]),
  z.transform((value: ApiErrorBody | ApiErrorBody[]) => (Array.isArray(value) ? value : [value])),
);

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
