import { constructCell } from '@tanstack/react-table';
import { cell_getContext } from '@tanstack/react-table/static-functions';
import type { ReactNode } from 'react';
import type { ContactCellContext, ContactRow, ContactTableColumn } from './contact-table';

/**
 * What a row shows in one rendered column: the column's cell template applied to the cell's
 * context. Three deviations from TanStack's usual `flexRender(cell.column.columnDef.cell,
 * cell.getContext())`, all because every row entering the view while scrolling pays them:
 * - The cell is made for this column only. `row.getAllCells()` makes one for every column,
 *   shown or not, on first use and keeps them on the row, so a scroll through a page built and
 *   held cells for every field of every row it passed.
 * - The context comes from the static `cell_getContext`: the `cell.getContext()` method memoizes
 *   per cell, and a cell made for one render is never asked twice.
 * - The template is called rather than mounted: flexRender makes a function template a component,
 *   two React fibers more per cell (the component and its text). The grid's cell templates are
 *   plain functions of the row and must stay so: no hooks in them.
 */
export function renderedCellContent(row: ContactRow, column: ContactTableColumn): ReactNode {
  const template = column.columnDef.cell;
  if (typeof template !== 'function') return template ?? null;
  // The static function types getValue for the column's value only; the template's context lets
  // it ask for a narrower type, as `cell.getContext()` does.
  const context = cell_getContext(constructCell(column, row, row.table)) as ContactCellContext;
  return template(context) as ReactNode;
}
