import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FeatureBoundary, lazyFeature } from '../../app/lazy-feature';
import { Button } from '../../components/ui/button';
import { ErrorPanel } from '../../components/ui/error-panel';
import { MessagePanel } from '../../components/ui/message-panel';
import { ProgressBar } from '../../components/ui/progress-bar';
import { STAGES, type Campaign, type Contact, type Workspace } from '../../shared/contract';
import { ApiError, describeApiError, describeRetryWait } from './api/api-client';
import {
  allFieldsQuery,
  campaignsQuery,
  contactsPageQuery,
  usePrefetchNextPage,
  workspacesQuery,
} from './api/queries';
import { decodeLayoutParam, setColumnWidth } from './columns/column-layout';
import { columnOptions, tableColumnState } from './columns/column-options';
import { localTimeColumn } from './columns/local-time-column';
import { claimSharedLayout } from './columns/shared-view-link';
import { useColumnLayout } from './columns/use-column-layout';
import { ContactsToolbar } from './contacts-toolbar';
import { DetailPanelFrame, DetailPanelLoading } from './detail/detail-panel-frame';
import { FilterNotices } from './filters/filter-notices';
import { activeFilterChips, writeFilters, type ContactFilters } from './filters/filter-params';
import { FilterSidebar } from './filters/filter-sidebar';
import { stageCountQuery } from './filters/stage-counts';
import { useContactFilters, type ContactFiltersApi } from './filters/use-contact-filters';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog';
import { useContactShortcuts } from './keyboard/use-contact-shortcuts';
import { PagingFooter } from './paging/paging-footer';
import { ServedNote } from './served-note';
import type { Selection } from './selection/selection';
import { defaultColumnVisibility, withCustomFieldColumns } from './table/columns';
import { ContactsTable, ROW_HEIGHTS, type ContactsTableHandle } from './table/contacts-table';
import { usePreferences } from '../preferences/use-preferences';
import { browserTimeZone } from './table/format';

/** The contact browser: the sidebar's filters and, beside it, the state of the list they select. */
export function ContactsView() {
  const { filters, notices, dismissNotices, setFilters, clearFilters, reportInvalid } = useContactFilters();
  const workspaces = useQuery(workspacesQuery());
  const workspaceList = workspaces.data ?? null;
  const workspace = workspaceList?.find((candidate) => candidate.id === filters.workspace) ?? null;
  const campaigns = useQuery({ ...campaignsQuery(workspace?.id ?? ''), enabled: workspace !== null });
  const campaign = campaigns.data?.find((candidate) => candidate.id === filters.campaign) ?? null;
  // Stage counts wait for the table's own page (observed here, fetched by the results below).
  const page = useQuery({ ...contactsPageQuery(filters), enabled: false });
  const pageSettled = page.data !== undefined && !page.isPlaceholderData && page.fetchStatus === 'idle';

  useEffect(() => {
    if (workspaceList === null) return;
    if (filters.workspace === null) {
      // Nothing to choose between: take the only workspace without adding a history entry.
      const only = workspaceList.length === 1 ? workspaceList[0] : undefined;
      if (only) setFilters({ workspace: only.id }, { history: 'replace' });
    } else if (!workspaceList.some((candidate) => candidate.id === filters.workspace)) {
      reportInvalid(`Ignored workspace "${filters.workspace}": this account has no such workspace.`, {
        workspace: null,
      });
    }
  }, [workspaceList, filters.workspace, setFilters, reportInvalid]);

  useEffect(() => {
    if (filters.campaign === null || campaigns.data === undefined) return;
    if (!campaigns.data.some((candidate) => candidate.id === filters.campaign)) {
      reportInvalid(`Ignored campaign "${filters.campaign}": this workspace has no such campaign.`, {
        campaign: null,
      });
    }
  }, [campaigns.data, filters.campaign, reportInvalid]);

  let content;
  if (workspaces.isError) {
    const problem = describeApiError(workspaces.error);
    content = (
      <ErrorPanel title={problem.title} message={problem.message} onRetry={() => void workspaces.refetch()} />
    );
  } else if (workspaceList === null) {
    content = (
      <LoadingFrame>
        <RetryWait error={workspaces.failureReason} />
      </LoadingFrame>
    );
  } else if (workspaceList.length === 0) {
    content = <MessagePanel title="This Mailstand account has no workspaces yet." />;
  } else if (workspace === null) {
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
        key={workspace.id}
        filters={filters}
        workspace={workspace}
        campaign={campaign}
        campaignReady={filters.campaign === null || campaign !== null}
        setFilters={setFilters}
        clearFilters={clearFilters}
        reportInvalid={reportInvalid}
      />
    );
  }

  return (
    <div className="flex min-h-0 flex-1">
      <FilterSidebar
        filters={filters}
        workspaces={workspaceList}
        workspace={workspace}
        campaignName={campaign?.name}
        stageCounting={workspace ? { filters, enabled: pageSettled } : undefined}
        setFilters={setFilters}
        clearFilters={clearFilters}
      />
      <main className="flex min-w-0 flex-1 flex-col">
        <FilterNotices notices={notices} onDismiss={dismissNotices} />
        {content}
      </main>
    </div>
  );
}

type ContactsResultsProps = {
  filters: ContactFilters;
  workspace: Workspace;
  campaign: Campaign | null;
  /** False while a campaign from the URL is not yet known to exist: no request for it until then. */
  campaignReady: boolean;
} & Pick<ContactFiltersApi, 'setFilters' | 'clearFilters' | 'reportInvalid'>;

const timeZone = browserTimeZone();

// Not needed for the first screen: its code arrives when first used, or sooner on intent.
const contactDetail = lazyFeature(() =>
  import('./detail/contact-detail-panel').then((module) => module.ContactDetailPanel),
);

function ContactsResults({
  filters,
  workspace,
  campaign,
  campaignReady,
  setFilters,
  clearFilters,
  reportInvalid,
}: ContactsResultsProps) {
  const contacts = useQuery({ ...contactsPageQuery(filters), enabled: campaignReady });
  const fields = useQuery(allFieldsQuery(workspace.id));
  const queryClient = useQueryClient();
  // Past the server's short cache: the rows and the stage counts as Mailstand has them now.
  const refresh = () => {
    const ignore = () => undefined; // a failure shows in the query's own state
    queryClient.fetchQuery({ ...contactsPageQuery(filters, { fresh: true }), staleTime: 0 }).catch(ignore);
    for (const stage of STAGES) {
      queryClient.fetchQuery({ ...stageCountQuery(filters, stage, true), staleTime: 0 }).catch(ignore);
    }
  };
  const settled = contacts.isPlaceholderData ? undefined : contacts.data;
  usePrefetchNextPage(filters, settled);
  // React Query drops the previous rows once a new request fails; a person keeps seeing the last
  // page that loaded (of this workspace), dimmed, under the error.
  const [lastGood, setLastGood] = useState({ workspace: workspace.id, page: settled });
  if (settled !== undefined && settled !== lastGood.page)
    setLastGood({ workspace: workspace.id, page: settled });
  const lastGoodPage = lastGood.workspace === workspace.id ? lastGood.page : undefined;

  const columns = useMemo(
    () => [...withCustomFieldColumns(fields.data ?? []), localTimeColumn],
    [fields.data],
  );
  const campaignSelected = filters.campaign !== null;
  const options = useMemo(() => columnOptions(columns), [columns]);
  const { layout, setLayout, resetLayout } = useColumnLayout(workspace.id, options);
  const columnState = useMemo(
    () => tableColumnState(layout, columns, campaignSelected),
    [layout, columns, campaignSelected],
  );
  const { columnVisibility } = columnState;
  const shownColumns = useMemo(() => {
    const labels = new Map(columns.map((column) => [column.id, column.meta?.label ?? column.id]));
    return columnState.columnOrder.map((id) => ({ id, label: labels.get(id) ?? id }));
  }, [columns, columnState]);
  const onColumnResize = useCallback(
    (id: string, width: number) => setLayout(setColumnWidth(layout, id, width)),
    [layout, setLayout],
  );

  // A shared link's columns (cols=) are adopted once this workspace's custom fields are known.
  useEffect(() => {
    if (!fields.isSuccess) return;
    const shared = claimSharedLayout(workspace.id);
    if (shared !== null) setLayout(decodeLayoutParam(shared, options).layout);
  }, [fields.isSuccess, workspace.id, options, setLayout]);

  const [sorting, setSorting] = useState<SortingState>([]);
  const [selection, setSelection] = useState<Selection<Contact>>(() => new Map());
  const [helpOpen, setHelpOpen] = useState(false);
  const tableRef = useRef<ContactsTableHandle>(null);
  const { preferences } = usePreferences();

  const openContact = useCallback((contact: Contact) => setFilters({ contact: contact.id }), [setFilters]);
  const closeContact = useCallback(() => {
    const id = filters.contact;
    setFilters({ contact: null });
    if (id !== null) tableRef.current?.focusContact(id);
  }, [filters.contact, setFilters]);
  useContactShortcuts({ table: tableRef, onOpen: openContact, onHelp: () => setHelpOpen(true) });

  const interaction = useMemo(
    () => ({
      selection,
      onSelectionChange: setSelection,
      sorting,
      onSortingChange: setSorting,
      onOpen: openContact,
    }),
    [selection, sorting, openContact],
  );
  const tableProps = {
    columns,
    columnVisibility,
    columnOrder: columnState.columnOrder,
    columnSizing: columnState.columnSizing,
    onColumnResize,
    rowHeight: ROW_HEIGHTS[preferences.density],
    scrollResetKey: writeFilters({ ...filters, contact: null }),
    interaction,
    ref: tableRef,
  };

  // A bookmarked page past the end (the list shrank since) shows the last page instead.
  useEffect(() => {
    if (settled && settled.total_pages > 0 && filters.page > settled.total_pages) {
      reportInvalid(`Page ${filters.page} is past the end; showing the last page, ${settled.total_pages}.`, {
        page: settled.total_pages,
      });
    }
  }, [settled, filters.page, reportInvalid]);

  const page = contacts.data;
  let body;
  if (contacts.isError) {
    const problem = describeApiError(contacts.error);
    const rows = page ?? lastGoodPage;
    body = (
      <>
        <ErrorPanel title={problem.title} message={problem.message} onRetry={() => void contacts.refetch()} />
        {rows && <ContactsTable contacts={rows.data} busy stale {...tableProps} />}
      </>
    );
  } else if (settled && settled.total_found === 0) {
    body =
      activeFilterChips(filters).length === 0 ? (
        <MessagePanel title={`${workspace.name} has no contacts yet`}>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Contacts added in Mailstand show up here.
          </p>
        </MessagePanel>
      ) : (
        <MessagePanel title="No contacts match these filters">
          <Button variant="primary" onClick={clearFilters}>
            Clear filters
          </Button>
        </MessagePanel>
      );
  } else {
    body = <ContactsTable contacts={page?.data ?? null} busy={contacts.isFetching} {...tableProps} />;
  }

  return (
    <>
      <div className="flex min-h-10 flex-none flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 px-4 py-1.5 text-sm dark:border-slate-800">
        <h2 className="font-semibold">
          {workspace.name}
          {campaign && (
            <span className="font-normal text-slate-600 dark:text-slate-400"> · {campaign.name}</span>
          )}
        </h2>
        {campaignSelected && (
          <p className="text-slate-600 dark:text-slate-400">
            Campaign times in <strong className="font-medium">{timeZone}</strong> (this browser); hover a time
            for UTC.
          </p>
        )}
        <RetryWait error={contacts.isFetching ? contacts.failureReason : null} />
        {settled && !contacts.isFetching && <ServedNote served={settled.served} />}
        <Button
          variant="ghost"
          onClick={refresh}
          disabled={!campaignReady || contacts.isFetching}
          title="Load these contacts again from Mailstand, past the server's short cache"
        >
          Refresh
        </Button>
        <ContactsToolbar
          filters={filters}
          workspace={workspace}
          campaign={campaign}
          shownColumns={shownColumns}
          options={options}
          layout={layout}
          onLayoutChange={setLayout}
          onLayoutReset={resetLayout}
          selection={selection}
          onSelectionChange={setSelection}
          pageRows={() => tableRef.current?.shownContacts() ?? page?.data ?? []}
          totalFound={settled?.total_found ?? null}
          sorting={sorting}
          onClearSorting={() => setSorting([])}
        />
      </div>
      {/* Pointing at or tabbing into the rows is the sign a contact may be opened next. */}
      <div
        className="relative flex min-h-0 flex-1 flex-col"
        onPointerOver={contactDetail.preload}
        onFocus={contactDetail.preload}
      >
        {(contacts.isFetching || !campaignReady) && <ProgressBar label="Loading contacts" />}
        {body}
      </div>
      {filters.contact !== null && (
        <ContactDetail contactId={filters.contact} workspace={workspace.id} onClose={closeContact} />
      )}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {!contacts.isError && (
        <PagingFooter
          page={filters.page}
          display={filters.display}
          totals={page ? { totalFound: page.total_found, totalPages: page.total_pages } : null}
          onPageChange={(next) => setFilters({ page: next })}
          onDisplayChange={(display) => setFilters({ display })}
        />
      )}
    </>
  );
}

/** The contact panel, in its frame from the first moment while its code arrives. */
function ContactDetail(props: { contactId: string; workspace: string; onClose: () => void }) {
  return (
    <FeatureBoundary
      what="the contact details"
      loading={<DetailPanelLoading contactId={props.contactId} onClose={props.onClose} />}
      frame={(failure) => (
        <DetailPanelFrame title="Contact" contactId={props.contactId} onClose={props.onClose}>
          {failure}
        </DetailPanelFrame>
      )}
    >
      <contactDetail.Component {...props} />
    </FeatureBoundary>
  );
}

/** The grid's frame with skeleton rows, while what it needs first is still loading. */
function LoadingFrame({ children }: { children?: ReactNode }) {
  return (
    <>
      <div className="flex min-h-10 flex-none items-center border-b border-slate-200 px-4 text-sm dark:border-slate-800">
        {children}
      </div>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <ProgressBar label="Loading contacts" />
        <ContactsTable
          contacts={null}
          columns={PLACEHOLDER_COLUMNS}
          columnVisibility={PLACEHOLDER_VISIBILITY}
          busy
          scrollResetKey=""
        />
      </div>
    </>
  );
}

const PLACEHOLDER_COLUMNS = withCustomFieldColumns([]);
const PLACEHOLDER_VISIBILITY = defaultColumnVisibility(PLACEHOLDER_COLUMNS, false);

/** "Mailstand asked us to slow down; retrying in 12 s." while a rate-limited request waits. */
function RetryWait({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.retryAt === null) return null;
  // Keyed by the moment of the retry, so each wait counts down from its own start.
  return <RetryCountdown key={error.retryAt} error={error} />;
}

function RetryCountdown({ error }: { error: ApiError }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const text = describeRetryWait(error, now);
  return text === null ? null : (
    <p role="status" className="text-amber-800 dark:text-amber-300">
      {text}
    </p>
  );
}
