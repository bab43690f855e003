import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormTally, readContactDetail, readContactsPage, type ContactsPage } from './contact-reader';
import { documentedExample } from './examples';
import { CAMPAIGN_TIMESTAMP_FIELDS, CONTACT_FIELDS } from './fields';

const TIME_CODES = ['created', ...CAMPAIGN_TIMESTAMP_FIELDS.map((field) => field.code)];
const TEXT_CODES = CONTACT_FIELDS.map((field) => field.code);

function page(rows: unknown[], envelope: Record<string, unknown> = {}): ContactsPage {
  const result = readContactsPage(
    { data: rows, total_found: rows.length, current_page: 1, total_pages: 1, ...envelope },
    new FormTally(),
  );
  if (!result.ok) throw new Error(`${result.path}: ${result.message}`);
  return result.value;
}

/** One moment, in whole seconds since 1973, written in any of the forms an API plausibly sends. */
const momentInSomeForm = fc
  .tuple(fc.integer({ min: 1e8, max: 4_102_444_800 }), fc.integer({ min: 0, max: 5 }))
  .map(([seconds, form]) => {
    const iso = new Date(seconds * 1000).toISOString();
    const written = [
      seconds,
      String(seconds),
      seconds * 1000,
      iso,
      iso.slice(0, 19).replace('T', ' '),
      `${iso.slice(0, 19)}+00:00`,
    ][form];
    return { seconds, written };
  });

/** Any JSON value, or a moment in some form: what a drifting API may put in any field. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  momentInSomeForm.map((moment) => moment.written),
);

const anyRecord = fc.dictionary(
  fc.constantFrom('id', 'stage', ...TEXT_CODES, ...TIME_CODES, 'custom_1', 'surprise'),
  anyValue,
);

describe('readContactsPage', () => {
  it('reads any record built from any forms without throwing, into the Contact shape (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyRecord, fc.jsonValue({ maxDepth: 1 })), { maxLength: 8 }), (rows) => {
        const { data } = page(structuredClone(rows));
        expect(data).toHaveLength(rows.length);
        for (const contact of data) {
          expect(typeof contact.id).toBe('string');
          for (const code of TEXT_CODES)
            expect([null, 'string']).toContain(contact[code] === null ? null : typeof contact[code]);
          for (const code of TIME_CODES)
            expect([null, 'number', 'string']).toContain(
              contact[code] === null ? null : typeof contact[code],
            );
        }
      }),
    );
  });

  it('gives the same instant for the same moment in any form, in every timestamp field (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIME_CODES),
        fc.array(momentInSomeForm, { minLength: 1, maxLength: 10 }),
        (code, moments) => {
          const { data } = page(
            moments.map((moment, index) => ({ id: `contact_${index}`, [code]: moment.written })),
          );
          expect(data.map((contact) => contact[code])).toEqual(moments.map((moment) => moment.seconds));
        },
      ),
    );
  });

  it('reads the documented example with nothing drifted', () => {
    const result = readContactsPage(documentedExample('contacts-list'), new FormTally());
    expect(result.ok && result.value.drift).toEqual([]);
  });

  it('names each drifted field with its form, count and first path', () => {
    const read = page([
      { id: 'contact_1', last_sent: 1709632800 },
      { id: 'contact_2', last_sent: '2024-03-05T10:00:00Z', zip: 19019, stage: 'Warm lead' },
      { id: 'contact_3', last_sent: '2024-03-05T10:00:00Z', full_name: ['A', 'B'], created: 'soon' },
      { last_sent: 1709632800000, custom_7: { nested: true }, surprise: 1 },
    ]);
    expect(read.drift).toEqual([
      { field: 'stage', form: 'undocumented stage', count: 1, example: 'data[1].stage' },
      { field: 'zip', form: 'number', count: 1, example: 'data[1].zip' },
      { field: 'last_sent', form: 'ISO 8601', count: 2, example: 'data[1].last_sent' },
      { field: 'full_name', form: 'array', count: 1, example: 'data[2].full_name' },
      { field: 'created', form: 'unreadable', count: 1, example: 'data[2].created' },
      { field: 'id', form: 'missing', count: 1, example: 'data[3].id' },
      { field: 'last_sent', form: 'unix milliseconds', count: 1, example: 'data[3].last_sent' },
    ]);
    expect(read.data.map((contact) => contact.last_sent)).toEqual([
      1709632800, 1709632800, 1709632800, 1709632800,
    ]);
    expect(read.data[1]?.stage).toBe('Warm lead');
    expect(read.data[2]?.full_name).toBe('["A","B"]');
    expect(read.data[2]?.created).toBe('soon');
    expect(read.data[3]).toMatchObject({ id: '', custom_7: { nested: true }, surprise: 1 });
  });

  it('reads counts sent as text, and fills page numbers left out from the request', () => {
    const rows = [{ id: 'contact_1' }];
    const result = readContactsPage({ data: rows, total_found: '4500' }, new FormTally(), {
      page: 2,
      display: 2000,
    });
    expect(result.ok && result.value).toMatchObject({ total_found: 4500, current_page: 2, total_pages: 3 });
    expect(result.ok && result.value.drift.map((drift) => `${drift.field}: ${drift.form}`)).toEqual([
      'total_found: count as text',
      'current_page: missing',
      'total_pages: missing',
    ]);
  });

  it('counts every form of every field when asked to (check-live)', () => {
    const tally = new FormTally(true);
    readContactsPage(
      {
        data: [{ id: 'c1', last_sent: 1709632800, surprise: 'x' }],
        total_found: 1,
        current_page: 1,
        total_pages: 1,
      },
      tally,
    );
    const forms = new Map(tally.all().map((entry) => [`${entry.field}: ${entry.form}`, entry]));
    expect(forms.get('last_sent: unix seconds')).toMatchObject({ count: 1, expected: true });
    expect(forms.get('email: missing')).toMatchObject({ count: 1, expected: true });
    expect(forms.get('surprise: text')).toMatchObject({ count: 1 });
  });
});

describe('readContactDetail', () => {
  it('reads the documented detail and drifted campaign timestamps the same way', () => {
    const body = documentedExample('contact-detail') as Record<string, unknown>;
    const campaigns = body.campaigns as Record<string, unknown>[];
    campaigns.push({ ...campaigns[0], last_open: '2024-03-05 10:00:00', stage_name: 7 });
    const tally = new FormTally();
    const result = readContactDetail(body, tally);
    expect(result.ok && result.value.campaigns.at(-1)).toMatchObject({
      last_open: Date.UTC(2024, 2, 5, 10) / 1000,
      stage_name: '7',
    });
    const at = `campaigns[${campaigns.length - 1}]`;
    expect(tally.drift().map((drift) => `${drift.example}: ${drift.form}`)).toEqual([
      `${at}.stage_name: number`,
      `${at}.stage_name: undocumented stage`,
      `${at}.last_open: YYYY-MM-DD HH:MM:SS`,
    ]);
  });

  it('fails only when the body is not a record', () => {
    expect(readContactDetail([], new FormTally())).toMatchObject({ ok: false });
  });
});
