import {
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  constructSortFn,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  type Cell,
  type CellContext,
  type Column,
  type ColumnDef,
  type Header,
  type ReactTable,
  type Row,
} from '@tanstack/react-table';
import type { Contact } from '../../../shared/contract';
import { compareCellValues } from './compare-cell-values';

/** What the grid knows of a column beyond TanStack's own options. */
export type ContactColumnMeta = {
  /** What a person calls the field; the header text and the accessible column name. */
  label: string;
  align: 'start' | 'end';
  defaultVisible: boolean;
  /** The API sends the value only when the list is filtered by a campaign. */
  campaignOnly: boolean;
  /**
   * A cell's hover title, set on the cell itself so plain text needs no element of its own, and
   * only while the pointer or focus is in its row.
   */
  title: (contact: Contact) => string | undefined;
};

/**
 * The grid's TanStack Table features: column order, visibility and sizes from the column layout,
 * and sorting within the page (Mailstand cannot sort the whole list).
 */
export const contactTableFeatures = tableFeatures({
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { cellValue: constructSortFn({ sort: compareCellValues }) },
  // Type-only: the value is ignored at run time.
  columnMeta: {} as ContactColumnMeta,
});

type Features = typeof contactTableFeatures;
export type ContactColumn = ColumnDef<Features, Contact, unknown>;
export type ContactTable = ReactTable<Features, Contact>;
export type ContactTableColumn = Column<Features, Contact, unknown>;
export type ContactHeader = Header<Features, Contact, unknown>;
export type ContactRow = Row<Features, Contact>;
export type ContactCell = Cell<Features, Contact, unknown>;
export type ContactCellContext = CellContext<Features, Contact, unknown>;
