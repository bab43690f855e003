import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  contactsPageReaderFor,
  describeReadFailure,
  readAnswer,
  readCampaignsAnswer,
  readContactAnswer,
  readContactDetailAnswer,
  readContactsPageAnswer,
  readErrorAnswer,
  readFieldsAnswer,
  readSessionAnswer,
  readWorkspacesAnswer,
} from './answer-readers';
import { fieldsAskedOf } from './contact-reader';
import { documentedExample as example } from './examples';

describe("Mailstand's documented examples", () => {
  it('parses the contacts list, keeping lead_score as text and null timestamps as null', () => {
    const page = readAnswer(readContactsPageAnswer, example('contacts-list'));
    expect(page.total_found).toBe(14);
    expect(page.data[0]?.lead_score).toBe('75');
    expect(page.data[0]?.email).toBe('');
    expect(page.data[0]?.website_3).toBeNull();
    expect(page.data[0]?.last_open).toBeNull();
    expect(page.data[0]?.created).toBe(1654714807);
  });

  it('parses the contact detail with its campaigns', () => {
    const contact = readAnswer(readContactDetailAnswer, example('contact-detail'));
    expect(contact.campaigns[0]?.stage_name).toBe('Reviewing');
    expect(contact.custom_1).toBe('First custom field');
  });

  it('parses workspaces, campaigns, all-fields and the error body', () => {
    const workspaces = readAnswer(readWorkspacesAnswer, example('workspaces-list'));
    expect(workspaces.data.map((w) => w.color)).toContain('#ABCERF');
    expect(readAnswer(readCampaignsAnswer, example('campaigns-list')).data).toHaveLength(3);
    expect(readAnswer(readFieldsAnswer, example('all-fields')).data[2]?.label).toBe('Imgur URL');
    expect(readAnswer(readErrorAnswer, example('error'))[0]?.error).toBe('Missing Fields');
  });
});

describe('tolerance', () => {
  it('keeps unknown fields and turns numbers into text', () => {
    const page = readAnswer(readContactsPageAnswer, {
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
      readContactsPageAnswer({ data: [{ id: 'contact_1' }], total_found: 1, ...envelope });
    expect(page({ data: { id: 'contact_1' } })).toMatchObject({ ok: false, path: 'data' });
    expect(page({ total_found: undefined })).toMatchObject({ ok: false, path: 'total_found' });
    expect(page({ total_found: -1 })).toMatchObject({ ok: false, path: 'total_found' });
    expect(page({ total_found: '12' })).toMatchObject({ ok: true, value: { total_found: 12 } });
    expect(readContactsPageAnswer([]).ok).toBe(false);
  });

  it('accepts an array of errors', () => {
    expect(
      readAnswer(readErrorAnswer, [{ statusCode: 400, error: 'Missing Fields', message: 'm' }]),
    ).toHaveLength(1);
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

  it('parse to exactly what readContactAnswer gives for the same record', () => {
    // Rows are read in place, so the page gets its own copy of the records.
    const page = readAnswer(readContactsPageAnswer, pageOf(structuredClone(records)));
    expect(page.data).toEqual(records.map((record) => readAnswer(readContactAnswer, record)));
  });

  it('read every row, whatever its values, as readContactAnswer does', () => {
    const odd = [
      { id: 'contact_1', full_name: { first: 'A' } },
      { id: 'contact_2', last_open: 'yesterday' },
      { id: 'contact_3', created: true },
      { email: 'a@b.example' },
    ];
    const page = readAnswer(readContactsPageAnswer, pageOf(structuredClone(odd)));
    expect(page.data).toEqual(odd.map((record) => readAnswer(readContactAnswer, record)));
    expect(
      page.data.map((contact) => [contact.id, contact.full_name, contact.last_open, contact.created]),
    ).toEqual([
      ['contact_1', '{"first":"A"}', null, null],
      ['contact_2', null, 'yesterday', null],
      ['contact_3', null, null, 'true'],
      ['', null, null, null],
    ]);
  });

  it('of a page cut to a list of fields read the left-out fields as null without adding them', () => {
    const cut = [{ id: 'contact_1', email: 'a@b.example', stage: 'Replied' }];
    const read = contactsPageReaderFor({ page: 1, display: 2000, fields: 'email,id,stage' });
    const [row] = readAnswer(read, pageOf(structuredClone(cut))).data;
    expect(fieldsAskedOf(row ?? {})).toEqual(new Set(['email', 'id', 'stage']));
    expect([row?.email, row?.stage, row?.zip, row?.company_name, row?.last_open]).toEqual([
      'a@b.example',
      'Replied',
      null,
      null,
      null,
    ]);
    expect(Object.keys(row ?? {})).toEqual(['id', 'email', 'stage']);
    // The fields it was cut to are read as any page's are.
    const drifted = readAnswer(
      contactsPageReaderFor({ page: 1, display: 2000, fields: 'email,id,zip' }),
      pageOf([{ id: 'contact_2', email: 'c@d.example', zip: 12345 }]),
    );
    expect(drifted.data[0]?.zip).toBe('12345');
    expect(drifted.drift.map((drift) => [drift.field, drift.form])).toEqual([['zip', 'number']]);
    // A whole record's missing field is still written in, as before.
    const [whole] = readAnswer(readContactsPageAnswer, pageOf(structuredClone(cut))).data;
    expect(Object.hasOwn(whole ?? {}, 'zip')).toBe(true);
    expect(fieldsAskedOf(whole ?? {})).toBeNull();
  });

  it('show a row that is not a record as an empty row without an id', () => {
    const page = readAnswer(readContactsPageAnswer, pageOf([{ id: 'contact_0' }, null, 'contact_1', []]));
    expect(page.data.map((contact) => contact.id)).toEqual(['contact_0', '', '', '']);
    expect(page.drift.map((drift) => [drift.field, drift.form, drift.count])).toEqual([
      ['(record)', 'null', 1],
      ['(record)', 'text', 1],
      ['(record)', 'array', 1],
    ]);
  });
});

describe('list answers', () => {
  it('keep unknown fields, read counts and text tolerantly, and leave the input as it was', () => {
    const body = {
      data: [{ id: 'space_1', name: 'Acme', color: 7, campaign_count: 'lots', owner: 'x' }],
      next: 'kept',
    };
    const before = structuredClone(body);
    const answer = readAnswer(readWorkspacesAnswer, body);
    expect(answer.data[0]).toEqual({
      id: 'space_1',
      name: 'Acme',
      color: '7',
      campaign_count: undefined,
      owner: 'x',
    });
    expect(answer).toMatchObject({ next: 'kept' });
    expect(body).toEqual(before);
  });

  it('read a campaign whose dates and counts drifted, as the grid shows them', () => {
    const [campaign] = readAnswer(readCampaignsAnswer, {
      headers: ['Name'],
      data: [{ id: 'camp_1', name: 'Spring', steps: '3', contacts: null, created: '1654714807', status: 5 }],
    }).data;
    expect(campaign).toMatchObject({ steps: 3, contacts: undefined, created: 1654714807, status: '5' });
    expect(campaign?.last_activity).toBeNull();
  });

  it.each([
    ['a body that is not an object', readWorkspacesAnswer, [], '', 'expected an object with data, got array'],
    ['no data list', readWorkspacesAnswer, { data: {} }, 'data', 'expected a list, got object'],
    [
      'a status that is not text',
      readFieldsAnswer,
      { status: 1, data: [] },
      'status',
      'expected text, got number',
    ],
    [
      'an item that is not a record',
      readCampaignsAnswer,
      { data: [null] },
      'data[0]',
      'expected a record, got null',
    ],
    [
      'a workspace without an id',
      readWorkspacesAnswer,
      { data: [{ name: 'A' }] },
      'data[0].id',
      'expected text, got missing',
    ],
    [
      'an empty campaign id',
      readCampaignsAnswer,
      { data: [{ id: '', name: 'A' }] },
      'data[0].id',
      'expected text, got an empty one',
    ],
    [
      'a name that is a number',
      readCampaignsAnswer,
      { data: [{ id: 'c', name: 3 }] },
      'data[0].name',
      'expected text, got number',
    ],
    [
      'campaign headers that are not text',
      readCampaignsAnswer,
      { headers: [1], data: [] },
      'headers[0]',
      'expected text, got number',
    ],
    [
      'a field without a code',
      readFieldsAnswer,
      { data: [{ label: 'A' }] },
      'data[0].code',
      'expected text, got missing',
    ],
    [
      'searchable operators that are not text',
      readFieldsAnswer,
      { data: [{ label: 'A', code: 'a', searchable: [true] }] },
      'data[0].searchable[0]',
      'expected text, got boolean',
    ],
  ] as const)('fail for %s, naming where', (_name, read, body, path, message) => {
    expect(read(body)).toEqual({ ok: false, path, message });
  });
});

describe('error answers', () => {
  it('read one body or a list, keeping only what the app uses', () => {
    expect(readAnswer(readErrorAnswer, { statusCode: 429, error: 'Rate Limited', extra: 1 })).toEqual([
      { statusCode: 429, error: 'Rate Limited' },
    ]);
    expect(readAnswer(readErrorAnswer, [{ error: 'A', message: 'm' }, { error: 'B' }])).toEqual([
      { error: 'A', message: 'm' },
      { error: 'B' },
    ]);
  });

  it.each([
    ['an empty list', [], '', 'expected at least one error'],
    ['no label', { message: 'm' }, 'error', 'expected text, got missing'],
    [
      'a status that is not a whole number',
      { error: 'E', statusCode: 4.5 },
      'statusCode',
      'expected a whole number, got number',
    ],
    ['a message that is not text', [{ error: 'E', message: {} }], '[0].message', 'expected text, got object'],
    ['HTML text', '<p>Bad gateway</p>', '', 'expected an error body, got text'],
  ])('refuse %s', (_name, body, path, message) => {
    expect(readErrorAnswer(body)).toEqual({ ok: false, path, message });
  });
});

describe('the session answer', () => {
  it('reads who is signed in and refuses anything else', () => {
    expect(readAnswer(readSessionAnswer, { user: 'ana', canSignOut: true })).toEqual({
      user: 'ana',
      canSignOut: true,
    });
    expect(readAnswer(readSessionAnswer, { user: null, canSignOut: false, more: 1 })).toEqual({
      user: null,
      canSignOut: false,
    });
    expect(readSessionAnswer({ user: 5, canSignOut: true })).toMatchObject({ ok: false, path: 'user' });
    expect(readSessionAnswer({ user: 'ana' })).toMatchObject({ ok: false, path: 'canSignOut' });
    expect(readSessionAnswer(null)).toMatchObject({ ok: false, path: '' });
  });
});

describe('describeReadFailure', () => {
  it('names the path, or the whole body', () => {
    expect(describeReadFailure({ path: 'data[3].id', message: 'expected text' })).toBe(
      'data[3].id: expected text',
    );
    expect(describeReadFailure({ path: '', message: 'expected a list' })).toBe(
      '(the whole body): expected a list',
    );
    expect(() => readAnswer(readWorkspacesAnswer, null)).toThrow(
      'Unexpected answer: (the whole body): expected an object with data, got null',
    );
  });
});
