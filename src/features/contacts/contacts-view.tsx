import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { ErrorPanel } from '../../components/ui/error-panel';
import { MessagePanel } from '../../components/ui/message-panel';
import { ProgressBar } from '../../components/ui/progress-bar';
import type { Campaign, Workspace } from '../../shared/contract';
import { ApiError, describeApiError, describeRetryWait } from './api/api-client';
import {
  allFieldsQuery,
  campaignsQuery,
  contactsPageQuery,
  usePrefetchNextPage,
  workspacesQuery,
} from './api/queries';
import { FilterNotices } from './filters/filter-notices';
import { activeFilterChips, writeFilters, type ContactFilters } from './filters/filter-params';
import { FilterSidebar } from './filters/filter-sidebar';
import { useContactFilters, type ContactFiltersApi } from './filters/use-contact-filters';
import { PagingFooter } from './paging/paging-footer';
import { defaultColumnVisibility, withCustomFieldColumns } from './table/columns';
import { ContactsTable } from './table/contacts-table';
import { browserTimeZone } from './table/format';

/** The contact browser: the sidebar's filters and, beside it, the state of the list they select. */
export function ContactsView() {
  const { filters, notices, dismissNotices, setFilters, clearFilters, reportInvalid } = useContactFilters();
  const workspaces = useQuery(workspacesQuery());
  const workspaceList = workspaces.data ?? null;
  const workspace = workspaceList?.find((candidate) => candidate.id === filters.workspace) ?? null;
  const campaigns = useQuery({ ...campaignsQuery(workspace?.id ?? ''), enabled: workspace !== null });
  const campaign = campaigns.data?.find((candidate) => candidate.id === filters.campaign) ?? null;

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
  const settled = contacts.isPlaceholderData ? undefined : contacts.data;
  usePrefetchNextPage(filters, settled);
  // React Query drops the previous rows once a new request fails; a person keeps seeing the last
  // page that loaded (of this workspace), dimmed, under the error.
  const [lastGood, setLastGood] = useState({ workspace: workspace.id, page: settled });
  if (settled !== undefined && settled !== lastGood.page)
    setLastGood({ workspace: workspace.id, page: settled });
  const lastGoodPage = lastGood.workspace === workspace.id ? lastGood.page : undefined;

  const columns = useMemo(() => withCustomFieldColumns(fields.data ?? []), [fields.data]);
  const campaignSelected = filters.campaign !== null;
  const columnVisibility = useMemo(
    () => defaultColumnVisibility(columns, campaignSelected),
    [columns, campaignSelected],
  );

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
        {rows && (
          <ContactsTable
            contacts={rows.data}
            columns={columns}
            columnVisibility={columnVisibility}
            busy
            scrollResetKey={writeFilters({ ...filters, contact: null })}
          />
        )}
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
    body = (
      <ContactsTable
        contacts={page?.data ?? null}
        columns={columns}
        columnVisibility={columnVisibility}
        busy={contacts.isFetching}
        scrollResetKey={writeFilters({ ...filters, contact: null })}
      />
    );
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
      </div>
      <div className="relative flex min-h-0 flex-1 flex-col">
        {(contacts.isFetching || !campaignReady) && <ProgressBar label="Loading contacts" />}
        {body}
      </div>
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
