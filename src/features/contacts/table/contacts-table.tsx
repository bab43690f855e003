import { useEffect, useMemo, useRef, type Ref } from 'react';
import { whenIdle } from '../../../lib/when-idle';
import { pageSelectionState, setRowsSelected } from '../selection/selection';
import { gridGeometry } from './column-sizing';
import { useColumnWindow } from './column-window';
import type { ContactTable } from './contact-table';
import { prepareFormatters } from './format';
import { GridBody, type RowInteraction } from './grid-body';
import type { GridHandle } from './grid-focus';
import { GridHeader } from './grid-header';
import { SkeletonRows } from './skeleton-rows';

/** Row heights per density; every row is exactly this tall, so the virtualizer never measures a row. */
export const ROW_HEIGHTS = { comfortable: 36, compact: 28 } as const;

type ContactsTableProps = {
  table: ContactTable;
  /** No page has loaded yet: the grid shows skeleton rows. */
  placeholder?: boolean;
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
  /** Selection and opening: absent for the placeholder grid shown while loading. */
  interaction?: RowInteraction;
  ref?: Ref<GridHandle>;
};

/** The contacts grid: a sticky header over virtualized rows, in one scroller. */
export function ContactsTable({
  table,
  placeholder = false,
  onColumnResize,
  rowHeight = ROW_HEIGHTS.comfortable,
  busy,
  stale = false,
  scrollResetKey,
  interaction,
  ref,
}: ContactsTableProps) {
  const visibleColumns = table.getVisibleLeafColumns();
  const layout = useMemo(() => gridGeometry(visibleColumns, rowHeight), [visibleColumns, rowHeight]);
  const { rows } = table.getRowModel();
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
  const columnWindow = useColumnWindow(visibleColumns.length, layout, scrollRef);
  // A campaign's columns are times, written by Intl, whose first use loads the locale data: the
  // time formatters are made once rows are on screen and the browser is idle, not ahead of them.
  useEffect(() => {
    if (!placeholder) return whenIdle(prepareFormatters);
  }, [placeholder]);

  const contacts = table.options.data;
  const selectAll =
    interaction && !placeholder
      ? {
          state: pageSelectionState(interaction.selection, contacts),
          onChange: (selected: boolean) =>
            interaction.onSelectionChange(setRowsSelected(interaction.selection, contacts, selected)),
        }
      : null;

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Contacts"
      aria-rowcount={placeholder ? -1 : rows.length + 1}
      aria-colcount={visibleColumns.length + 1}
      aria-busy={busy || placeholder}
      data-stale={stale || undefined}
      aria-multiselectable={interaction ? true : undefined}
      tabIndex={0}
      className="grid-scroller min-h-0 flex-1 bg-white text-sm dark:bg-slate-950 focus-visible:outline-offset-[-2px]"
      style={layout.gridStyle}
    >
      <GridHeader
        headers={table.getHeaderGroups()[0]?.headers ?? []}
        layout={layout}
        columns={columnWindow}
        selectAll={selectAll}
        scrollRef={scrollRef}
        onColumnResize={onColumnResize}
      />
      {placeholder ? (
        <SkeletonRows rowHeight={rowHeight} />
      ) : (
        <GridBody
          key={rowHeight}
          rows={rows}
          columns={visibleColumns}
          layout={layout}
          columnWindow={columnWindow}
          rowHeight={rowHeight}
          scrollRef={scrollRef}
          scrollResetKey={scrollResetKey}
          interaction={interaction}
          focusRef={ref}
        />
      )}
    </div>
  );
}
