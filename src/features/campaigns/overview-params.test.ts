import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OVERVIEW,
  SORT_KEYS,
  overviewHref,
  parseOverviewParams,
  type OverviewParams,
} from './overview-params';

const WORKSPACE = 'space_EVGGv3n1yq1nFjvbcTaZ2JQ1s';
const CAMPAIGN = 'camp_a0lZ6vQ5BDa0ezgfnExUo9v7s';

describe('overview URL', () => {
  it('reads a bookmarked overview and writes it back the same', () => {
    const href = `/campaigns?workspace=${WORKSPACE}&status=live&sort=-reply_rate&campaign=${CAMPAIGN}`;
    const { params, notices } = parseOverviewParams(href.slice(href.indexOf('?')));
    expect(notices).toEqual([]);
    expect(params).toEqual({
      workspace: WORKSPACE,
      status: 'live',
      sort: { key: 'reply_rate', descending: true },
      campaign: CAMPAIGN,
    });
    expect(overviewHref(params)).toBe(href);
  });

  it('leaves the defaults out of the URL', () => {
    expect(overviewHref(DEFAULT_OVERVIEW)).toBe('/campaigns');
    expect(overviewHref({ ...DEFAULT_OVERVIEW, workspace: WORKSPACE })).toBe(
      `/campaigns?workspace=${WORKSPACE}`,
    );
  });

  it('falls back to the defaults and says what it ignored, duplicates included', () => {
    const { params, notices } = parseOverviewParams(
      '?workspace=nope&status=%3Cscript%3E&sort=-bogus&campaign=&sort=name&extra=1',
    );
    expect(params).toEqual(DEFAULT_OVERVIEW);
    expect(notices).toEqual([
      'Ignored workspace "nope": not a Mailstand workspace id.',
      'Ignored status "<script>": not a campaign status.',
      'Ignored sort "-bogus": sorted by name instead (one of name, status, steps, contacts, open_rate, reply_rate, bounce_rate, "-" before for descending).',
      'Ignored campaign: it was empty.',
      'Used the first of 2 values given for sort.',
      'Ignored unknown parameter "extra".',
    ]);
  });

  it('reads back whatever it writes', () => {
    const state = fc.record<OverviewParams>({
      workspace: fc.constantFrom(null, WORKSPACE),
      status: fc.constantFrom(null, 'live', 'draft', 'paused', 'completed'),
      sort: fc.record({ key: fc.constantFrom(...SORT_KEYS), descending: fc.boolean() }),
      campaign: fc.constantFrom(null, CAMPAIGN),
    });
    fc.assert(
      fc.property(state, (params) => {
        const href = overviewHref(params);
        expect(parseOverviewParams(href.slice(queryStart(href)))).toEqual({ params, notices: [] });
      }),
    );
  });

  it('never throws, whatever the query', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        const { params } = parseOverviewParams(query);
        expect(SORT_KEYS).toContain(params.sort.key);
      }),
    );
  });
});

function queryStart(href: string): number {
  const at = href.indexOf('?');
  return at === -1 ? href.length : at;
}
