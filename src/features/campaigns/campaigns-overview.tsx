import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ErrorPanel } from '../../components/ui/error-panel';
import { MessagePanel } from '../../components/ui/message-panel';
import { ProgressBar } from '../../components/ui/progress-bar';
import { describeApiError } from '../contacts/api/api-client';
import { campaignsQuery, workspacesQuery } from '../contacts/api/queries';
import { FilterNotices } from '../contacts/filters/filter-notices';
import { useUrlCampaign, useUrlWorkspace } from '../contacts/filters/use-url-ids';
import { WorkspaceSelect } from '../contacts/filters/workspace-select';
import { campaignRow, sortRows, statusesOf, unreadableNotice } from './campaign-rows';
import { CampaignsTable } from './campaigns-table';
import type { OverviewParams } from './overview-params';
import { StageFunnel } from './stage-funnel';
import { useOverviewParams } from './use-overview-params';

const ALL_STATUSES = '';

/** Every campaign of a workspace side by side, and the stage funnel of the one in focus. */
export function CampaignsOverview() {
  const { params, notices, dismissNotices, setParams, reportInvalid } = useOverviewParams();
  const workspaces = useQuery(workspacesQuery());
  const workspaceList = workspaces.data ?? null;
  const workspace = workspaceList?.find((candidate) => candidate.id === params.workspace) ?? null;

  const chooseQuietly = useCallback((workspace: string) => setParams({ workspace }, 'replace'), [setParams]);
  useUrlWorkspace(params.workspace, workspaceList, chooseQuietly, reportInvalid);

  let content;
  if (workspaces.isError) {
    const problem = describeApiError(workspaces.error);
    content = (
      <ErrorPanel title={problem.title} message={problem.message} onRetry={() => void workspaces.refetch()} />
    );
  } else if (workspaceList === null) {
    content = <ProgressBar label="Loading workspaces" />;
  } else if (workspaceList.length === 0) {
    content = <MessagePanel title="This Mailstand account has no workspaces yet." />;
  } else if (workspace === null) {
    content = <MessagePanel title="Choose a workspace to see its campaigns." />;
  } else {
    content = (
      <WorkspaceCampaigns
        key={workspace.id}
        workspace={workspace.id}
        params={params}
        setParams={setParams}
        reportInvalid={reportInvalid}
      />
    );
  }

  return (
    <main aria-labelledby="campaigns-heading" className="relative flex min-h-0 flex-1 flex-col overflow-auto">
      <FilterNotices notices={notices} onDismiss={dismissNotices} />
      <div className="flex flex-wrap items-end gap-4 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 id="campaigns-heading" className="mr-auto text-lg font-semibold">
          Campaigns
        </h2>
        <div className="w-64">
          <WorkspaceSelect
            workspaces={workspaceList}
            value={params.workspace}
            onChange={(id) => setParams({ workspace: id })}
          />
        </div>
      </div>
      {content}
    </main>
  );
}

type WorkspaceCampaignsProps = {
  workspace: string;
  params: OverviewParams;
  setParams: ReturnType<typeof useOverviewParams>['setParams'];
  reportInvalid: ReturnType<typeof useOverviewParams>['reportInvalid'];
};

function WorkspaceCampaigns({ workspace, params, setParams, reportInvalid }: WorkspaceCampaignsProps) {
  const campaigns = useQuery(campaignsQuery(workspace));
  const rows = useMemo(() => (campaigns.data ?? []).map(campaignRow), [campaigns.data]);
  const statuses = useMemo(() => statusesOf(rows), [rows]);
  const shown = useMemo(
    () =>
      sortRows(
        params.status === null ? rows : rows.filter((row) => row.status === params.status),
        params.sort,
      ),
    [rows, params.status, params.sort],
  );
  const focused = rows.find((row) => row.id === params.campaign) ?? shown[0] ?? null;

  useUrlCampaign(params.campaign, campaigns.data, reportInvalid);

  if (campaigns.isError) {
    const problem = describeApiError(campaigns.error);
    return (
      <ErrorPanel title={problem.title} message={problem.message} onRetry={() => void campaigns.refetch()} />
    );
  }
  if (campaigns.data === undefined) return <ProgressBar label="Loading campaigns" />;
  if (rows.length === 0) return <MessagePanel title="This workspace has no campaigns yet." />;

  const unreadable = unreadableNotice(rows);
  return (
    <div className="flex flex-col gap-4 p-4 lg:flex-row lg:items-start">
      <section aria-label="Campaign list" className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <label className="flex items-center gap-2">
            <span className="font-semibold">Status</span>
            <select
              value={params.status ?? ALL_STATUSES}
              onChange={(event) =>
                setParams({ status: event.target.value === ALL_STATUSES ? null : event.target.value })
              }
              className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            >
              <option value={ALL_STATUSES}>All statuses</option>
              {[...new Set([...statuses, ...(params.status === null ? [] : [params.status])])].map(
                (status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ),
              )}
            </select>
          </label>
          <p role="status" className="text-slate-600 dark:text-slate-400">
            {shown.length === rows.length
              ? `${rows.length} campaign${rows.length === 1 ? '' : 's'}`
              : `${shown.length} of ${rows.length} campaigns`}
          </p>
        </div>
        {unreadable !== null && <p className="text-sm text-amber-800 dark:text-amber-200">{unreadable}</p>}
        {shown.length === 0 ? (
          <MessagePanel title={`No campaign has the status "${params.status ?? ''}".`} />
        ) : (
          <div className="overflow-x-auto">
            <CampaignsTable
              rows={shown}
              workspace={workspace}
              sort={params.sort}
              onSort={(sort) => setParams({ sort })}
              focused={focused?.id ?? null}
              onFocus={(campaign) => setParams({ campaign })}
            />
          </div>
        )}
      </section>
      {focused !== null && (
        <aside aria-label="Stage funnel" className="w-full flex-none lg:w-96">
          <StageFunnel workspace={workspace} campaign={focused} />
        </aside>
      )}
    </div>
  );
}
