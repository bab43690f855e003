import { en } from 'zod/locales';
import { z } from 'zod/mini';
import {
  FormTally,
  isRecord,
  readContact,
  readContactDetail,
  readContactsPage,
  type Contact,
  type PageRequest,
  type ReadResult,
} from './contact-reader';
import { asText, readCount, readTimestamp, type Timestamp } from './value-forms';

// zod/mini, not classic zod: classic's methods on every schema (and its JSON Schema export) cannot
// be tree-shaken and were 60 KB of the browser's first load. Mini loads no locale: English
// messages, as classic gives, for the contract mismatches the app shows in words.
z.config(en());

/**
 * Runtime schemas for Mailstand's responses. They are tolerant where the public docs are vague
 * (any text field may be "", null, missing, a number or even an object; unknown fields are kept)
 * and strict where the app depends on a value (ids, names, totals). Contact records are read by
 * contact-reader.ts.
 */

/** A text value as uploaded from a spreadsheet: anything becomes inert text, missing becomes null. */
const text = z.pipe(z.optional(z.unknown()), z.transform(asText));

/** A count the app only shows: unusable is left out rather than failing the list. */
const optionalCount = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => readCount(value).value ?? undefined),
);

/** A moment in any form readTimestamp understands; what it cannot read stays as sent. */
const timestamp = z.pipe(
  z.optional(z.unknown()),
  z.transform((value): Timestamp => readTimestamp(value).value),
);

/** A reader of contact-reader.ts as a schema, for apiGet: a failure names the path that broke. */
function readerSchema<T>(read: (value: unknown, tally: FormTally) => ReadResult<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx): T => {
      const result = read(value, new FormTally());
      if (result.ok) return result.value;
      ctx.issues.push({
        code: 'custom',
        path: result.path === '' ? [] : [result.path],
        message: result.message,
        input: value,
      });
      return z.NEVER;
    }),
  );
}

/** One contact record, read as a page reads its rows (on a copy: the input is left as it was). */
export const contactSchema = readerSchema((value, tally): ReadResult<Contact> =>
  isRecord(value)
    ? { ok: true, value: readContact({ ...value }, tally, '') }
    : { ok: false, path: '', message: 'expected a contact record' },
);

/** GET /contacts; freshly parsed JSON only (rows are read in place). */
export const contactsPageSchema = readerSchema(readContactsPage);

/** GET /contacts for a known request: current_page and total_pages fall back to what was asked. */
export function contactsPageSchemaFor(request: PageRequest) {
  return readerSchema((value, tally) => readContactsPage(value, tally, request));
}

/** GET /contacts/{id}; freshly parsed JSON only. */
export const contactDetailSchema = readerSchema(readContactDetail);

export const workspaceSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  // Mailstand's own example carries "#ABCERF": keep it as text, validate where it is used.
  color: text,
  campaign_count: optionalCount,
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
  steps: optionalCount,
  contacts: optionalCount,
  last_activity: text,
  created: timestamp,
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
