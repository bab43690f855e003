import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, parseFilters } from '../contacts/params/filter-params';
import { splitLayoutParam } from '../contacts/columns/shared-view-link';
import { contactFiltersOf, showsView, viewFiltersOf, viewHref } from './view-link';

const VIEW = {
  workspace: 'space_a',
  filters: {
    campaign: 'camp_ciso',
    stage: 'Replied' as const,
    search: 'acme & co',
    display: 250 as const,
    has_opened: true,
    has_clicked: false,
    has_replied: true,
    has_bounced: false,
  },
  columns: { order: ['full_name', 'stage', 'city'], visible: ['stage', 'full_name'], widths: { stage: 180 } },
};

describe('view links', () => {
  it('opens on page 1 of the view filters, with nothing else carried over', () => {
    expect(contactFiltersOf(VIEW)).toEqual({ ...DEFAULT_FILTERS, ...VIEW.filters, workspace: 'space_a' });
    expect(viewFiltersOf({ ...contactFiltersOf(VIEW), page: 7, contact: 'contact_x' })).toEqual(VIEW.filters);
  });

  it('is a URL the contact browser reads back to the same filters and columns', () => {
    const href = viewHref(VIEW);
    expect(href.startsWith('/?workspace=space_a&campaign=camp_ciso&stage=Replied')).toBe(true);
    const { layoutParam, rest } = splitLayoutParam(new URL(href, 'http://x').search);
    expect(layoutParam).toBe('full_name.stage~180');
    expect(parseFilters(rest)).toEqual({ filters: contactFiltersOf(VIEW), notices: [] });
  });

  it('tells whether the browser shows the view now, whatever its page', () => {
    expect(showsView({ ...contactFiltersOf(VIEW), page: 3 }, VIEW)).toBe(true);
    expect(showsView({ ...contactFiltersOf(VIEW), has_clicked: true }, VIEW)).toBe(false);
    expect(showsView({ ...contactFiltersOf(VIEW), workspace: 'space_b' }, VIEW)).toBe(false);
  });
});
