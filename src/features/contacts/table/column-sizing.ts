import type { CSSProperties } from 'react';
import type { ContactTableColumn } from './contact-table';

export const HEADER_HEIGHT = 36;
/** The checkbox column left of the pinned email column. */
export const SELECT_WIDTH = 40;

/** Where the visible columns stand, as px and as the CSS every cell of a column shares. */
export type GridGeometry = {
  /** Left edge of each visible column, in px (after the checkbox column). */
  starts: number[];
  widths: number[];
  /** The width of a whole row, in px. */
  rowWidth: number;
  /** Column widths as CSS variables on the grid: resizing changes one style, not every cell. */
  gridStyle: CSSProperties;
  cellStyles: CSSProperties[];
  cellClasses: string[];
};

export function gridGeometry(columns: readonly ContactTableColumn[], rowHeight: number): GridGeometry {
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
    gridStyle[columnWidthVariable(column.id)] = `${width}px`;
    left += width;
  }
  gridStyle['--row-width'] = `${left}px`;
  return {
    starts,
    widths,
    rowWidth: left,
    gridStyle,
    cellStyles: columns.map((column) => ({ width: `var(${columnWidthVariable(column.id)})` })),
    cellClasses: columns.map(
      (column) => `grid-cell${column.columnDef.meta?.align === 'end' ? ' text-right' : ''}`,
    ),
  };
}

export function columnWidthVariable(columnId: string): `--${string}` {
  return `--col-${columnId}`;
}
