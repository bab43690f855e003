import {
  getCoreRowModel,
  useReactTable,
  type Column,
  type Row,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useMemo, useRef, type CSSProperties, type RefObject } from 'react';
import type { Contact } from '../../../shared/contract';
import type { ContactColumn } from './columns';

/** Every row is exactly this tall, so the virtualizer never measures a row. */
const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 36;
/** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space. */
const ROW_OVERSCAN = 8;
const COLUMN_OVERSCAN = 2;
/**
 * Up to this many visible columns every cell of a rendered row is in the DOM (cheap, and every
 * column can be found); beyond it only the columns in view are, so showing all 56 fields costs
 * about as much per row as the default set.
 */
const COLUMN_VIRTUALIZATION_THRESHOLD = 20;
const SKELETON_ROWS = 14;

const coreRowModel = getCoreRowModel<Contact>();
const rowId = (contact: Contact) => contact.id;

type GridGeometry = {
  /** Left edge of each visible column, in px. */
  starts: number[];
  widths: number[];
  /** Column widths as CSS variables on the grid: resizing later changes one style, not every cell. */
  gridStyle: CSSProperties;
  cellStyles: CSSProperties[];
  cellClasses: string[];
};

function gridGeometry(columns: Column<Contact, unknown>[]): GridGeometry {
  const starts: number[] = [];
  const widths: number[] = [];
  const gridStyle: CSSProperties = {
    '--row-height': `${ROW_HEIGHT}px`,
    '--header-height': `${HEADER_HEIGHT}px`,
  };
  let left = 0;
  for (const column of columns) {
    const width = column.getSize();
    starts.push(left);
    widths.push(width);
    gridStyle[`--col-${column.id}`] = `${width}px`;
    left += width;
  }
  gridStyle['--row-width'] = `${left}px`;
  return {
    starts,
    widths,
    gridStyle,
    cellStyles: columns.map((column) => ({ width: `var(--col-${column.id})` })),
    cellClasses: columns.map(
      (column) => `grid-cell${column.columnDef.meta?.align === 'end' ? ' text-right' : ''}`,
    ),
  };
}

type ContactsTableProps = {
  /** null while the first page loads: the grid shows skeleton rows. */
  contacts: Contact[] | null;
  columns: ContactColumn[];
  columnVisibility: VisibilityState;
  /** A newer page or filter is loading: the rows shown are the previous ones. */
  busy: boolean;
  /** Changes when the page or filters change; the grid then scrolls back to the top. */
  scrollResetKey: string;
};

export function ContactsTable({
  contacts,
  columns,
  columnVisibility,
  busy,
  scrollResetKey,
}: ContactsTableProps) {
  // The React Compiler is not used here; the lint rule only warns that it would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: contacts ?? [],
    columns,
    getCoreRowModel: coreRowModel,
    getRowId: rowId,
    state: { columnVisibility },
  });
  const visibleColumns = table.getVisibleLeafColumns();
  const layout = useMemo(() => gridGeometry(visibleColumns), [visibleColumns]);
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizeColumns = visibleColumns.length > COLUMN_VIRTUALIZATION_THRESHOLD;
  const columnVirtualizer = useVirtualizer({
    enabled: virtualizeColumns,
    horizontal: true,
    count: visibleColumns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => layout.widths[index] ?? 0,
    overscan: COLUMN_OVERSCAN,
  });
  // The virtualizer caches sizes; tell it when the set of columns or their widths change.
  useLayoutEffect(() => columnVirtualizer.measure(), [columnVirtualizer, layout]);
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const firstColumn = virtualizeColumns ? (virtualColumns[0]?.index ?? 0) : 0;
  const lastColumn = virtualizeColumns ? (virtualColumns.at(-1)?.index ?? -1) : visibleColumns.length - 1;

  const headerCells = [];
  for (let index = firstColumn; index <= lastColumn; index++) {
    const column = visibleColumns[index];
    if (!column) continue;
    headerCells.push(
      <div
        key={column.id}
        role="columnheader"
        aria-colindex={index + 1}
        className={`${layout.cellClasses[index]} font-semibold`}
        style={layout.cellStyles[index]}
        title={column.columnDef.meta?.label}
      >
        {column.columnDef.meta?.label}
      </div>,
    );
  }

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Contacts"
      aria-rowcount={contacts ? rows.length + 1 : -1}
      aria-colcount={visibleColumns.length}
      aria-busy={busy || contacts === null}
      tabIndex={0}
      className="grid-scroller min-h-0 flex-1 bg-white text-sm dark:bg-slate-950 focus-visible:outline-offset-[-2px]"
      style={layout.gridStyle}
    >
      <div role="rowgroup" className="grid-header">
        <div
          role="row"
          aria-rowindex={1}
          className="flex w-full border-b border-slate-200 bg-slate-100 text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
          style={{ paddingLeft: layout.starts[firstColumn] ?? 0 }}
        >
          {headerCells}
        </div>
      </div>
      {contacts === null ? (
        <SkeletonRows />
      ) : (
        <ContactsTableBody
          rows={rows}
          columns={visibleColumns}
          layout={layout}
          firstColumn={firstColumn}
          lastColumn={lastColumn}
          scrollRef={scrollRef}
          busy={busy}
          scrollResetKey={scrollResetKey}
        />
      )}
    </div>
  );
}

type BodyProps = {
  rows: Row<Contact>[];
  columns: Column<Contact, unknown>[];
  layout: GridGeometry;
  firstColumn: number;
  lastColumn: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  busy: boolean;
  scrollResetKey: string;
};

/** The rows of the page; the row virtualizer lives here so that scrolling re-renders only the body. */
function ContactsTableBody({
  rows,
  columns,
  layout,
  firstColumn,
  lastColumn,
  scrollRef,
  busy,
  scrollResetKey,
}: BodyProps) {
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here, see above
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits above the first row inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    overscan: ROW_OVERSCAN,
  });
  // Back to the top for a new page or filter. The virtualizer knows the offset, so reading it
  // forces no layout; writing happens only when there is somewhere to go.
  useLayoutEffect(() => {
    if ((rowVirtualizer.scrollOffset ?? 0) > 0) rowVirtualizer.scrollToOffset(0);
  }, [rowVirtualizer, scrollResetKey]);
  const paddingLeft = layout.starts[firstColumn] ?? 0;
  return (
    <div
      role="rowgroup"
      className={`grid-body transition-opacity ${busy ? 'opacity-50' : ''}`}
      style={{ height: rows.length * ROW_HEIGHT }}
    >
      {rowVirtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        return row ? (
          <ContactRow
            key={item.key}
            row={row}
            index={item.index}
            columns={columns}
            layout={layout}
            firstColumn={firstColumn}
            lastColumn={lastColumn}
            paddingLeft={paddingLeft}
          />
        ) : null;
      })}
    </div>
  );
}

type RowProps = {
  row: Row<Contact>;
  index: number;
  columns: Column<Contact, unknown>[];
  layout: GridGeometry;
  firstColumn: number;
  lastColumn: number;
  paddingLeft: number;
};

/** Memoised on primitive and stable props: a row already on screen does not re-render while scrolling. */
const ContactRow = memo(function ContactRow({
  row,
  index,
  columns,
  layout,
  firstColumn,
  lastColumn,
  paddingLeft,
}: RowProps) {
  const contact = row.original;
  const cells = [];
  for (let column = firstColumn; column <= lastColumn; column++) {
    const definition = columns[column];
    if (!definition) continue;
    cells.push(
      <div
        key={definition.id}
        role="gridcell"
        aria-colindex={column + 1}
        className={layout.cellClasses[column]}
        style={layout.cellStyles[column]}
      >
        {definition.columnDef.meta?.render(contact)}
      </div>,
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row border-b border-slate-100 hover:bg-sky-50 dark:border-slate-800/70 dark:hover:bg-slate-800/60 ${index % 2 ? 'bg-slate-50/70 dark:bg-slate-900/40' : ''}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, paddingLeft }}
    >
      {cells}
    </div>
  );
});

const skeletonWidths = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6'];

/** Placeholder rows for the first load, so the layout does not jump when the rows arrive. */
function SkeletonRows() {
  return (
    <div aria-hidden="true" className="flex flex-col">
      {Array.from({ length: SKELETON_ROWS }, (_, row) => (
        <div
          key={row}
          className="flex gap-6 border-b border-slate-100 px-3 dark:border-slate-800/70"
          style={{ height: ROW_HEIGHT }}
        >
          {skeletonWidths.map((width, cell) => (
            <div key={cell} className="flex flex-1 items-center">
              <div className={`h-3 animate-pulse rounded bg-slate-200 dark:bg-slate-800 ${width}`} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
