import type { SortingState } from '@tanstack/react-table';
import type { Campaign, Contact, Workspace } from '../../shared/contract';
import type { ColumnLayout, ColumnOption } from './columns/column-layout';
import { ColumnsControl } from './columns/columns-control';
import { viewLink } from './columns/shared-view-link';
import { CopyButton } from './detail/copy-button';
import { ExportMenu, ExportStatus, type ExportChoice } from './export/export-menu';
import { useContactExport } from './export/use-contact-export';
import type { ContactFilters } from './filters/filter-params';
import type { Selection } from './selection/selection';
import { SelectionBar } from './selection/selection-bar';

type ContactsToolbarProps = {
  filters: ContactFilters;
  workspace: Workspace;
  campaign: Campaign | null;
  /** The grid's columns in order, with their labels: what the table shows is what is exported. */
  shownColumns: { id: string; label: string }[];
  options: ColumnOption[];
  layout: ColumnLayout;
  onLayoutChange: (layout: ColumnLayout) => void;
  onLayoutReset: () => void;
  selection: Selection<Contact>;
  onSelectionChange: (selection: Selection<Contact>) => void;
  /** The rows of this page in the order shown. */
  pageRows: () => Contact[];
  totalFound: number | null;
  sorting: SortingState;
  onClearSorting: () => void;
};

/** Above the grid: sorting note, selection, columns, export and the link to this view. */
export function ContactsToolbar(props: ContactsToolbarProps) {
  const { filters, workspace, campaign, selection, sorting } = props;
  const exporter = useContactExport();

  const onExport = (choice: ExportChoice) =>
    exporter.start({
      what:
        choice === 'all'
          ? { kind: 'all' }
          : choice === 'page'
            ? { kind: 'page', rows: props.pageRows() }
            : { kind: 'selection', rows: [...selection.values()] },
      filters,
      workspaceName: workspace.name,
      campaignName: campaign?.name ?? null,
      columns: props.shownColumns,
    });

  const sortedBy = sorting[0];
  const sortedLabel = props.shownColumns.find((column) => column.id === sortedBy?.id)?.label;

  return (
    <>
      {/* Pointing at or tabbing into the toolbar is the sign an export may come next. */}
      <div
        className="ml-auto flex flex-wrap items-center justify-end gap-2"
        onPointerOver={exporter.preload}
        onFocus={exporter.preload}
      >
        {sortedBy && (
          <p role="status" className="text-slate-600 dark:text-slate-400">
            {sortedLabel ?? sortedBy.id} {sortedBy.desc ? 'descending' : 'ascending'}, sorted within this page
            (Mailstand cannot sort the whole list).{' '}
            <button type="button" onClick={props.onClearSorting} className="underline underline-offset-2">
              Clear sort
            </button>
          </p>
        )}
        <SelectionBar
          selection={selection}
          onExport={() => onExport('selection')}
          onClear={() => props.onSelectionChange(new Map())}
        />
        <ColumnsControl
          options={props.options}
          layout={props.layout}
          onChange={props.onLayoutChange}
          onReset={props.onLayoutReset}
        />
        <ExportMenu
          pageCount={props.pageRows().length}
          selectionCount={selection.size}
          totalFound={props.totalFound}
          busy={exporter.state.phase === 'running'}
          onExport={onExport}
        />
        <CopyButton
          text={viewLink(window.location.origin, window.location.pathname, filters, props.layout)}
          label="Copy link to this view"
        />
      </div>
      {exporter.state.phase !== 'idle' && (
        // The export's progress spans the width, under the toolbar.
        <div className="-mx-4 basis-full">
          <ExportStatus state={exporter.state} onCancel={exporter.cancel} onDismiss={exporter.dismiss} />
        </div>
      )}
    </>
  );
}
