import {
  useTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
} from '@tanstack/react-table';
import type { Contact } from '../../../shared/contract';
import { contactTableFeatures, type ContactColumn, type ContactTable } from './contact-table';

type ContactsTableOptions = {
  /** The page's contacts in the API's order. */
  contacts: Contact[];
  columns: ContactColumn[];
  columnVisibility: ColumnVisibilityState;
  columnOrder?: ColumnOrderState;
  columnSizing?: ColumnSizingState;
  /** Whether a header click sorts the page; not for the placeholder grid. */
  sortable: boolean;
};

const NO_COLUMN_ORDER: ColumnOrderState = [];
const NO_COLUMN_SIZING: ColumnSizingState = {};

/**
 * The grid's table: its row model is the one owner of the rows as shown, sorted within the page
 * by a header click (the table keeps that sorting state itself). Column order, visibility and
 * widths come from the column layout.
 */
export function useContactsTable({
  contacts,
  columns,
  columnVisibility,
  columnOrder = NO_COLUMN_ORDER,
  columnSizing = NO_COLUMN_SIZING,
  sortable,
}: ContactsTableOptions): ContactTable {
  return useTable({
    features: contactTableFeatures,
    columns,
    data: contacts,
    state: { columnVisibility, columnOrder, columnSizing },
    enableSorting: sortable,
    enableSortingRemoval: true,
  });
}
