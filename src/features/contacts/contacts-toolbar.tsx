import type { SortingState } from '@tanstack/react-table';
import type { Campaign, Contact, Workspace } from '../../shared/contract';
import type { ColumnLayout, ColumnOption } from './columns/column-layout';
import { ColumnsControl } from './columns/columns-control';
import { viewLink } from './columns/shared-view-link';
import { CopyButton } from './detail/copy-button';
import { csvColumnsFor } from './export/export-columns';
import { ExportMenu, ExportStatus, type ExportChoice } from './export/export-menu';
import { exportFileName, type ExportScope } from './export/export-plan';
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

  const onExport = (choice: ExportChoice) => {
    const columns = csvColumnsFor(props.shownColumns, new Date());
    const scope: ExportScope =
      choice === 'all'
        ? { kind: 'all' }
        : choice === 'page'
          ? { kind: 'page', page: filters.page }
          : { kind: 'selection', count: selection.size };
    const fileName = exportFileName({
      workspaceName: workspace.name,
      campaignName: campaign?.name ?? null,
      filters,
      scope,
      date: new Date(),
    });
    if (choice === 'all') void exporter.exportAll(filters, columns, fileName);
    else
      exporter.exportRows(choice === 'page' ? props.pageRows() : [...selection.values()], columns, fileName);
  };

  const sortedBy = sorting[0];
  const sortedLabel = props.shownColumns.find((column) => column.id === sortedBy?.id)?.label;

  return (
    <>
      <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
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
