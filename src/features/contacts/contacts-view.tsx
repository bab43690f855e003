import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ErrorPanel } from '../../components/ui/error-panel';
import { MessagePanel } from '../../components/ui/message-panel';
import { describeApiError } from './api/api-client';
import { campaignsQuery, contactsPageQuery, workspacesQuery } from './api/queries';
import { usePageFields } from './columns/page-fields';
import { FilterDrawer, SIDEBAR_BESIDE_GRID } from './filters/filter-drawer';
import { FilterNotices } from './filters/filter-notices';
import { FilterSidebar } from './filters/filter-sidebar';
import { useContactFilters } from './filters/use-contact-filters';
import { useUrlCampaign, useUrlWorkspace } from './filters/use-url-ids';
import { activeFilterChips } from './params/filter-params';
import { useMediaQuery } from '../../lib/use-media-query';
import { ContactsResults } from './results/contacts-results';
import { LoadingFrame } from './results/loading-frame';
import { RetryWait } from './results/retry-wait';
import type { WorkspaceRef } from './results/workspace-ref';
import { SavedViews } from '../views/saved-views';

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
  // Stage counts wait for the table's own page (observed here, fetched by the results below).
  const fields = usePageFields(filters.workspace, filters.campaign !== null);
  const page = useQuery({ ...contactsPageQuery(filters, fields), enabled: false });
  const pageSettled = page.data !== undefined && !page.isPlaceholderData && page.fetchStatus === 'idle';

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
      />
    );
  }

  const sidebarBesideGrid = useMediaQuery(SIDEBAR_BESIDE_GRID);
  const sidebar = (
    <FilterSidebar
      filters={filters}
      workspaces={workspaceList}
      workspace={workspace}
      campaignName={campaign?.name}
      stageCounting={workspace ? { filters, enabled: pageSettled } : undefined}
      setFilters={setFilters}
      clearFilters={clearFilters}
      savedViews={
        workspace && (
          <SavedViews
            filters={filters}
            workspace={workspace.id}
            campaignSelected={filters.campaign !== null}
            countsEnabled={pageSettled}
            setFilters={setFilters}
          />
        )
      }
    />
  );

  return (
    <div className="flex min-h-0 flex-1">
      {sidebarBesideGrid && sidebar}
      <main className="flex min-w-0 flex-1 flex-col">
        {!sidebarBesideGrid && (
          <FilterDrawer activeCount={activeFilterChips(filters, campaign?.name).length}>
            {sidebar}
          </FilterDrawer>
        )}
        <FilterNotices notices={notices} onDismiss={dismissNotices} />
        {content}
      </main>
    </div>
  );
}
