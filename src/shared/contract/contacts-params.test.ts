import { describe, expect, it } from 'vitest';
import { parseFilters } from '../../features/contacts/params/filter-params';
import { routeApiRequest } from '../../server/proxy/api-route';
import { parseContactsQuery } from '../../server/sandbox/contacts-query';
import {
  MAX_DISPLAY,
  MAX_PAGE,
  MAX_SEARCH_LENGTH,
  quoteValue,
  readFlag,
  readId,
  readPage,
  readQueryParams,
} from './contacts-params';

const WORKSPACE = 'space_PO6fCH6vqL8TxdSjVhpL8i5Kp';

/** The sandbox's verdict on a GET /contacts query. */
function sandboxAccepts(query: string): boolean {
  return parseContactsQuery(new URLSearchParams(query)).ok;
}

/** Whether the app's URL parser kept the value (it drops and reports what breaks a rule). */
function urlKeeps(query: string): boolean {
  return parseFilters(query).notices.length === 0;
}

describe('one contract for request parameters', () => {
  it('reads page, ids and flags the same way everywhere', () => {
    expect(readPage(String(MAX_PAGE))).toEqual({ ok: true, value: MAX_PAGE });
    expect(readPage(String(MAX_PAGE + 1)).ok).toBe(false);
    expect(readPage('0').ok).toBe(false);
    expect(readPage('1e3').ok).toBe(false);
    expect(readId('workspace', WORKSPACE).ok).toBe(true);
    expect(readId('workspace', 'camp_PO6fCH6vqL8TxdSjVhpL8i5Kp').ok).toBe(false);
    expect(readId('contact', 'contact_a-b').ok).toBe(false);
    expect(readFlag('TRUE')).toEqual({ ok: true, value: true });
    expect(readFlag('yes').ok).toBe(false);
  });

  it('the URL keeps exactly what the sandbox accepts, at the limits and just past them', () => {
    const base = `workspace=${WORKSPACE}&display=${MAX_DISPLAY}`;
    const cases = [
      `${base}&page=${MAX_PAGE}`,
      `${base}&page=${MAX_PAGE + 1}`,
      `${base}&page=1&stage=Replied`,
      `${base}&page=1&stage=replied`,
      `${base}&page=1&has_opened=True`,
      `${base}&page=1&has_opened=yes`,
      `${base}&page=1&search=${'a'.repeat(MAX_SEARCH_LENGTH)}`,
      `${base}&page=1&search=${'a'.repeat(MAX_SEARCH_LENGTH + 1)}`,
    ];
    for (const query of cases) expect(urlKeeps(query), query).toBe(sandboxAccepts(query));
  });

  it('the proxy forwards the ids the URL keeps, and refuses the others', () => {
    for (const id of ['contact_Y3jj1234567890abcdefghijk', 'contact_a-b', 'contact_' + 'x'.repeat(65)]) {
      const forwarded = routeApiRequest({ method: 'GET', rawTarget: `/api/contacts/${id}`, hasBody: false });
      expect(forwarded.kind === 'forward', id).toBe(urlKeeps(`contact=${id}`));
    }
  });

  it('quotes a value short, with control characters escaped', () => {
    expect(quoteValue('a\nb')).toBe('"a\\nb"');
    expect(quoteValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quoteValue(null)).toBe('""');
  });

  it('reads an app URL: first value wins, and what was left unused is named', () => {
    const kept: string[] = [];
    const notices = readQueryParams(
      '?sort=name&a=1&sort=-name&status=&b=2&c=3&d=4&sort=x',
      ['sort', 'status'],
      (name, value) => kept.push(`${name}=${value}`),
    );
    expect(kept).toEqual(['sort=name']);
    expect(notices).toEqual([
      'Ignored status: it was empty.',
      'Used the first of 3 values given for sort.',
      'Ignored 4 unknown parameters ("a", "b", "c", and 1 more).',
    ]);
  });
});
