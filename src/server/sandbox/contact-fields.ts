import { CONTACT_FIELDS } from '../../shared/contract';
import type { ContactFieldCode } from '../../shared/contract';

/** A contact's own values: every documented field except `stage`, which depends on the campaign. */
export type ContactValueField = Exclude<ContactFieldCode, 'stage'>;
export type ContactFields = Record<ContactValueField, string | null>;

/** The contact value fields in the order GET /contacts lists them. */
export const CONTACT_VALUE_FIELDS: readonly ContactValueField[] = CONTACT_FIELDS.map(
  (field) => field.code,
).filter((code): code is ContactValueField => code !== 'stage');
