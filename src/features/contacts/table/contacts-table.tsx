import {
  getCoreRowModel,
  useReactTable,
  type Column,
  type ColumnSizingState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type Ref,
  type RefObject,
} from 'react';
import type { Contact } from '../../../shared/contract';
import { clampWidth } from '../columns/column-layout';
import { nextRowIndex } from '../keyboard/shortcuts';
import {
  pageSelectionState,
  selectRange,
  setRowsSelected,
  toggleRow,
  type Selection,
} from '../selection/selection';
import { NO_ID_TITLE } from './cells';
import type { ContactColumn } from './columns';
import { assignRowSlots, inSlotOrder, type RowSlots } from './row-slots';
import { sortContacts } from './sort-contacts';

/** Row heights per density; every row is exactly this tall, so the virtualizer never measures a row. */
export const ROW_HEIGHTS = { comfortable: 36, compact: 28 } as const;
const HEADER_HEIGHT = 36;
/** The checkbox column left of the pinned email column. */
const SELECT_WIDTH = 40;
/** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space. */
const ROW_OVERSCAN = 8;
const COLUMN_OVERSCAN = 2;
/**
 * Up to this many visible columns every cell of a rendered row is in the DOM (cheap, and every
 * column can be found); beyond it only the columns in view are, so showing all 56 fields costs
 * about as much per row as the default set. The pinned first column is always rendered.
 */
const COLUMN_VIRTUALIZATION_THRESHOLD = 20;
const SKELETON_ROWS = 14;
/** One arrow-key press on a resize handle. */
const KEYBOARD_RESIZE_STEP = 16;

const coreRowModel = getCoreRowModel<Contact>();
/**
 * The table instance gets no rows: it owns the columns (order, visibility, sizes, sort state and
 * header toggles), while the grid renders the page's contacts itself. TanStack's row model would
 * build a Row object with a dozen closures per contact, 2000 of them on every page switch.
 */
const NO_ROWS: Contact[] = [];

type GridGeometry = {
  /** Left edge of each visible column, in px (after the checkbox column). */
  starts: number[];
  widths: number[];
  /** Column widths as CSS variables on the grid: resizing changes one style, not every cell. */
  gridStyle: CSSProperties;
  cellStyles: CSSProperties[];
  cellClasses: string[];
};

function gridGeometry(columns: Column<Contact, unknown>[], rowHeight: number): GridGeometry {
  const starts: number[] = [];
  const widths: number[] = [];
  const gridStyle: CSSProperties = {
    '--row-height': `${rowHeight}px`,
    '--header-height': `${HEADER_HEIGHT}px`,
    '--select-width': `${SELECT_WIDTH}px`,
  };
  let left = SELECT_WIDTH;
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

/** What the view can do with the grid from outside: keyboard shortcuts and returning focus. */
export type ContactsTableHandle = {
  /** Moves focus to the next or previous row (the first or last if no row has focus). */
  moveFocus(direction: 'next-row' | 'previous-row'): void;
  /** Focuses a contact's row without scrolling, e.g. when its detail panel closes. */
  focusContact(id: string): void;
  /** The contact whose row has focus, if any. */
  focusedContact(): Contact | null;
  toggleSelected(contact: Contact): void;
  /** The rows in the order shown (sorted within the page when a header was clicked). */
  shownContacts(): Contact[];
};

/** Selection, sorting and opening: absent for the placeholder grid shown while loading. */
export type ContactsTableInteraction = {
  selection: Selection<Contact>;
  onSelectionChange: (selection: Selection<Contact>) => void;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onOpen: (contact: Contact) => void;
};

type ContactsTableProps = {
  /** null while the first page loads: the grid shows skeleton rows. */
  contacts: Contact[] | null;
  columns: ContactColumn[];
  columnVisibility: VisibilityState;
  columnOrder?: string[];
  columnSizing?: ColumnSizingState;
  /** A column edge was dragged (or moved with arrow keys) to a new width, in px. */
  onColumnResize?: (columnId: string, width: number) => void;
  rowHeight?: number;
  /** A newer page or filter is loading: the rows shown are the previous ones. */
  busy: boolean;
  /**
   * The rows shown are the last good ones and the newer request failed: they are drawn muted.
   * Not while merely loading: muting restyles every rendered cell twice per page switch.
   */
  stale?: boolean;
  /** Changes when the page or filters change; the grid then scrolls back to the top. */
  scrollResetKey: string;
  interaction?: ContactsTableInteraction;
  ref?: Ref<ContactsTableHandle>;
};

const NO_SELECTION: Selection<Contact> = new Map();
const NO_SORTING: SortingState = [];

export function ContactsTable({
  contacts,
  columns,
  columnVisibility,
  columnOrder,
  columnSizing,
  onColumnResize,
  rowHeight = ROW_HEIGHTS.comfortable,
  busy,
  stale = false,
  scrollResetKey,
  interaction,
  ref,
}: ContactsTableProps) {
  const sorting = interaction?.sorting ?? NO_SORTING;
  const onSortingChange = interaction?.onSortingChange;
  // The React Compiler is not used here; the lint rule only warns that it would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: NO_ROWS,
    columns,
    getCoreRowModel: coreRowModel,
    // Sorted below, within the page; with no rows TanStack cannot guess a first direction.
    manualSorting: true,
    sortDescFirst: false,
    state: {
      columnVisibility,
      sorting,
      ...(columnOrder ? { columnOrder } : {}),
      ...(columnSizing ? { columnSizing } : {}),
    },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange?.(typeof updater === 'function' ? updater(sorting) : updater),
    enableSorting: interaction !== undefined,
    enableSortingRemoval: true,
  });
  const visibleColumns = table.getVisibleLeafColumns();
  const layout = useMemo(() => gridGeometry(visibleColumns, rowHeight), [visibleColumns, rowHeight]);
  const shown = useMemo(
    () =>
      contacts
        ? sortContacts(contacts, sorting, (contact, id) => table.getColumn(id)?.accessorFn?.(contact, 0))
        : NO_ROWS,
    [contacts, sorting, table],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const grid = scrollRef.current;
    if (!grid) return;
    // Pins the first columns only while scrolled sideways; see .grid-pinned in styles.css.
    const onScroll = () => {
      const scrolled = grid.scrollLeft > 0;
      if (scrolled !== grid.hasAttribute('data-scrolled-x'))
        grid.toggleAttribute('data-scrolled-x', scrolled);
    };
    grid.addEventListener('scroll', onScroll, { passive: true });
    return () => grid.removeEventListener('scroll', onScroll);
  }, []);

  const virtualizeColumns = visibleColumns.length > COLUMN_VIRTUALIZATION_THRESHOLD;
  const columnVirtualizer = useVirtualizer({
    enabled: virtualizeColumns,
    horizontal: true,
    count: visibleColumns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => layout.widths[index] ?? 0,
    paddingStart: SELECT_WIDTH,
    overscan: COLUMN_OVERSCAN,
  });
  // The virtualizer caches sizes; tell it when the set of columns or their widths change.
  useLayoutEffect(() => columnVirtualizer.measure(), [columnVirtualizer, layout]);
  const virtualColumns = columnVirtualizer.getVirtualItems();
  // The pinned first column is always rendered; the window starts after it.
  const firstColumn = virtualizeColumns ? Math.max(1, virtualColumns[0]?.index ?? 1) : 1;
  const lastColumn = virtualizeColumns ? (virtualColumns.at(-1)?.index ?? -1) : visibleColumns.length - 1;
  const spacer = (layout.starts[firstColumn] ?? 0) - (layout.starts[1] ?? 0);

  const headerCell = (index: number) => {
    const column = visibleColumns[index];
    return column ? (
      <HeaderCell
        key={column.id}
        column={column}
        index={index}
        layout={layout}
        scrollRef={scrollRef}
        onResize={onColumnResize}
      />
    ) : null;
  };

  const selection = interaction?.selection ?? NO_SELECTION;
  const pageState = pageSelectionState(selection, contacts ?? []);

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Contacts"
      aria-rowcount={contacts ? shown.length + 1 : -1}
      aria-colcount={visibleColumns.length + 1}
      aria-busy={busy || contacts === null}
      data-stale={stale || undefined}
      aria-multiselectable={interaction ? true : undefined}
      tabIndex={0}
      className="grid-scroller min-h-0 flex-1 bg-white text-sm dark:bg-slate-950 focus-visible:outline-offset-[-2px]"
      style={layout.gridStyle}
    >
      <div role="rowgroup" className="grid-header">
        <div
          role="row"
          aria-rowindex={1}
          className="flex w-full border-b border-slate-200 bg-slate-100 text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
        >
          <div className="grid-pinned bg-inherit">
            <div role="columnheader" aria-colindex={1} aria-label="Selection" className="grid-select">
              {interaction && contacts && (
                <SelectAllCheckbox
                  state={pageState}
                  onChange={(selected) =>
                    interaction.onSelectionChange(setRowsSelected(selection, contacts, selected))
                  }
                />
              )}
            </div>
            {headerCell(0)}
          </div>
          {spacer > 0 && <div aria-hidden="true" style={{ width: spacer, flex: 'none' }} />}
          {range(firstColumn, lastColumn).map(headerCell)}
        </div>
      </div>
      {contacts === null ? (
        <SkeletonRows rowHeight={rowHeight} />
      ) : (
        <ContactsTableBody
          key={rowHeight}
          contacts={shown}
          columns={visibleColumns}
          layout={layout}
          firstColumn={firstColumn}
          lastColumn={lastColumn}
          spacer={spacer}
          rowHeight={rowHeight}
          scrollRef={scrollRef}
          scrollResetKey={scrollResetKey}
          interaction={interaction}
          handleRef={ref}
        />
      )}
    </div>
  );
}

function range(from: number, to: number): number[] {
  const numbers: number[] = [];
  for (let n = from; n <= to; n++) numbers.push(n);
  return numbers;
}

type HeaderCellProps = {
  column: Column<Contact, unknown>;
  index: number;
  layout: GridGeometry;
  scrollRef: RefObject<HTMLDivElement | null>;
  onResize: ((columnId: string, width: number) => void) | undefined;
};

const SORT_ARIA = { asc: 'ascending', desc: 'descending' } as const;

function HeaderCell({ column, index, layout, scrollRef, onResize }: HeaderCellProps) {
  const label = column.columnDef.meta?.label ?? column.id;
  const sorted = column.getIsSorted();
  const canSort = column.getCanSort();
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
      {canSort ? (
        <button
          type="button"
          onClick={column.getToggleSortingHandler()}
          className="flex h-full w-full items-center gap-1 truncate text-left font-semibold"
        >
          <span className="truncate">{label}</span>
          {sorted && <span aria-hidden="true">{sorted === 'asc' ? '▲' : '▼'}</span>}
        </button>
      ) : (
        label
      )}
      {onResize && (
        <ResizeHandle
          columnId={column.id}
          label={label}
          width={layout.widths[index] ?? column.getSize()}
          rowWidth={(layout.starts.at(-1) ?? 0) + (layout.widths.at(-1) ?? 0)}
          scrollRef={scrollRef}
          onResize={onResize}
        />
      )}
    </div>
  );
}

type ResizeHandleProps = {
  columnId: string;
  label: string;
  width: number;
  rowWidth: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  onResize: (columnId: string, width: number) => void;
};

/**
 * The right edge of a header: drag it (or use the arrow keys) to resize the column. While
 * dragging only the grid's CSS variables change, so no cell re-renders; the width is committed
 * (and remembered) when the pointer is released.
 */
function ResizeHandle({ columnId, label, width, rowWidth, scrollRef, onResize }: ResizeHandleProps) {
  const drag = useRef<{ startX: number; width: number } | null>(null);

  const preview = (next: number) => {
    const grid = scrollRef.current;
    grid?.style.setProperty(`--col-${columnId}`, `${next}px`);
    grid?.style.setProperty('--row-width', `${rowWidth - width + next}px`);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current.width = clampWidth(width + event.clientX - drag.current.startX);
    preview(drag.current.width);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    const next = drag.current.width;
    drag.current = null;
    if (next !== width) onResize(columnId, next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    onResize(columnId, clampWidth(width + (event.key === 'ArrowRight' ? 1 : -1) * KEYBOARD_RESIZE_STEP));
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
      className="absolute top-0 right-0 h-full w-2 cursor-col-resize touch-none hover:bg-sky-400/60 focus-visible:bg-sky-500"
    />
  );
}

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

type BodyProps = {
  contacts: readonly Contact[];
  columns: Column<Contact, unknown>[];
  layout: GridGeometry;
  firstColumn: number;
  lastColumn: number;
  spacer: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  scrollResetKey: string;
  interaction: ContactsTableInteraction | undefined;
  handleRef: Ref<ContactsTableHandle> | undefined;
};

const INTERACTIVE = 'a, button, input, label, select, textarea, [role="separator"]';

function rowElement(grid: HTMLElement | null, index: number): HTMLElement | null {
  return grid?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${index + 2}"]`) ?? null;
}

/** The index of the contact row an element is in, if any. */
function rowIndexOf(element: EventTarget | null): number | null {
  if (!(element instanceof Element)) return null;
  const index = Number(element.closest('[role="row"]')?.getAttribute('aria-rowindex')) - 2;
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/** The index of the row holding focus inside the grid, if any. */
function focusedIndex(grid: HTMLElement | null): number | null {
  const active = document.activeElement;
  return grid?.contains(active) ? rowIndexOf(active) : null;
}

/** The rendered row indexes, plus one more (kept in order) if it is not among them. */
function withRow(indexes: number[], extra: number | null, count: number): number[] {
  if (extra === null || extra >= count || indexes.includes(extra)) return indexes;
  return [...indexes, extra].sort((a, b) => a - b);
}

/** The rows of the page; the row virtualizer lives here so that scrolling re-renders only the body. */
function ContactsTableBody({
  contacts,
  columns,
  layout,
  firstColumn,
  lastColumn,
  spacer,
  rowHeight,
  scrollRef,
  scrollResetKey,
  interaction,
  handleRef,
}: BodyProps) {
  // The row holding focus stays rendered (and keeps its element) while it is scrolled out of view,
  // so focus never lands on an element recycled for another contact.
  const focusedRow = useRef<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here, see above
  const rowVirtualizer = useVirtualizer({
    count: contacts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // The sticky header sits above the first row inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    overscan: ROW_OVERSCAN,
    rangeExtractor: (range: Range) => withRow(defaultRangeExtractor(range), focusedRow.current, range.count),
  });
  const indexes = rowVirtualizer.getVirtualItems().map((item) => item.index);
  const slots = useRef<RowSlots>(new Map());
  const rowSlots = assignRowSlots(slots.current, indexes);
  const rowIdPrefix = useId();
  const rowId = (index: number) => `${rowIdPrefix}row-${rowSlots.get(index)}`;
  useLayoutEffect(() => {
    slots.current = rowSlots;
  });
  // Back to the top for a new page or filter. The virtualizer knows the offset, so reading it
  // forces no layout; writing happens only when there is somewhere to go.
  useLayoutEffect(() => {
    if ((rowVirtualizer.scrollOffset ?? 0) > 0) rowVirtualizer.scrollToOffset(0);
  }, [rowVirtualizer, scrollResetKey]);

  // Callbacks for the memoised rows read the latest props through a ref, so rows never re-render
  // because a parent created a new function.
  const latest = useRef({ contacts, interaction });
  useLayoutEffect(() => {
    latest.current = { contacts, interaction };
  });
  const anchorId = useRef<string | null>(null);
  const pendingFocus = useRef<number | null>(null);

  const actions = useMemo<RowActions>(() => {
    const toggle = (contact: Contact, extend: boolean) => {
      const { contacts: shown, interaction: now } = latest.current;
      if (!now) return;
      now.onSelectionChange(
        extend
          ? selectRange(now.selection, shown, anchorId.current, contact)
          : toggleRow(now.selection, contact),
      );
      anchorId.current = contact.id;
    };
    const open = (contact: Contact) => latest.current.interaction?.onOpen(contact);
    return { toggle, open };
  }, []);

  // A row asked to take focus may only exist once the virtualizer has rendered it.
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const element = rowElement(scrollRef.current, pendingFocus.current);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  useImperativeHandle(
    handleRef,
    () => ({
      moveFocus(direction) {
        const next = nextRowIndex(focusedIndex(scrollRef.current), direction, latest.current.contacts.length);
        if (next === null) return;
        rowVirtualizer.scrollToIndex(next, { align: 'auto' });
        const element = rowElement(scrollRef.current, next);
        if (element) element.focus({ preventScroll: true });
        else pendingFocus.current = next;
      },
      focusContact(id) {
        const index = latest.current.contacts.findIndex((contact) => contact.id === id);
        if (index === -1) return;
        const element = rowElement(scrollRef.current, index);
        if (element) element.focus({ preventScroll: true });
        else {
          rowVirtualizer.scrollToIndex(index, { align: 'auto' });
          pendingFocus.current = index;
        }
      },
      focusedContact() {
        const index = focusedIndex(scrollRef.current);
        return index === null ? null : (latest.current.contacts[index] ?? null);
      },
      toggleSelected(contact) {
        actions.toggle(contact, false);
      },
      shownContacts() {
        return [...latest.current.contacts];
      },
    }),
    [rowVirtualizer, actions, scrollRef],
  );

  const selection = interaction?.selection ?? NO_SELECTION;
  return (
    <div
      role="rowgroup"
      className="grid-body"
      // The row elements stand in slot order (see inSlotOrder); this gives assistive technology the row order.
      aria-owns={indexes.map(rowId).join(' ')}
      style={{ height: contacts.length * rowHeight }}
      onFocus={(event) => {
        focusedRow.current = rowIndexOf(event.target);
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
          focusedRow.current = null;
      }}
    >
      {inSlotOrder(indexes, rowSlots).map((index) => {
        const contact = contacts[index];
        return contact ? (
          <ContactRow
            key={rowSlots.get(index)}
            id={rowId(index)}
            contact={contact}
            index={index}
            columns={columns}
            layout={layout}
            firstColumn={firstColumn}
            lastColumn={lastColumn}
            spacer={spacer}
            rowHeight={rowHeight}
            selected={selection.has(contact.id)}
            actions={interaction ? actions : null}
          />
        ) : null;
      })}
    </div>
  );
}

type RowActions = { toggle: (contact: Contact, extend: boolean) => void; open: (contact: Contact) => void };

type RowProps = {
  /** The element's id, fixed per slot, for the row group's aria-owns. */
  id: string;
  contact: Contact;
  index: number;
  columns: Column<Contact, unknown>[];
  layout: GridGeometry;
  firstColumn: number;
  lastColumn: number;
  spacer: number;
  rowHeight: number;
  selected: boolean;
  actions: RowActions | null;
};

/** Memoised on primitive and stable props: a row already on screen does not re-render while scrolling. */
const ContactRow = memo(function ContactRow({
  id,
  contact,
  index,
  columns,
  layout,
  firstColumn,
  lastColumn,
  spacer,
  rowHeight,
  selected,
  actions,
}: RowProps) {
  const cell = (column: number) => {
    const definition = columns[column];
    const view = definition?.columnDef.meta?.render(contact);
    return definition ? (
      <div
        key={definition.id}
        role="gridcell"
        aria-colindex={column + 2}
        className={layout.cellClasses[column]}
        style={layout.cellStyles[column]}
        title={view?.title}
      >
        {view?.content}
      </div>
    ) : null;
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!actions || (event.target instanceof Element && event.target.closest(INTERACTIVE))) return;
    event.currentTarget.focus({ preventScroll: true });
    actions.open(contact);
  };
  const stripe = selected
    ? 'bg-sky-100 dark:bg-sky-950'
    : index % 2
      ? 'bg-slate-50 dark:bg-slate-900'
      : 'bg-white dark:bg-slate-950';
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={actions ? selected : undefined}
      tabIndex={-1}
      onClick={onClick}
      title={contact.id === '' ? NO_ID_TITLE : undefined}
      className={`grid-row border-b border-slate-100 hover:bg-sky-50 focus-visible:outline-offset-[-2px] dark:border-slate-800/70 dark:hover:bg-slate-800 ${actions && contact.id !== '' ? 'cursor-pointer' : ''} ${stripe}`}
      style={{ transform: `translateY(${index * rowHeight}px)` }}
    >
      <div className="grid-pinned bg-inherit">
        <div role="gridcell" aria-colindex={1} className="grid-select">
          {actions && (
            <input
              type="checkbox"
              // Not a tab stop per row: the keyboard selects the focused row with x.
              tabIndex={-1}
              aria-label={`Select ${contact.email || contact.full_name || contact.id}`}
              // Selection is kept by id: a record without one cannot be selected.
              disabled={contact.id === ''}
              checked={selected}
              onChange={() => undefined}
              onClick={(event) => actions.toggle(contact, event.shiftKey)}
              className="accent-sky-700"
            />
          )}
        </div>
        {cell(0)}
      </div>
      {spacer > 0 && <div aria-hidden="true" style={{ width: spacer, flex: 'none' }} />}
      {range(firstColumn, lastColumn).map(cell)}
    </div>
  );
});

const skeletonWidths = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6'];

/** Placeholder rows for the first load, so the layout does not jump when the rows arrive. */
function SkeletonRows({ rowHeight }: { rowHeight: number }) {
  return (
    <div aria-hidden="true" className="flex flex-col">
      {Array.from({ length: SKELETON_ROWS }, (_, row) => (
        <div
          key={row}
          className="flex gap-6 border-b border-slate-100 px-3 dark:border-slate-800/70"
          style={{ height: rowHeight }}
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
