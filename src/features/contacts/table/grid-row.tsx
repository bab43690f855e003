import { memo, useState, type MouseEvent, type ReactNode } from 'react';
import type { Contact } from '../../../shared/contract';
import { NO_ID_TITLE } from './cells';
import type { GridGeometry } from './column-sizing';
import { renderedColumns, type ColumnWindow } from './column-window';
import type { ContactRow, ContactTableColumn } from './contact-table';
import { focusLeaves } from './grid-focus';
import { renderedCellContent } from './rendered-cell';

/** What a click on a row or its checkbox does; absent for rows that cannot be opened or selected. */
export type RowActions = {
  toggle: (contact: Contact, extend: boolean) => void;
  open: (contact: Contact) => void;
  /** Keeps track of the row's element, for moving keyboard focus to it: a ref callback. */
  register: (element: HTMLElement | null) => (() => void) | undefined;
};

type GridRowProps = {
  /** The element's id, for the row group's aria-owns. */
  id: string;
  row: ContactRow;
  /** The row's position as shown (after sorting). */
  index: number;
  columns: readonly ContactTableColumn[];
  layout: GridGeometry;
  columnWindow: ColumnWindow;
  rowHeight: number;
  selected: boolean;
  actions: RowActions | null;
};

const INTERACTIVE = 'a, button, input, label, select, textarea, [role="separator"]';

/** Memoised on stable props: a row already on screen does not re-render while scrolling. */
export const GridRow = memo(function GridRow({
  id,
  row,
  index,
  columns,
  layout,
  columnWindow,
  rowHeight,
  selected,
  actions,
}: GridRowProps) {
  const contact = row.original;
  // Cells carry their hover titles only while the pointer or focus is in the row: a title change
  // restyles its element, and every scroll step would change the titles of each row it recycles.
  const [pointerInside, setPointerInside] = useState(false);
  const [focusInside, setFocusInside] = useState(false);
  const titled = pointerInside || focusInside;
  // One loop rather than a function per cell: every row entering the view renders all of them.
  const cells: ReactNode[] = [];
  for (const position of renderedColumns(columnWindow)) {
    const column = columns[position];
    cells.push(
      column ? (
        <div
          key={column.id}
          role="gridcell"
          aria-colindex={position + 2}
          className={layout.cellClasses[position]}
          style={layout.cellStyles[position]}
          title={titled ? column.columnDef.meta?.title(contact) : undefined}
        >
          {renderedCellContent(row, column)}
        </div>
      ) : null,
    );
  }
  const [pinnedCell, ...scrolledCells] = cells;
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
      ref={actions?.register}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={actions ? selected : undefined}
      tabIndex={-1}
      onClick={onClick}
      onPointerEnter={() => setPointerInside(true)}
      onPointerLeave={() => setPointerInside(false)}
      onFocus={() => setFocusInside(true)}
      onBlur={(event) => {
        if (focusLeaves(event)) setFocusInside(false);
      }}
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
        {pinnedCell}
      </div>
      {columnWindow.spacer > 0 && (
        <div aria-hidden="true" style={{ width: columnWindow.spacer, flex: 'none' }} />
      )}
      {scrolledCells}
    </div>
  );
});
