import { describe, expect, it } from 'vitest';
import { CAMPAIGN_TIMESTAMP_FIELDS, CONTACT_FIELDS } from '../../../shared/contract';
import { CONTACT_COLUMNS, defaultColumnVisibility, withCustomFieldColumns } from './columns';

const campaignIds = CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code);

describe('contact columns', () => {
  it('offers every field of the contact record, each once, named by its label', () => {
    const ids = CONTACT_COLUMNS.map((column) => column.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const field of CONTACT_FIELDS) {
      const column = CONTACT_COLUMNS.find((candidate) => candidate.id === field.code);
      expect(column?.meta?.label).toBe(field.label);
    }
    expect(CONTACT_COLUMNS.map((column) => column.meta?.label)).toEqual(
      expect.arrayContaining(CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.label)),
    );
  });

  it('shows the campaign timestamps only while a campaign is selected', () => {
    const without = defaultColumnVisibility(CONTACT_COLUMNS, false);
    const withCampaign = defaultColumnVisibility(CONTACT_COLUMNS, true);
    for (const id of campaignIds) {
      expect(without[id]).toBe(false);
      expect(withCampaign[id]).toBe(true);
    }
    expect(without.email).toBe(true);
    expect(without.stage).toBe(true);
    expect(without.middle_name).toBe(false);
  });

  it('adds custom fields by their workspace label, hidden by default, and ignores non-custom codes', () => {
    const columns = withCustomFieldColumns([
      { label: 'First Name', code: 'first_name' },
      { label: 'Imgur URL', code: 'custom_1' },
    ]);
    expect(columns).toHaveLength(CONTACT_COLUMNS.length + 1);
    const custom = columns.at(-1);
    expect(custom?.id).toBe('custom_1');
    expect(custom?.meta?.label).toBe('Imgur URL');
    expect(defaultColumnVisibility(columns, true).custom_1).toBe(false);
  });
});
