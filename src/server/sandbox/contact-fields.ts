import { CONTACT_FIELDS } from '../../shared/contract';
import type { ContactFieldCode } from '../../shared/contract';

/** A contact's own values: every documented field except `stage`, which depends on the campaign. */
export type ContactValueField = Exclude<ContactFieldCode, 'stage'>;

/**
 * Fields Mailstand answers in words ("47 minutes ago"): the sandbox keeps their moment (Unix
 * seconds) and puts it in words when it answers, so they read true on the day they are asked.
 */
export const HUMAN_TIME_FIELDS = ['created_at', 'last_updated', 'last_activity'] as const;
export type HumanTimeField = (typeof HUMAN_TIME_FIELDS)[number];

export function isHumanTimeField(code: string): code is HumanTimeField {
  return (HUMAN_TIME_FIELDS as readonly string[]).includes(code);
}

export type ContactFields = Record<Exclude<ContactValueField, HumanTimeField>, string | null> &
  Record<HumanTimeField, number>;

/** The contact value fields in the order GET /contacts lists them. */
export const CONTACT_VALUE_FIELDS: readonly ContactValueField[] = CONTACT_FIELDS.map(
  (field) => field.code,
).filter((code): code is ContactValueField => code !== 'stage');
