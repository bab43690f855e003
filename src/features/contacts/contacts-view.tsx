import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ErrorPanel } from '../../components/ui/error-panel';
import { MessagePanel } from '../../components/ui/message-panel';
import { describeApiError } from './api/api-client';
import { campaignsQuery, workspacesQuery } from './api/queries';
import { FilterDrawer, SIDEBAR_BESIDE_GRID } from './filters/filter-drawer';
import { FilterNotices } from './filters/filter-notices';
import { FilterSidebar, SIDEBAR_FRAME } from './filters/filter-sidebar';
import { MountLater } from '../../lib/mount-later';
import { useContactFilters } from './filters/use-contact-filters';
import { useUrlCampaign, useUrlWorkspace } from './filters/use-url-ids';
import { activeFilterChips, parseFilters, writeFilters, type ContactFilters } from './params/filter-params';
import { useMediaQuery } from '../../lib/use-media-query';
import { ContactsResults } from './results/contacts-results';
import { LoadingFrame } from './results/loading-frame';
import { RetryWait } from './results/retry-wait';
import type { WorkspaceRef } from './results/workspace-ref';
import { SavedViews } from '../views/saved-views';

/** The URL search of the list the filters select: the same for every page of it and any open contact. */
function listSearchOf(filters: ContactFilters): string {
  return writeFilters({ ...filters, page: 1, contact: null });
}

/** The contact browser: the sidebar's filters and, beside it, the state of the list they select. */
export function ContactsView() {
  const { filters, notices, dismissNotices, setFilters, clearFilters, reportInvalid } = useContactFilters();
  const workspaces = useQuery(workspacesQuery());
  const workspaceList = workspaces.data ?? null;
  const workspace = workspaceList?.find((candidate) => candidate.id === filters.workspace) ?? null;
  // The address's workspace, trusted while the list is on its way: its rows need not wait for it.
  const listPending = workspaceList === null && !workspaces.isError;
  const addressWorkspace = useMemo<WorkspaceRef | null>(
    () => (listPending && filters.workspace !== null ? { id: filters.workspace, name: null } : null),
    [listPending, filters.workspace],
  );
  const shownWorkspace = workspace ?? addressWorkspace;
  const campaigns = useQuery({ ...campaignsQuery(workspace?.id ?? ''), enabled: workspace !== null });
  const campaign = campaigns.data?.find((candidate) => candidate.id === filters.campaign) ?? null;
  // The sidebar reads the filters that select the list, the same object for every page of it and
  // whichever contact is open: paging or opening a contact re-renders the grid, not the sidebar.
  const listSearch = listSearchOf(filters);
  const listFilters = useMemo(() => parseFilters(listSearch).filters, [listSearch]);
  // Stage counts start once a page of this list has settled and its rows are painted (the results
  // below say when), so they never queue ahead of the rows; paging through the list keeps them on.
  const [countedList, setCountedList] = useState<string | null>(null);
  const countsEnabled = countedList === listSearch;
  const onPageSettled = useCallback((settled: ContactFilters) => setCountedList(listSearchOf(settled)), []);

  const chooseQuietly = useCallback(
    (workspace: string) => setFilters({ workspace }, { history: 'replace' }),
    [setFilters],
  );
  useUrlWorkspace(filters.workspace, workspaceList, chooseQuietly, reportInvalid);
  useUrlCampaign(filters.campaign, campaigns.data, reportInvalid);

  let content;
  if (workspaces.isError) {
    const problem = describeApiError(workspaces.error);
    content = (
      <ErrorPanel title={problem.title} message={problem.message} onRetry={() => void workspaces.refetch()} />
    );
  } else if (shownWorkspace === null && workspaceList === null) {
    content = (
      <LoadingFrame>
        <RetryWait error={workspaces.failureReason} />
      </LoadingFrame>
    );
  } else if (workspaceList?.length === 0) {
    content = <MessagePanel title="This Mailstand account has no workspaces yet." />;
  } else if (shownWorkspace === null) {
    content = <MessagePanel title="Choose a workspace to see its contacts." />;
  } else if (filters.campaign !== null && campaigns.isError) {
    const problem = describeApiError(campaigns.error);
    content = (
      <ErrorPanel title={problem.title} message={problem.message} onRetry={() => void campaigns.refetch()} />
    );
  } else {
    content = (
      <ContactsResults
        // Selection, sorting and a running export belong to one workspace.
        key={shownWorkspace.id}
        filters={filters}
        workspace={shownWorkspace}
        campaign={campaign}
        campaignReady={filters.campaign === null || campaign !== null}
        setFilters={setFilters}
        clearFilters={clearFilters}
        reportInvalid={reportInvalid}
        onPageSettled={onPageSettled}
      />
    );
  }

  const sidebarBesideGrid = useMediaQuery(SIDEBAR_BESIDE_GRID);
  const campaignName = campaign?.name;
  const sidebar = useMemo(
    () => (
      <MountLater placeholder={<div className={SIDEBAR_FRAME} />}>
        <FilterSidebar
          filters={listFilters}
          workspaces={workspaceList}
          workspace={workspace}
          campaignName={campaignName}
          stageCounting={workspace ? { filters: listFilters, enabled: countsEnabled } : undefined}
          setFilters={setFilters}
          clearFilters={clearFilters}
          savedViews={
            workspace && (
              <SavedViews
                filters={listFilters}
                workspace={workspace.id}
                campaignSelected={listFilters.campaign !== null}
                countsEnabled={countsEnabled}
                setFilters={setFilters}
              />
            )
          }
        />
      </MountLater>
    ),
    [listFilters, workspaceList, workspace, campaignName, countsEnabled, setFilters, clearFilters],
  );

  return (
    <div className="flex min-h-0 flex-1">
      {sidebarBesideGrid && sidebar}
      <main className="flex min-w-0 flex-1 flex-col">
        {!sidebarBesideGrid && (
          <FilterDrawer activeCount={activeFilterChips(listFilters, campaignName).length}>
            {sidebar}
          </FilterDrawer>
        )}
        <FilterNotices notices={notices} onDismiss={dismissNotices} />
        {content}
      </main>
    </div>
  );
}
