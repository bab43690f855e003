import type { SavedView, ViewFilters } from '../../shared/views/saved-view';
import { viewLink } from '../contacts/columns/shared-view-link';
import { DEFAULT_FILTERS, writeFilters, type ContactFilters } from '../contacts/params/filter-params';

/** What of the contact browser's state a view keeps: the filters and page size, not the page or open contact. */
export function viewFiltersOf(filters: ContactFilters): ViewFilters {
  return {
    campaign: filters.campaign,
    stage: filters.stage,
    search: filters.search,
    display: filters.display,
    has_opened: filters.has_opened,
    has_clicked: filters.has_clicked,
    has_replied: filters.has_replied,
    has_bounced: filters.has_bounced,
  };
}

/** The contact browser's state that opens a view: its workspace and filters, from the first page. */
export function contactFiltersOf(view: Pick<SavedView, 'workspace' | 'filters'>): ContactFilters {
  return { ...DEFAULT_FILTERS, ...view.filters, workspace: view.workspace };
}

/** The view's own address: its filters and its columns, as "Copy link to this view" writes it. */
export function viewHref(view: Pick<SavedView, 'workspace' | 'filters' | 'columns'>): string {
  return viewLink('', '/', contactFiltersOf(view), view.columns);
}

/** Whether the browser shows this view's filters now (its columns may have been moved since). */
export function showsView(filters: ContactFilters, view: Pick<SavedView, 'workspace' | 'filters'>): boolean {
  return writeFilters({ ...filters, page: 1, contact: null }) === writeFilters(contactFiltersOf(view));
}
