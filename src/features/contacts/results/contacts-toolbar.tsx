import type { ReactNode } from 'react';
import type { Campaign, Contact } from '../../../shared/contract';
import { ColumnsControl } from '../columns/columns-control';
import { viewLink } from '../columns/shared-view-link';
import { CopyButton } from '../detail/copy-button';
import { ExportMenu, ExportStatus, type ExportChoice } from '../export/export-menu';
import { useContactExport } from '../export/use-contact-export';
import type { ContactFilters } from '../params/filter-params';
import type { ColumnArrangement } from './use-grid-columns';
import { selectedRows, type Selection } from '../selection/selection';
import { SelectionBar } from './selection-bar';
import type { WorkspaceRef } from './workspace-ref';

type ContactsToolbarProps = {
  filters: ContactFilters;
  workspace: WorkspaceRef;
  campaign: Campaign | null;
  /** The grid's columns in order, with their labels: what the table shows is what is exported. */
  shownColumns: { id: string; label: string }[];
  arrangement: ColumnArrangement;
  selection: Selection<Contact>;
  onSelectionChange: (selection: Selection<Contact>) => void;
  /** The rows of this page in the order shown. */
  pageRows: readonly Contact[];
  totalFound: number | null;
  /** Shown first, e.g. how the page is sorted. */
  note?: ReactNode;
};

/** Above the grid: a note, selection, columns, export and the link to this view. */
export function ContactsToolbar(props: ContactsToolbarProps) {
  const { filters, workspace, campaign, selection, arrangement } = props;
  const exporter = useContactExport();
  const exportBusy = exporter.state.phase === 'running';

  const onExport = (choice: ExportChoice) =>
    exporter.start({
      what:
        choice === 'all'
          ? { kind: 'all' }
          : choice === 'page'
            ? { kind: 'page', rows: props.pageRows }
            : { kind: 'selection', rows: selectedRows(selection, props.pageRows) },
      filters,
      workspaceName: workspace.name ?? workspace.id,
      campaignName: campaign?.name ?? null,
      columns: props.shownColumns,
    });

  return (
    <>
      {/* Pointing at or tabbing into the toolbar is the sign an export may come next. */}
      <div
        className="ml-auto flex flex-wrap items-center justify-end gap-2"
        onPointerOver={exporter.preload}
        onFocus={exporter.preload}
      >
        {props.note}
        <SelectionBar
          selection={selection}
          onExport={() => onExport('selection')}
          exportBusy={exportBusy}
          onClear={() => props.onSelectionChange(new Map())}
        />
        <ColumnsControl
          options={arrangement.options}
          layout={arrangement.layout}
          onChange={arrangement.setLayout}
          onReset={arrangement.resetLayout}
        />
        <ExportMenu
          pageCount={props.pageRows.length}
          selectionCount={selection.size}
          totalFound={props.totalFound}
          busy={exportBusy}
          onExport={onExport}
        />
        <CopyButton
          text={viewLink(window.location.origin, window.location.pathname, filters, arrangement.layout)}
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
