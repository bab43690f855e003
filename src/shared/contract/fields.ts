/**
 * Every field of a Mailstand contact record, in the order the API lists its headers, with the
 * label a person calls it. Custom fields (`custom_N`) are named only by GET /workspaces/{id}/all-fields.
 */
export const CONTACT_FIELDS = [
  { code: 'active', label: 'Active' },
  { code: 'email', label: 'Email Address' },
  { code: 'stage', label: 'Stage' },
  { code: 'full_name', label: 'Full Name' },
  { code: 'first_name', label: 'First Name' },
  { code: 'middle_name', label: 'Middle Name' },
  { code: 'last_name', label: 'Last Name' },
  { code: 'nickname', label: 'Nickname' },
  { code: 'title', label: 'Title' },
  { code: 'mobile_phone', label: 'Mobile Phone' },
  { code: 'work_phone', label: 'Work Phone' },
  { code: 'home_phone', label: 'Home Phone' },
  { code: 'voip_phone', label: 'VoIP Phone' },
  { code: 'other_phone', label: 'Other Phone' },
  { code: 'lead_score', label: 'Lead Score' },
  { code: 'company_name', label: 'Company Name' },
  { code: 'company_formal_name', label: 'Company Formal Name' },
  { code: 'company_industry', label: 'Company Industry' },
  { code: 'address_1', label: 'Address 1' },
  { code: 'address_2', label: 'Address 2' },
  { code: 'city', label: 'City' },
  { code: 'state', label: 'State' },
  { code: 'zip', label: 'Zip' },
  { code: 'country', label: 'Country' },
  { code: 'region', label: 'Region' },
  { code: 'timezone', label: 'Timezone' },
  { code: 'gender', label: 'Gender' },
  { code: 'occupation', label: 'Occupation' },
  { code: 'linkedin', label: 'LinkedIn' },
  { code: 'twitter', label: 'Twitter' },
  { code: 'stack_overflow', label: 'Stack Overflow' },
  { code: 'website_1', label: 'Website 1' },
  { code: 'website_2', label: 'Website 2' },
  { code: 'website_3', label: 'Website 3' },
  { code: 'personal_note_1', label: 'Personal Note 1' },
  { code: 'personal_note_2', label: 'Personal Note 2' },
  { code: 'personal_note_3', label: 'Personal Note 3' },
  { code: 'job_start_date', label: 'Job Start Date' },
  { code: 'school', label: 'School' },
  { code: 'graduation_date', label: 'Graduation Date' },
  { code: 'degree', label: 'Degree' },
  { code: 'locked_mailbox', label: 'Locked Mailbox' },
  { code: 'locked_mailbox_id', label: 'Locked Mailbox ID' },
  { code: 'locked_mailbox_color', label: 'Locked Mailbox Color' },
  { code: 'created_at', label: 'Created At' },
  { code: 'last_updated', label: 'Last Updated' },
  { code: 'last_activity', label: 'Last Activity' },
] as const;

export type ContactFieldCode = (typeof CONTACT_FIELDS)[number]['code'];

/** The per-campaign event timestamps that GET /contacts adds when filtered by campaign. */
export const CAMPAIGN_TIMESTAMP_FIELDS = [
  { code: 'last_sent', label: 'Last sent' },
  { code: 'last_open', label: 'Last open' },
  { code: 'last_click', label: 'Last click' },
  { code: 'last_reply', label: 'Last reply' },
  { code: 'last_unsubscribe', label: 'Last unsubscribe' },
  { code: 'last_bounce', label: 'Last bounce' },
] as const;

export type CampaignTimestampField = (typeof CAMPAIGN_TIMESTAMP_FIELDS)[number]['code'];

export const CUSTOM_FIELD_PATTERN = /^custom_\d+$/;
