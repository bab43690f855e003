import { CUSTOM_FIELD_PATTERN } from '../../shared/contract';

/**
 * The `searchable` terms GET /workspaces/{id}/all-fields gives each field: lower-case words without
 * spaces or punctuation that a spreadsheet column might be called, as in Mailstand's example
 * (first_name: ["firstname", "first"]; email: ["email", "emailaddress"]; custom_1 "Imgur URL":
 * ["imgururl"]). Custom fields are known by their label only.
 */
const ALIASES: Record<string, readonly string[]> = {
  first_name: ['first'],
  last_name: ['last', 'surname'],
  full_name: ['name'],
  company_name: ['company'],
  title: ['jobtitle'],
  mobile_phone: ['mobile', 'cell'],
  work_phone: ['phone'],
  zip: ['zipcode', 'postalcode'],
};

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function fieldSearchTerms(field: { code: string; label: string }): string[] {
  const terms = CUSTOM_FIELD_PATTERN.test(field.code)
    ? [squash(field.label)]
    : [squash(field.code), squash(field.label), ...(ALIASES[field.code] ?? [])];
  return [...new Set(terms)].filter((term) => term !== '');
}
