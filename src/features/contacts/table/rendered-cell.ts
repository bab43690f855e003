import { constructCell } from '@tanstack/react-table';
import type { ContactCell, ContactRow, ContactTableColumn } from './contact-table';

/**
 * The cell of a row for one rendered column, made when the row renders it. `row.getAllCells()`
 * makes one cell for every column (shown or not) on first use and keeps them on the row, so
 * scrolling through a page built and held cells for every field of every row it passed; only the
 * cells in the column window are needed.
 */
export function renderedCell(row: ContactRow, column: ContactTableColumn): ContactCell {
  return constructCell(column, row, row.table);
}
