import { useMemo } from 'react';
import { CUSTOM_FIELD_PATTERN, ROW_FIELDS, fieldListValue, isRecord } from '../../../shared/contract';
import { withCustomFieldColumns } from '../table/columns';
import { recordFieldOf } from '../table/local-time';
import { localTimeColumn } from '../table/local-time-column';
import { resolveLayout } from './column-layout';
import { columnOptions, tableColumnState } from './column-options';
import { readStoredColumnLayout, useStoredColumnLayout } from './use-column-layout';

/**
 * The fields a contacts page is asked for (`fields=`): what the shown columns and every row read,
 * never the whole record, which the detail panel and the export fetch for themselves. Worked out
 * from the stored layout alone, so the request that leaves before React starts and the grid's own
 * query name the same set (custom columns are shown only once all-fields has named them, but
 * their fields are asked for from the start).
 */

const FIXED_COLUMNS = [...withCustomFieldColumns([]), localTimeColumn];
const FIXED_OPTIONS = columnOptions(FIXED_COLUMNS);

/** `fields=` for a stored layout (anything, or null for none): sorted names joined by commas. */
export function pageFields(storedLayout: unknown, campaignSelected: boolean): string {
  const layout = resolveLayout(storedLayout, FIXED_OPTIONS);
  const { columnOrder } = tableColumnState(layout, FIXED_COLUMNS, campaignSelected);
  const storedVisible =
    isRecord(storedLayout) && Array.isArray(storedLayout.visible) ? storedLayout.visible : [];
  const custom = storedVisible.filter(
    (id): id is string => typeof id === 'string' && CUSTOM_FIELD_PATTERN.test(id),
  );
  return fieldListValue([...ROW_FIELDS, ...columnOrder.map(recordFieldOf), ...custom]);
}

/** The fields for a workspace's stored layout, read once: the page that leaves before React starts. */
export function storedPageFields(workspace: string | null, campaignSelected: boolean): string {
  return pageFields(workspace === null ? null : readStoredColumnLayout(workspace), campaignSelected);
}

/** The same, following layout changes: showing a column asks for the page with its field. */
export function usePageFields(workspace: string | null, campaignSelected: boolean): string {
  const stored = useStoredColumnLayout(workspace ?? '');
  return useMemo(
    () => pageFields(workspace === null ? null : stored, campaignSelected),
    [workspace, stored, campaignSelected],
  );
}
