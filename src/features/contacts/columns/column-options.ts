import type { ColumnSizingState, ColumnVisibilityState } from '@tanstack/react-table';
import { visibleColumnIds, type ColumnLayout, type ColumnOption } from './column-layout';

/** The column every row is known by: always shown, first, pinned while scrolling sideways. */
export const PINNED_COLUMN = 'email';

type DescribedColumn = {
  id?: string;
  meta?: { label: string; defaultVisible: boolean; campaignOnly: boolean };
};

/** The column the campaign timestamps stay right after, so choosing a campaign shows them first. */
const CAMPAIGN_COLUMNS_FOLLOW = 'stage';

/** The columns a person can arrange (all but the pinned one), in default order, with notes. */
export function columnOptions(columns: readonly DescribedColumn[]): (ColumnOption & { note?: string })[] {
  const options: (ColumnOption & { note?: string })[] = [];
  for (const column of columns) {
    if (column.id === undefined || column.id === PINNED_COLUMN || column.meta === undefined) continue;
    const { label, defaultVisible, campaignOnly } = column.meta;
    options.push({
      id: column.id,
      label,
      // Campaign timestamps are shown by default whenever a campaign is chosen.
      defaultVisible: defaultVisible || campaignOnly,
      ...(campaignOnly ? { note: 'with a campaign', follows: CAMPAIGN_COLUMNS_FOLLOW } : {}),
    });
  }
  return options;
}

/**
 * TanStack's column state for a layout: the pinned column first, then the shown ones in order;
 * campaign-only columns appear only while a campaign is chosen (without one the API has no values).
 */
export function tableColumnState(
  layout: ColumnLayout,
  columns: readonly DescribedColumn[],
  campaignSelected: boolean,
): { columnOrder: string[]; columnVisibility: ColumnVisibilityState; columnSizing: ColumnSizingState } {
  const campaignOnly = new Set(
    columns.filter((column) => column.meta?.campaignOnly).map((column) => column.id ?? ''),
  );
  const shown = visibleColumnIds(layout).filter((id) => campaignSelected || !campaignOnly.has(id));
  const columnOrder = [PINNED_COLUMN, ...shown];
  const visible = new Set(columnOrder);
  const columnVisibility: ColumnVisibilityState = {};
  for (const column of columns)
    if (column.id !== undefined) columnVisibility[column.id] = visible.has(column.id);
  return { columnOrder, columnVisibility, columnSizing: { ...layout.widths } };
}
