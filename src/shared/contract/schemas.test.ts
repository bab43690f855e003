import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  allFieldsResponseSchema,
  apiErrorSchema,
  campaignsResponseSchema,
  contactDetailSchema,
  contactSchema,
  contactsPageSchema,
  workspacesResponseSchema,
} from './schemas';
import { documentedExample as example } from './examples';

describe("Mailstand's documented examples", () => {
  it('parses the contacts list, keeping lead_score as text and null timestamps as null', () => {
    const page = contactsPageSchema.parse(example('contacts-list'));
    expect(page.total_found).toBe(14);
    expect(page.data[0]?.lead_score).toBe('75');
    expect(page.data[0]?.email).toBe('');
    expect(page.data[0]?.website_3).toBeNull();
    expect(page.data[0]?.last_open).toBeNull();
    expect(page.data[0]?.created).toBe(1654714807);
  });

  it('parses the contact detail with its campaigns', () => {
    const contact = contactDetailSchema.parse(example('contact-detail'));
    expect(contact.campaigns[0]?.stage_name).toBe('Reviewing');
    expect(contact.custom_1).toBe('First custom field');
  });

  it('parses workspaces, campaigns, all-fields and the error body', () => {
    const workspaces = workspacesResponseSchema.parse(example('workspaces-list'));
    expect(workspaces.data.map((w) => w.color)).toContain('#ABCERF');
    expect(campaignsResponseSchema.parse(example('campaigns-list')).data).toHaveLength(3);
    expect(allFieldsResponseSchema.parse(example('all-fields')).data[2]?.label).toBe('Imgur URL');
    expect(apiErrorSchema.parse(example('error'))[0]?.error).toBe('Missing Fields');
  });
});

describe('tolerance', () => {
  it('keeps unknown fields and turns numbers into text', () => {
    const page = contactsPageSchema.parse({
      data: [{ id: 'contact_1', email: 'a@b.example', zip: 19019, lead_score: 75, custom_9: 'x' }],
      total_found: '1',
      current_page: 1,
      total_pages: 1,
    });
    expect(page.data[0]?.zip).toBe('19019');
    expect(page.data[0]?.lead_score).toBe('75');
    expect(page.data[0]?.custom_9).toBe('x');
  });

  it('names the field that breaks the contract', () => {
    const result = contactsPageSchema.safeParse({
      data: [{ email: 'x' }],
      total_found: 1,
      current_page: 1,
      total_pages: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['data', 0, 'id']);
  });

  it('accepts an array of errors', () => {
    expect(apiErrorSchema.parse([{ statusCode: 400, error: 'Missing Fields', message: 'm' }])).toHaveLength(
      1,
    );
  });
});

describe('page rows', () => {
  const pageOf = (rows: unknown[]) => ({
    data: rows,
    total_found: rows.length,
    current_page: 1,
    total_pages: 1,
  });
  const records: Record<string, unknown>[] = [
    { id: 'contact_1' },
    { id: 'contact_2', email: 'a@b.example', zip: 19019, active: true, lead_score: '', extra: { kept: 1 } },
    { id: 'contact_3', created: '1654714807', last_open: '', last_reply: null, custom_1: 5 },
    ...z.object({ data: z.array(z.record(z.string(), z.unknown())) }).parse(example('contacts-list')).data,
  ];

  it('parse to exactly what contactSchema gives for the same record', () => {
    // Rows are read in place, so the page gets its own copy of the records.
    const page = contactsPageSchema.parse(pageOf(structuredClone(records)));
    expect(page.data).toEqual(records.map((record) => contactSchema.parse(record)));
  });

  it('name the field of the row that breaks the contract, as contactSchema does', () => {
    for (const bad of [{ full_name: { first: 'A' } }, { last_open: 'yesterday' }, { created: true }]) {
      const record = { id: 'contact_1', ...bad };
      const field = Object.keys(bad)[0];
      expect(contactSchema.safeParse(record).success).toBe(false);
      const result = contactsPageSchema.safeParse(pageOf([{ id: 'contact_0' }, record]));
      expect(result.error?.issues[0]?.path).toEqual(['data', 1, field]);
    }
  });

  it('refuse a row that is not a record or has no id', () => {
    for (const bad of [null, 'contact_1', [], { email: 'a@b.example' }, { id: '' }]) {
      expect(contactSchema.safeParse(bad).success).toBe(false);
      expect(contactsPageSchema.safeParse(pageOf([{ id: 'contact_0' }, bad])).error?.issues[0]?.path).toEqual(
        expect.arrayContaining(['data', 1]),
      );
    }
  });
});
