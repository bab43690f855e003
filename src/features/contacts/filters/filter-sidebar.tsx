import { useCallback, type ReactNode } from 'react';
import type { Workspace } from '../../../shared/contract';
import { CampaignCombobox } from './campaign-combobox';
import { EmailSearch } from './email-search';
import { EngagementFilters } from './engagement-filters';
import { FilterChips } from './filter-chips';
import {
  activeFilterChips,
  DEFAULT_FILTERS,
  type ContactFilters,
  type FilterPatch,
} from '../params/filter-params';
import type { StageCounting } from './stage-counts';
import { StageFilter } from './stage-filter';
import type { ContactFiltersApi } from './use-contact-filters';
import { WorkspaceSelect } from './workspace-select';

type FilterSidebarProps = {
  filters: ContactFilters;
  workspaces: Workspace[] | null;
  /** The URL's workspace once it is known to exist; nothing asks the API about it before. */
  workspace: Workspace | null;
  /** The selected campaign's name, for its chip, once the campaigns have loaded. */
  campaignName: string | undefined;
  /** Contacts per stage under the other filters; loaded after the table's page. */
  stageCounting: StageCounting | undefined;
  setFilters: ContactFiltersApi['setFilters'];
  clearFilters: ContactFiltersApi['clearFilters'];
  /** The workspace's saved views, under its name. */
  savedViews?: ReactNode;
};

/** The sidebar's width and edge, which its placeholder keeps while the sidebar is yet to mount. */
export const SIDEBAR_FRAME = 'w-72 flex-none border-r border-slate-200 dark:border-slate-800';

/** The patch that puts one filter back to its default. */
function resetField<K extends keyof ContactFilters>(key: K): FilterPatch {
  const patch: FilterPatch = {};
  patch[key] = DEFAULT_FILTERS[key];
  return patch;
}

export function FilterSidebar({
  filters,
  workspaces,
  workspace,
  campaignName,
  stageCounting,
  setFilters,
  clearFilters,
  savedViews,
}: FilterSidebarProps) {
  const noWorkspace = workspace === null;
  // Stable, so that the workspace and campaign pickers (memoised) skip the sidebar's renders for
  // another filter or for the stage counts starting.
  const chooseWorkspace = useCallback((workspace: string) => setFilters({ workspace }), [setFilters]);
  const chooseCampaign = useCallback((campaign: string | null) => setFilters({ campaign }), [setFilters]);
  return (
    <aside
      aria-label="Filters"
      className={`${SIDEBAR_FRAME} flex flex-col gap-5 overflow-x-hidden overflow-y-auto p-4`}
    >
      <WorkspaceSelect workspaces={workspaces} value={filters.workspace} onChange={chooseWorkspace} />
      {savedViews}
      <CampaignCombobox
        workspace={workspace?.id ?? null}
        value={filters.campaign}
        onChange={chooseCampaign}
      />
      <EmailSearch
        value={filters.search}
        disabled={noWorkspace}
        onSearch={(search) => setFilters({ search })}
      />
      <StageFilter
        value={filters.stage}
        disabled={noWorkspace}
        onChange={(stage) => setFilters({ stage })}
        counting={stageCounting}
      />
      <EngagementFilters
        values={filters}
        disabled={noWorkspace}
        onChange={(filter, on) => setFilters({ [filter]: on })}
      />
      <FilterChips
        chips={activeFilterChips(filters, campaignName)}
        onRemove={(chip) => setFilters(resetField(chip.key))}
        onClear={clearFilters}
      />
    </aside>
  );
}
