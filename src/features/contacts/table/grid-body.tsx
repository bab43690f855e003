import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useId, useLayoutEffect, useMemo, useRef, type Ref, type RefObject } from 'react';
import {
  observeRectAfterLayout,
  screenRect,
  scrollAfterLayout,
} from '../../../lib/observe-rect-after-layout';
import type { Contact } from '../../../shared/contract';
import { selectRange, toggleRow, type Selection } from '../selection/selection';
import { HEADER_HEIGHT, type GridGeometry } from './column-sizing';
import type { ColumnWindow } from './column-window';
import type { ContactRow, ContactTableColumn } from './contact-table';
import { focusLeaves, rowIndexOf, useGridFocus, withRow, type GridHandle } from './grid-focus';
import { GridRow, type RowActions } from './grid-row';
import { assignRowSlots, inSlotOrder, type RowSlots } from './row-slots';

/** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space. */
const ROW_OVERSCAN = 8;

/** Selection and opening: absent for rows that are only shown. */
export type RowInteraction = {
  selection: Selection<Contact>;
  onSelectionChange: (selection: Selection<Contact>) => void;
  onOpen: (contact: Contact) => void;
};

type GridBodyProps = {
  rows: readonly ContactRow[];
  columns: readonly ContactTableColumn[];
  layout: GridGeometry;
  columnWindow: ColumnWindow;
  rowHeight: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  scrollResetKey: string;
  interaction: RowInteraction | undefined;
  focusRef: Ref<GridHandle> | undefined;
};

const NO_SELECTION: Selection<Contact> = new Map();

/** The rows of the page; the row virtualizer lives here so that scrolling re-renders only the body. */
export function GridBody({
  rows,
  columns,
  layout,
  columnWindow,
  rowHeight,
  scrollRef,
  scrollResetKey,
  interaction,
  focusRef,
}: GridBodyProps) {
  // Callbacks for the memoised rows read the latest props through a ref, so rows never re-render
  // because a parent created a new function.
  const latest = useRef({ rows, interaction });
  useLayoutEffect(() => {
    latest.current = { rows, interaction };
  });
  const shownContacts = useMemo(() => () => latest.current.rows.map((row) => row.original), []);
  const anchorId = useRef<string | null>(null);
  const toggle = useMemo(
    () => (contact: Contact, extend: boolean) => {
      const now = latest.current.interaction;
      if (!now) return;
      now.onSelectionChange(
        extend
          ? selectRange(now.selection, shownContacts(), anchorId.current, contact)
          : toggleRow(now.selection, contact),
      );
      anchorId.current = contact.id;
    },
    [shownContacts],
  );

  // The row holding focus stays rendered (and keeps its element) while it is scrolled out of view,
  // so focus never lands on an element recycled for another contact.
  const focusedRow = useRef<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this project
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    initialRect: screenRect(),
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterLayout,
    estimateSize: () => rowHeight,
    // The sticky header sits above the first row inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    overscan: ROW_OVERSCAN,
    rangeExtractor: (range: Range) => withRow(defaultRangeExtractor(range), focusedRow.current, range.count),
  });
  const register = useGridFocus({
    handleRef: focusRef,
    contacts: shownContacts,
    rowVirtualizer,
    toggle,
    focused: focusedRow,
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

  const actions = useMemo<RowActions>(
    () => ({ toggle, open: (contact) => latest.current.interaction?.onOpen(contact), register }),
    [toggle, register],
  );

  const selection = interaction?.selection ?? NO_SELECTION;
  return (
    <div
      role="rowgroup"
      className="grid-body"
      // The row elements stand in slot order (see inSlotOrder); this gives assistive technology the row order.
      aria-owns={indexes.map(rowId).join(' ')}
      style={{ height: rows.length * rowHeight }}
      onFocus={(event) => {
        focusedRow.current = rowIndexOf(event.target);
      }}
      onBlur={(event) => {
        if (focusLeaves(event)) focusedRow.current = null;
      }}
    >
      {inSlotOrder(indexes, rowSlots).map((index) => {
        const row = rows[index];
        return row ? (
          <GridRow
            key={rowSlots.get(index)}
            id={rowId(index)}
            row={row}
            index={index}
            columns={columns}
            layout={layout}
            columnWindow={columnWindow}
            rowHeight={rowHeight}
            selected={selection.has(row.original.id)}
            actions={interaction ? actions : null}
          />
        ) : null;
      })}
    </div>
  );
}
