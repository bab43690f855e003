import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { checkViewName, viewNameKey, type SavedView } from '../../shared/views/saved-view';
import type { ContactFilters } from '../contacts/params/filter-params';
import { useGridColumns } from '../contacts/results/use-grid-columns';
import { formatRelative } from '../contacts/table/format';
import { viewFiltersOf } from './view-link';
import { changeView, createView, deleteView, viewKeys, ViewsError } from './views-api';

type ViewDialogProps = {
  /** The view to manage, or null to save the current one as a new view. */
  view: SavedView | null;
  /** The workspace's views, to name a taken name before asking the server. */
  views: readonly SavedView[];
  filters: ContactFilters;
  workspace: string;
  campaignSelected: boolean;
  onClose: () => void;
  /** A change was made: what to say about it, and the view to offer Undo for after a delete. */
  onDone: (message: string, deleted?: SavedView) => void;
};

/**
 * "Save view" for the current filters and columns, or a saved view's rename, update to what is
 * shown now, and delete. Refusals (a taken name, a colleague's newer change) are said in the dialog.
 */
export function ViewDialog({
  view,
  views,
  filters,
  workspace,
  campaignSelected,
  onClose,
  onDone,
}: ViewDialogProps) {
  const queryClient = useQueryClient();
  const { layout } = useGridColumns(workspace, campaignSelected).arrangement;
  const nameId = useId();
  const problemId = useId();
  const [name, setName] = useState(view?.name ?? '');
  const [problem, setProblem] = useState<{ text: string; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [openedAt] = useState(Date.now);

  const reload = () => queryClient.invalidateQueries({ queryKey: viewKeys.list(workspace) });

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      const conflict = error instanceof ViewsError && error.status === 409 && view !== null;
      setProblem({ text: error instanceof Error ? error.message : String(error), conflict });
      // A colleague's change or delete: the list shows theirs, so "Reload" has something to show.
      if (error instanceof ViewsError && (error.status === 409 || error.status === 404)) await reload();
    } finally {
      setBusy(false);
    }
  };

  /** The typed name, checked as the server will, or null with the reason shown. */
  const checkedName = (): string | null => {
    const checked = checkViewName(name);
    if (!checked.ok) {
      setProblem({ text: checked.message, conflict: false });
      return null;
    }
    const taken = views.find(
      (other) => other.id !== view?.id && viewNameKey(other.name) === viewNameKey(checked.value),
    );
    if (taken !== undefined) {
      setProblem({
        text: `This workspace already has a view named "${taken.name}": choose another name.`,
        conflict: false,
      });
      return null;
    }
    return checked.value;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkedName();
    if (checked === null) return;
    void run(async () => {
      if (view === null) {
        await createView({ workspace, name: checked, filters: viewFiltersOf(filters), columns: layout });
        await reload();
        onDone(`Saved “${checked}”.`);
      } else {
        await changeView(view.id, { version: view.version, name: checked });
        await reload();
        onDone(`Renamed to “${checked}”.`);
      }
    });
  };

  const updateToCurrent = (current: SavedView) =>
    run(async () => {
      await changeView(current.id, {
        version: current.version,
        filters: viewFiltersOf(filters),
        columns: layout,
      });
      await reload();
      onDone(`“${current.name}” now holds the filters and columns shown.`);
    });

  const remove = (current: SavedView) =>
    run(async () => {
      await deleteView(current);
      await reload();
      onDone(`Deleted “${current.name}”.`, current);
    });

  const when = (ms: number) => formatRelative(Math.floor(ms / 1000), openedAt);

  return (
    <ModalDialog
      title={view === null ? 'Save view' : `View “${view.name}”`}
      onClose={onClose}
      width="w-[28rem]"
    >
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
        {view === null
          ? 'The current filters, page size and columns, under a name everyone using this server sees.'
          : `Made by ${view.createdBy} ${when(view.createdAt)}; last changed by ${view.updatedBy} ${when(view.updatedAt)}.`}
      </p>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor={nameId} className="text-sm font-semibold">
            View name
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoFocus
            autoComplete="off"
            aria-invalid={problem !== null && !problem.conflict}
            aria-describedby={problem !== null ? problemId : undefined}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600 dark:border-slate-700 dark:bg-slate-950"
          />
        </div>
        {problem !== null && (
          <div
            id={problemId}
            role="alert"
            className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/60 dark:text-red-100"
          >
            <p>{problem.text}</p>
            {problem.conflict && (
              <Button
                onClick={() => {
                  setProblem(null);
                  void reload();
                }}
              >
                Reload
              </Button>
            )}
          </div>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          {view !== null && (
            <>
              <Button className="mr-auto" disabled={busy} onClick={() => void remove(view)}>
                Delete
              </Button>
              <Button disabled={busy} onClick={() => void updateToCurrent(view)}>
                Update to current view
              </Button>
            </>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {view === null ? 'Save' : 'Rename'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
