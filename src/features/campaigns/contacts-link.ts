import { DEFAULT_FILTERS, writeFilters } from '../contacts/params/filter-params';

/** The contact browser showing one workspace, or one campaign's contacts in it. */
export function contactsHref(workspace: string | null, campaign: string | null = null): string {
  return `/${writeFilters({ ...DEFAULT_FILTERS, workspace, campaign })}`;
}
