import { describe, expect, it } from 'vitest';
import { MAX_FIELD_NAMES } from '../../shared/contract';
import { projectedAnswer, takeFieldsParam } from './projection';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const read = (body: Uint8Array) => JSON.parse(new TextDecoder().decode(body)) as unknown;

describe('takeFieldsParam', () => {
  it('takes fields out of a contacts query, sorted and without repeats, and leaves the rest in order', () => {
    expect(
      takeFieldsParam('/contacts', 'workspace=space_1&fields=stage%2Cid%2Cemail%2Cstage&page=2'),
    ).toEqual({
      ok: true,
      query: 'workspace=space_1&page=2',
      fields: ['email', 'id', 'stage'],
    });
  });

  it('leaves a query without fields as it is', () => {
    expect(takeFieldsParam('/contacts', 'workspace=space_1&page=1')).toEqual({
      ok: true,
      query: 'workspace=space_1&page=1',
      fields: null,
    });
  });

  it('accepts custom fields and every documented field, campaign timestamps included', () => {
    const verdict = takeFieldsParam('/contacts', 'fields=id%2Ccustom_12%2Clast_open%2Ccreated%2Ctimezone');
    expect(verdict).toMatchObject({
      ok: true,
      fields: ['created', 'custom_12', 'id', 'last_open', 'timezone'],
    });
  });

  it.each([
    ['fields=id%2Cpassword', '"password", which no contact has'],
    ['fields=', 'an empty name'],
    ['fields', 'an empty name'],
    ['fields=id%2C%2Cemail', 'an empty name'],
    ['fields=id%2C__proto__', '"__proto__", which no contact has'],
    ['fields=id&fields=email', 'once'],
    [
      `fields=${Array.from({ length: MAX_FIELD_NAMES + 1 }, () => 'id').join('%2C')}`,
      `at most ${MAX_FIELD_NAMES}`,
    ],
  ])('refuses %s, saying why', (query, why) => {
    const verdict = takeFieldsParam('/contacts', query);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.message).toContain(why);
  });

  it('refuses fields on any call but a contacts page', () => {
    expect(takeFieldsParam('/contacts/contact_1', 'fields=id')).toEqual({
      ok: false,
      message: '"fields" applies to GET /contacts only, not to /contacts/contact_1.',
    });
  });
});

describe('projectedAnswer', () => {
  const page = {
    data: [
      { id: 'contact_1', email: 'a@example.com', stage: 'Replied', city: 'Oslo', custom_3: 'x' },
      { id: 'contact_2', email: 'b@example.com', city: null },
      'not a record',
    ],
    total_found: 3,
    current_page: 1,
    total_pages: 1,
    status: 'ok',
  };

  it('keeps only the asked fields of each record, the rest of the page as sent', () => {
    expect(read(projectedAnswer(bytes(page), ['city', 'custom_3', 'id']))).toEqual({
      ...page,
      data: [
        { id: 'contact_1', city: 'Oslo', custom_3: 'x' },
        { id: 'contact_2', city: null },
        'not a record',
      ],
    });
  });

  it('makes one copy per answer and field set', () => {
    const body = bytes(page);
    const first = projectedAnswer(body, ['id']);
    expect(projectedAnswer(body, ['id'])).toBe(first);
    expect(projectedAnswer(body, ['email', 'id'])).not.toBe(first);
    expect(projectedAnswer(bytes(page), ['id'])).not.toBe(first);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{"data": [')],
    ['a page without a list', bytes({ data: 'none', total_found: 0 })],
    ['a list', bytes([{ id: 'contact_1' }])],
  ])('relays %s as it is, for the app to report', (_what, body) => {
    expect(projectedAnswer(body, ['id'])).toBe(body);
  });
});
