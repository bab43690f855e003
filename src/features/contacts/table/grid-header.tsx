import { flexRender } from '@tanstack/react-table';
import { memo, useEffect, useRef, type RefObject } from 'react';
import { ColumnResizeHandle } from './column-resize-handle';
import type { GridGeometry } from './column-sizing';
import { columnRange, type ColumnWindow } from './column-window';
import type { ContactHeader } from './contact-table';

type GridHeaderProps = {
  headers: readonly ContactHeader[];
  layout: GridGeometry;
  columns: ColumnWindow;
  /** The page's select-all box; absent for the placeholder grid. */
  selectAll: { state: 'all' | 'some' | 'none'; onChange: (selected: boolean) => void } | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  onColumnResize: ((columnId: string, width: number) => void) | undefined;
};

/** The sticky header row: select-all, then one header per visible column (sort button, resize handle). */
export function GridHeader({
  headers,
  layout,
  columns,
  selectAll,
  scrollRef,
  onColumnResize,
}: GridHeaderProps) {
  const headerCell = (index: number) => {
    const header = headers[index];
    return header ? (
      <HeaderCell
        key={header.id}
        header={header}
        sorted={header.column.getIsSorted()}
        sortable={header.column.getCanSort()}
        index={index}
        layout={layout}
        scrollRef={scrollRef}
        onResize={onColumnResize}
      />
    ) : null;
  };
  return (
    <div role="rowgroup" className="grid-header">
      <div
        role="row"
        aria-rowindex={1}
        className="flex w-full border-b border-slate-200 bg-slate-100 text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
      >
        <div className="grid-pinned bg-inherit">
          <div role="columnheader" aria-colindex={1} aria-label="Selection" className="grid-select">
            {selectAll && <SelectAllCheckbox state={selectAll.state} onChange={selectAll.onChange} />}
          </div>
          {headerCell(0)}
        </div>
        {columns.spacer > 0 && <div aria-hidden="true" style={{ width: columns.spacer, flex: 'none' }} />}
        {columnRange(columns).map(headerCell)}
      </div>
    </div>
  );
}

type HeaderCellProps = {
  header: ContactHeader;
  /** Read from the table by the header row, so that a memoised cell re-renders when its sort changes. */
  sorted: false | 'asc' | 'desc';
  sortable: boolean;
  index: number;
  layout: GridGeometry;
  scrollRef: RefObject<HTMLDivElement | null>;
  onResize: ((columnId: string, width: number) => void) | undefined;
};

const SORT_ARIA = { asc: 'ascending', desc: 'descending' } as const;

/** Memoised: a new page re-renders the rows, not the headers. */
const HeaderCell = memo(function HeaderCell({
  header,
  sorted,
  sortable,
  index,
  layout,
  scrollRef,
  onResize,
}: HeaderCellProps) {
  const { column } = header;
  const label = column.columnDef.meta?.label ?? column.id;
  const content = flexRender(column.columnDef.header, header.getContext());
  return (
    <div
      role="columnheader"
      aria-colindex={index + 2}
      // The header is named by the column alone, not by its sort or resize controls.
      aria-label={label}
      aria-sort={sorted ? SORT_ARIA[sorted] : undefined}
      className={`${layout.cellClasses[index]} relative font-semibold`}
      style={layout.cellStyles[index]}
      title={label}
    >
      {sortable ? (
        <button
          type="button"
          onClick={column.getToggleSortingHandler()}
          className="flex h-full w-full items-center gap-1 truncate text-left font-semibold"
        >
          <span className="truncate">{content}</span>
          {sorted && <span aria-hidden="true">{sorted === 'asc' ? '▲' : '▼'}</span>}
        </button>
      ) : (
        content
      )}
      {onResize && (
        <ColumnResizeHandle
          columnId={column.id}
          label={label}
          width={layout.widths[index] ?? column.getSize()}
          rowWidth={layout.rowWidth}
          scrollRef={scrollRef}
          onResize={onResize}
        />
      )}
    </div>
  );
});

function SelectAllCheckbox({
  state,
  onChange,
}: {
  state: 'all' | 'some' | 'none';
  onChange: (selected: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all on this page"
      checked={state === 'all'}
      onChange={(event) => onChange(event.target.checked)}
      className="accent-sky-700"
    />
  );
}
