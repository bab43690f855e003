import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_FILTERS, MAX_PAGE, MAX_SEARCH_LENGTH, STAGES } from '../../../shared/contract';
import {
  DEFAULT_FILTERS,
  DISPLAY_SIZES,
  activeFilterChips,
  applyFilterPatch,
  clearedFilters,
  parseFilters,
  writeFilters,
} from './filter-params';
import type { ContactFilters } from './filter-params';

const NUM_RUNS = 2000;
const WORKSPACE = 'space_PO6fCH6vqL8TxdSjVhpL8i5Kp';
const CAMPAIGN = 'camp_a0lZ6vQ5BDa0ezgfnExUo9v7s';

/** Not a C0/C1 control character or DEL, and not half of a surrogate pair. */
function isCleanChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code > 0x1f && (code < 0x7f || code > 0x9f) && (code < 0xd800 || code > 0xdfff);
}

/**
 * What a valid state is, written independently of the parser: the property tests check the
 * parser against this, not against itself.
 */
function isValidState(filters: ContactFilters): boolean {
  const id = (prefix: string, value: string | null) =>
    value === null || new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`).test(value);
  const search = filters.search;
  return (
    Object.keys(filters).sort().join() === Object.keys(DEFAULT_FILTERS).sort().join() &&
    id('space', filters.workspace) &&
    id('camp', filters.campaign) &&
    id('contact', filters.contact) &&
    (filters.stage === null || STAGES.includes(filters.stage)) &&
    typeof search === 'string' &&
    [...search].length <= MAX_SEARCH_LENGTH &&
    [...search].every(isCleanChar) &&
    ENGAGEMENT_FILTERS.every((key) => typeof filters[key] === 'boolean') &&
    Number.isSafeInteger(filters.page) &&
    filters.page >= 1 &&
    filters.page <= MAX_PAGE &&
    DISPLAY_SIZES.includes(filters.display)
  );
}

const idChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const anId = (prefix: string) =>
  fc.string({ unit: idChars, minLength: 1, maxLength: 64 }).map((rest) => `${prefix}_${rest}`);

/** One code point that a search may hold, biased towards what URLs treat specially. */
const searchUnit = fc.oneof(
  fc.constantFrom(
    '&',
    '=',
    '+',
    '%',
    ' ',
    '#',
    '?',
    '/',
    '%20',
    '%2B',
    '"',
    "'",
    '<',
    '>',
    '\\',
    'é',
    '😀',
    'ß',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter(isCleanChar),
);

const validState: fc.Arbitrary<ContactFilters> = fc.record({
  workspace: fc.option(anId('space'), { nil: null }),
  campaign: fc.option(anId('camp'), { nil: null }),
  stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
  search: fc
    .string({ unit: searchUnit, maxLength: MAX_SEARCH_LENGTH })
    .filter((s) => [...s].length <= MAX_SEARCH_LENGTH),
  has_opened: fc.boolean(),
  has_clicked: fc.boolean(),
  has_replied: fc.boolean(),
  has_bounced: fc.boolean(),
  page: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: MAX_PAGE })),
  display: fc.constantFrom(...DISPLAY_SIZES),
  contact: fc.option(anId('contact'), { nil: null }),
});

const PARAM_NAMES = [
  'workspace',
  'campaign',
  'stage',
  'search',
  'has_opened',
  'has_clicked',
  'has_replied',
  'has_bounced',
  'page',
  'display',
  'contact',
];

/** Query strings built to hurt: known keys with hostile values, broken escapes, repeats, huge values. */
const adversarialQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...PARAM_NAMES),
        fc.constantFrom('', '%00', 'Stage', 'page[]', '__proto__'),
        fc.string(),
      ),
      fc.oneof(
        fc.constantFrom(
          '',
          'Bogus',
          'Do+Not+Contact',
          'Do%20Not%20Contact',
          '-3',
          '0',
          'abc',
          '1e3',
          '99999',
          '99999999999999999999',
          '1.5',
          ' 2',
          '0x10',
          'true',
          'TRUE',
          'false',
          'maybe',
          '%00',
          '%',
          '%zz',
          '%E0%A4',
          '%F0%9F%98',
          '%ED%A0%80',
          '%C0%80',
          '%0A%0D',
          'space_ok123',
          'camp_ok123',
          'contact_ok123',
          'space_<script>',
          'space_' + 'a'.repeat(100),
          '\u0000',
          '\uD800',
          'a'.repeat(5000),
        ),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary-ascii' }),
      ),
    ),
    { maxLength: 30 },
  )
  .chain((pairs) =>
    fc
      .constantFrom('&', '&&', ';', '&amp;')
      .chain((separator) =>
        fc
          .constantFrom('', '?', '??', '#')
          .map((prefix) => prefix + pairs.map(([key, value]) => `${key}=${value}`).join(separator)),
      ),
  );

describe('parseFilters / writeFilters properties', () => {
  it('reads back exactly what it wrote, without notices, for any valid state', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const { filters, notices } = parseFilters(writeFilters(state));
        expect(filters).toEqual(state);
        expect(notices).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  const anyQuery = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) }),
    adversarialQuery,
  );

  it('turns any string into a valid state, and writing that state is a fixed point', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const { filters } = parseFilters(query);
        expect(isValidState(filters)).toBe(true);
        const written = writeFilters(filters);
        const again = parseFilters(written);
        expect(again.filters).toEqual(filters);
        expect(again.notices).toEqual([]);
        expect(writeFilters(again.filters)).toBe(written);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps notices few and short, however hostile the query', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const { notices } = parseFilters(query);
        // At most one problem and one repeat per param (two problems for search), plus one for unknown params.
        expect(notices.length).toBeLessThanOrEqual(2 * PARAM_NAMES.length + 2);
        for (const notice of notices) expect(notice.length).toBeLessThan(400);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('parseFilters', () => {
  it('reads a shared link with every param', () => {
    const { filters, notices } = parseFilters(
      `?workspace=${WORKSPACE}&campaign=${CAMPAIGN}&stage=Do+Not+Contact&search=john%40acme&has_opened=true&has_bounced=true&page=3&display=2000&contact=contact_abc123`,
    );
    expect(notices).toEqual([]);
    expect(filters).toEqual({
      ...DEFAULT_FILTERS,
      workspace: WORKSPACE,
      campaign: CAMPAIGN,
      stage: 'Do Not Contact',
      search: 'john@acme',
      has_opened: true,
      has_bounced: true,
      page: 3,
      display: 2000,
      contact: 'contact_abc123',
    });
  });

  it('drops an unknown stage and says so', () => {
    const { filters, notices } = parseFilters('stage=Bogus');
    expect(filters.stage).toBeNull();
    expect(notices).toEqual(['Ignored stage "Bogus": not a Mailstand stage.']);
  });

  it.each(['-3', '0', 'abc', '1.5', '1000000000000', ' 2'])('falls back to page 1 for page=%s', (page) => {
    const { filters, notices } = parseFilters(`page=${encodeURIComponent(page)}`);
    expect(filters.page).toBe(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('showing page 1');
  });

  it('clamps rows per page to the nearest allowed size, naming it', () => {
    expect(parseFilters('display=99999')).toEqual({
      filters: { ...DEFAULT_FILTERS, display: 2000 },
      notices: ['Rows per page "99999" is not allowed (at most 2000); showing 2000.'],
    });
    expect(parseFilters('display=30').filters.display).toBe(25);
    expect(parseFilters('display=400').filters.display).toBe(500);
    expect(parseFilters('display=abc')).toEqual({
      filters: DEFAULT_FILTERS,
      notices: ['Ignored rows per page "abc": not a positive number; showing 100.'],
    });
  });

  it('accepts only true for the engagement flags; false is the default said aloud', () => {
    expect(parseFilters('has_opened=maybe')).toEqual({
      filters: DEFAULT_FILTERS,
      notices: ['Ignored has_opened "maybe": expected true.'],
    });
    expect(parseFilters('has_replied=false')).toEqual({ filters: DEFAULT_FILTERS, notices: [] });
    expect(parseFilters('has_clicked=true').filters.has_clicked).toBe(true);
  });

  it('takes the first of repeated keys', () => {
    const { filters, notices } = parseFilters('stage=Replied&stage=Interested&stage=Nurture');
    expect(filters.stage).toBe('Replied');
    expect(notices).toEqual(['Used the first of 3 values given for stage.']);
  });

  it('drops empty values', () => {
    const { filters, notices } = parseFilters('workspace=&search=');
    expect(filters).toEqual(DEFAULT_FILTERS);
    expect(notices).toEqual(['Ignored workspace: it was empty.', 'Ignored search: it was empty.']);
  });

  it('refuses ids that are not Mailstand ids, escaping what it shows', () => {
    const { filters, notices } = parseFilters(
      'workspace=space_%3Cscript%3E&campaign=camp_%00&contact=../etc',
    );
    expect(filters.workspace).toBeNull();
    expect(filters.campaign).toBeNull();
    expect(filters.contact).toBeNull();
    expect(notices).toEqual([
      'Ignored workspace "space_<script>": not a Mailstand workspace id.',
      'Ignored campaign "camp_\\u0000": not a Mailstand campaign id.',
      'Ignored contact "../etc": not a Mailstand contact id.',
    ]);
  });

  it('removes control characters from a search and caps its length', () => {
    expect(parseFilters('search=a%00b%0Ac%7F')).toEqual({
      filters: { ...DEFAULT_FILTERS, search: 'abc' },
      notices: ['Removed control characters from the search.'],
    });
    const long = parseFilters(`search=${'ü'.repeat(5000)}`);
    expect(long.filters.search).toBe('ü'.repeat(MAX_SEARCH_LENGTH));
    expect(long.notices).toEqual([`Shortened the search to ${MAX_SEARCH_LENGTH} characters.`]);
  });

  it('keeps a search with URL-special characters and unicode exactly', () => {
    const search = 'a&b=c+d %25 😀 ü';
    expect(parseFilters(writeFilters({ ...DEFAULT_FILTERS, search })).filters.search).toBe(search);
  });

  it('reports unknown params in one notice', () => {
    expect(parseFilters('utm_source=x').notices).toEqual(['Ignored unknown parameter "utm_source".']);
    const many = parseFilters('a=1&b=2&c=3&d=4&e=5&a=6');
    expect(many.notices).toEqual(['Ignored 5 unknown parameters ("a", "b", "c", and 2 more).']);
  });

  it('shortens huge values in notices', () => {
    const { notices } = parseFilters(`stage=${'x'.repeat(100_000)}`);
    expect(notices[0]).toBe(`Ignored stage "${'x'.repeat(40)}…": not a Mailstand stage.`);
  });
});

describe('writeFilters', () => {
  it('leaves defaults out', () => {
    expect(writeFilters(DEFAULT_FILTERS)).toBe('');
    expect(writeFilters({ ...DEFAULT_FILTERS, workspace: WORKSPACE })).toBe(`?workspace=${WORKSPACE}`);
  });

  it('writes params in a stable order with the API names', () => {
    expect(
      writeFilters({
        ...DEFAULT_FILTERS,
        contact: 'contact_x1',
        display: 500,
        page: 2,
        has_replied: true,
        stage: 'Bad Contact Info',
        workspace: WORKSPACE,
      }),
    ).toBe(
      `?workspace=${WORKSPACE}&stage=Bad+Contact+Info&has_replied=true&page=2&display=500&contact=contact_x1`,
    );
  });
});

describe('changing filters', () => {
  const onPage5: ContactFilters = { ...DEFAULT_FILTERS, workspace: WORKSPACE, campaign: CAMPAIGN, page: 5 };

  it('returns to page 1 when a filter changes', () => {
    expect(applyFilterPatch(onPage5, { stage: 'Replied' }).page).toBe(1);
    expect(applyFilterPatch(onPage5, { search: 'acme' }).page).toBe(1);
    expect(applyFilterPatch(onPage5, { has_opened: true })).toEqual({
      ...onPage5,
      has_opened: true,
      page: 1,
    });
  });

  it('stays on the page when the patch changes nothing, and obeys an explicit page', () => {
    expect(applyFilterPatch(onPage5, { campaign: CAMPAIGN }).page).toBe(5);
    expect(applyFilterPatch(onPage5, { page: 7 }).page).toBe(7);
    expect(applyFilterPatch(onPage5, { stage: 'Replied', page: 3 }).page).toBe(3);
  });

  it('keeps the first row in view when the page size changes', () => {
    // Page 5 of 100 starts at row 401, which is on page 1 of 500 and on page 17 of 25.
    expect(applyFilterPatch(onPage5, { display: 500 }).page).toBe(1);
    expect(applyFilterPatch(onPage5, { display: 25 }).page).toBe(17);
  });

  it('forgets the campaign and the open contact when the workspace changes', () => {
    const next = applyFilterPatch({ ...onPage5, contact: 'contact_a1' }, { workspace: 'space_other1' });
    expect(next).toEqual({ ...DEFAULT_FILTERS, workspace: 'space_other1' });
  });

  it('clears everything but the workspace and page size', () => {
    const busy: ContactFilters = {
      ...onPage5,
      stage: 'Nurture',
      has_bounced: true,
      display: 1000,
      contact: 'contact_a1',
    };
    expect(clearedFilters(busy)).toEqual({ ...DEFAULT_FILTERS, workspace: WORKSPACE, display: 1000 });
  });

  it('lists active filters as chips', () => {
    const filters: ContactFilters = { ...onPage5, stage: 'Replied', search: 'acme', has_clicked: true };
    expect(activeFilterChips(filters, 'Spring launch')).toEqual([
      { key: 'campaign', label: 'Campaign: Spring launch' },
      { key: 'stage', label: 'Stage: Replied' },
      { key: 'search', label: 'Email contains “acme”' },
      { key: 'has_clicked', label: 'Clicked' },
    ]);
    expect(activeFilterChips({ ...DEFAULT_FILTERS, workspace: WORKSPACE })).toEqual([]);
  });
});
