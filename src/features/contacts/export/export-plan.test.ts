import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../params/filter-params';
import {
  describeStop,
  estimateRemainingMs,
  exportFileName,
  formatProgress,
  formatTimeLeft,
  pageCount,
} from './export-plan';

const date = new Date(2026, 10, 27, 23, 59);

describe('exportFileName', () => {
  it('names the workspace, campaign, filters and date', () => {
    const filters = { ...DEFAULT_FILTERS, workspace: 'space_a', stage: 'Replied' as const };
    expect(
      exportFileName({
        workspaceName: 'Acme',
        campaignName: 'Outbound',
        filters,
        scope: { kind: 'all' },
        date,
      }),
    ).toBe('mailstand-acme-outbound-stage-replied-2026-11-27.csv');
    expect(
      exportFileName({
        workspaceName: 'Acme',
        campaignName: null,
        filters: {
          ...filters,
          stage: 'Do Not Contact',
          search: 'gmail.com',
          has_opened: true,
          has_bounced: true,
        },
        scope: { kind: 'page', page: 3 },
        date,
      }),
    ).toBe('mailstand-acme-stage-do-not-contact-search-gmail-com-opened-bounced-page-3-2026-11-27.csv');
    expect(
      exportFileName({
        workspaceName: 'Acme',
        campaignName: null,
        filters: DEFAULT_FILTERS,
        scope: { kind: 'selection', count: 12 },
        date,
      }),
    ).toBe('mailstand-acme-12-selected-2026-11-27.csv');
  });

  it('keeps only safe characters from hostile or foreign names', () => {
    const name = exportFileName({
      workspaceName: '../../etc/passwd\u0000 <script>',
      campaignName: 'Café Ünïcode 🚀 / "quotes"',
      filters: { ...DEFAULT_FILTERS, search: 'a\\b:c*?' },
      scope: { kind: 'all' },
      date,
    });
    expect(name).toBe('mailstand-etc-passwd-script-cafe-unicode-quotes-search-a-b-c-2026-11-27.csv');
    expect(
      exportFileName({
        workspaceName: 'مرحبا',
        campaignName: null,
        filters: DEFAULT_FILTERS,
        scope: { kind: 'all' },
        date,
      }),
    ).toBe('mailstand-2026-11-27.csv');
  });

  it('stays short', () => {
    const name = exportFileName({
      workspaceName: 'w'.repeat(500),
      campaignName: 'c '.repeat(200),
      filters: DEFAULT_FILTERS,
      scope: { kind: 'all' },
      date,
    });
    expect(name.length).toBeLessThanOrEqual(180);
    expect(name).toMatch(/^mailstand-w+-2026-11-27\.csv$/);
  });
});

describe('export progress', () => {
  it('plans pages of 2000', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(2000)).toBe(1);
    expect(pageCount(2001)).toBe(2);
    expect(pageCount(61_234)).toBe(31);
  });

  it('estimates time left from the pace so far', () => {
    expect(estimateRemainingMs(0, 0, 31)).toBeNull();
    expect(estimateRemainingMs(10_000, 5, 31)).toBe(52_000);
    expect(estimateRemainingMs(10_000, 31, 31)).toBe(0);
    expect(formatTimeLeft(null)).toBe('estimating time left…');
    expect(formatTimeLeft(1200)).toBe('less than 5 s left');
    expect(formatTimeLeft(42_100)).toBe('about 43 s left');
    expect(formatTimeLeft(80_000)).toBe('about 1 min 20 s left');
    expect(formatTimeLeft(120_000)).toBe('about 2 min left');
    expect(formatProgress(14_000, 61_234)).toBe('14,000 of 61,234 contacts');
  });

  it('says exactly where an export stopped', () => {
    expect(
      describeStop({
        fetched: 14_000,
        total: 61_234,
        failedPage: 8,
        pages: 31,
        reason: 'Could not reach the server.',
      }),
    ).toBe('Stopped after 14,000 of 61,234 contacts (page 8 of 31): Could not reach the server.');
    expect(
      describeStop({ fetched: 0, total: null, failedPage: 1, pages: null, reason: 'Out of credits.' }),
    ).toBe('Stopped after 0 contacts (page 1): Out of credits.');
  });
});
