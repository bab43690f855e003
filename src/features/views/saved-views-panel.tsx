import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type MouseEvent } from 'react';
import { Button } from '../../components/ui/button';
import type { SavedView } from '../../shared/views/saved-view';
import { storeColumnLayout } from '../contacts/columns/use-column-layout';
import { stageCountQuery } from '../contacts/filters/stage-counts';
import type { ContactFiltersApi } from '../contacts/filters/use-contact-filters';
import type { ContactFilters } from '../contacts/params/filter-params';
import { SavedViewsHeading } from './saved-views-heading';
import { formatCount } from '../contacts/table/format';
import { ViewDialog } from './view-dialog';
import { contactFiltersOf, showsView, viewHref } from './view-link';
import { restoreView, savedViewsQuery, viewKeys, ViewsError } from './views-api';

export type SavedViewsProps = {
  filters: ContactFilters;
  workspace: string;
  campaignSelected: boolean;
  /** Counts wait for the page a person looks at, like the stage counts. */
  countsEnabled: boolean;
  setFilters: ContactFiltersApi['setFilters'];
};

/**
 * Which dialog is open: saving the current view, or managing a saved one (read fresh from the
 * list; as last seen once a colleague has deleted it, so the dialog can say so).
 */
type OpenDialog = { kind: 'save' } | { kind: 'edit'; view: SavedView } | null;

/** The workspace's saved views as links with their live counts, "Save view", and each view's dialog. */
export function SavedViewsPanel({
  filters,
  workspace,
  campaignSelected,
  countsEnabled,
  setFilters,
}: SavedViewsProps) {
  const queryClient = useQueryClient();
  const views = useQuery(savedViewsQuery(workspace));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState<{ text: string; undo: SavedView | null; failed?: boolean } | null>(
    null,
  );
  const editing =
    dialog?.kind === 'edit'
      ? (views.data?.find((view) => view.id === dialog.view.id) ?? dialog.view)
      : undefined;

  const open = (view: SavedView, event: MouseEvent) => {
    // A new tab or window follows the link itself; its columns come with it in the address.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    storeColumnLayout(view.workspace, view.columns);
    setFilters(contactFiltersOf(view));
  };

  const undo = async (view: SavedView) => {
    try {
      await restoreView(view.id);
      setStatus({ text: `Restored “${view.name}”.`, undo: null });
    } catch (error) {
      const reason = error instanceof ViewsError ? error.message : String(error);
      setStatus({ text: `Could not restore “${view.name}”: ${reason}`, undo: null, failed: true });
    }
    await queryClient.invalidateQueries({ queryKey: viewKeys.list(workspace) });
  };

  return (
    <>
      <div className="flex items-center justify-between gap-2">
        <SavedViewsHeading />
        <Button onClick={() => setDialog({ kind: 'save' })}>Save view</Button>
      </div>
      {views.isError ? (
        <div role="alert" className="flex flex-col items-start gap-1 text-sm text-red-800 dark:text-red-300">
          <p>Could not load the saved views: {views.error.message}</p>
          <Button variant="ghost" onClick={() => void views.refetch()}>
            Retry
          </Button>
        </div>
      ) : views.data === undefined ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading saved views…</p>
      ) : views.data.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          None yet: set the filters and columns, then Save view. Everyone using this server sees it.
        </p>
      ) : (
        <ul className="flex flex-col">
          {views.data.map((view) => (
            <li key={view.id} className="flex items-center gap-1">
              <a
                href={viewHref(view)}
                onClick={(event) => open(view, event)}
                aria-current={showsView(filters, view) ? 'page' : undefined}
                className="flex min-w-0 flex-1 items-baseline justify-between gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100 aria-[current=page]:bg-sky-50 aria-[current=page]:font-semibold dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-950"
              >
                <span className="truncate">{view.name}</span>
                <ViewCount view={view} enabled={countsEnabled} />
              </a>
              <Button
                variant="ghost"
                className="px-2"
                aria-label={`Edit view ${view.name}`}
                onClick={() => setDialog({ kind: 'edit', view })}
              >
                <span aria-hidden="true">⋯</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" className="text-sm empty:hidden">
        {status !== null && (
          <p
            className={`flex flex-wrap items-center gap-2 ${status.failed ? 'text-red-800 dark:text-red-300' : ''}`}
          >
            {status.text}
            {status.undo !== null && (
              <Button onClick={() => status.undo !== null && void undo(status.undo)}>Undo</Button>
            )}
          </p>
        )}
      </div>
      {(dialog?.kind === 'save' || editing !== undefined) && (
        <ViewDialog
          view={editing ?? null}
          views={views.data ?? []}
          filters={filters}
          workspace={workspace}
          campaignSelected={campaignSelected}
          onClose={() => setDialog(null)}
          onDone={(text, deleted) => {
            setDialog(null);
            setStatus({ text, undo: deleted ?? null });
          }}
        />
      )}
    </>
  );
}

/** The view's live contact count: one display=1 request, shared with the stage counts' cache. */
function ViewCount({ view, enabled }: { view: SavedView; enabled: boolean }) {
  const count = useQuery({ ...stageCountQuery(contactFiltersOf(view), view.filters.stage), enabled });
  const className = 'flex-none text-xs text-slate-600 tabular-nums dark:text-slate-300';
  if (count.data !== undefined)
    return (
      <span className={className}>
        {formatCount(count.data)}
        <span className="sr-only"> contacts</span>
      </span>
    );
  return (
    <span className={className} title={count.isError ? 'The count could not be had just now.' : undefined}>
      {count.isError ? '–' : '…'}
      <span className="sr-only">{count.isError ? ' count unavailable' : ' counting'}</span>
    </span>
  );
}
