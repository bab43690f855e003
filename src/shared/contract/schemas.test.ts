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

  it('fails a page only for a broken envelope, naming the part', () => {
    const page = (envelope: Record<string, unknown>) =>
      contactsPageSchema.safeParse({ data: [{ id: 'contact_1' }], total_found: 1, ...envelope });
    expect(page({ data: { id: 'contact_1' } }).error?.issues[0]?.path).toEqual(['data']);
    expect(page({ total_found: undefined }).error?.issues[0]?.path).toEqual(['total_found']);
    expect(page({ total_found: -1 }).error?.issues[0]?.path).toEqual(['total_found']);
    expect(page({ total_found: '12' }).data?.total_found).toBe(12);
    expect(contactsPageSchema.safeParse([]).success).toBe(false);
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

  it('read every row, whatever its values, as contactSchema does', () => {
    const odd = [
      { id: 'contact_1', full_name: { first: 'A' } },
      { id: 'contact_2', last_open: 'yesterday' },
      { id: 'contact_3', created: true },
      { email: 'a@b.example' },
    ];
    const page = contactsPageSchema.parse(pageOf(structuredClone(odd)));
    expect(page.data).toEqual(odd.map((record) => contactSchema.parse(record)));
    expect(
      page.data.map((contact) => [contact.id, contact.full_name, contact.last_open, contact.created]),
    ).toEqual([
      ['contact_1', '{"first":"A"}', null, null],
      ['contact_2', null, 'yesterday', null],
      ['contact_3', null, null, 'true'],
      ['', null, null, null],
    ]);
  });

  it('show a row that is not a record as an empty row without an id', () => {
    const page = contactsPageSchema.parse(pageOf([{ id: 'contact_0' }, null, 'contact_1', []]));
    expect(page.data.map((contact) => contact.id)).toEqual(['contact_0', '', '', '']);
    expect(page.drift.map((drift) => [drift.field, drift.form, drift.count])).toEqual([
      ['(record)', 'null', 1],
      ['(record)', 'text', 1],
      ['(record)', 'array', 1],
    ]);
  });
});
