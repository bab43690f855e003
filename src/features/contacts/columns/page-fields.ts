import { useMemo } from 'react';
import { CUSTOM_FIELD_PATTERN, ROW_FIELDS, fieldListValue, isRecord } from '../../../shared/contract';
import { withCustomFieldColumns } from '../table/columns';
import { recordFieldOf } from '../table/local-time';
import { localTimeColumn } from '../table/local-time-column';
import { decodeLayoutParam, resolveLayout, type ColumnLayout } from './column-layout';
import { columnOptions, tableColumnState } from './column-options';
import { pendingSharedLayout } from './shared-view-link';
import { readStoredColumnLayout, useStoredColumnLayout } from './use-column-layout';

/**
 * The fields a contacts page is asked for (`fields=`): what the shown columns and every row read,
 * never the whole record, which the detail panel and the export fetch for themselves. Worked out
 * from the stored layout (or a shared link's, which the grid adopts) alone, so the request that
 * leaves before React starts and the grid's own query name the same set (custom columns are shown
 * only once all-fields has named them, but their fields are asked for from the start).
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

/**
 * The layout a workspace's page is asked for with: a shared link's, which the grid adopts once the
 * custom fields are known (its custom columns count from the start), else the stored one.
 */
function layoutToAskFor(workspace: string | null, stored: unknown): unknown {
  if (workspace === null) return null;
  const shared = pendingSharedLayout(workspace);
  return shared === null ? stored : sharedLinkLayout(shared);
}

/**
 * A shared link's `cols=` as the grid will adopt it, its custom columns taken as the workspace's
 * (all-fields, which names them, is asked for only after the page).
 */
export function sharedLinkLayout(layoutParam: string): ColumnLayout {
  const fixed = decodeLayoutParam(layoutParam, FIXED_OPTIONS);
  const custom = fixed.unknown.filter((id) => CUSTOM_FIELD_PATTERN.test(id));
  if (custom.length === 0) return fixed.layout;
  const options = columnOptions([
    ...withCustomFieldColumns(custom.map((code) => ({ code, label: code }))),
    localTimeColumn,
  ]);
  return decodeLayoutParam(layoutParam, options).layout;
}

/** The fields for a workspace's layout, read once: the page that leaves before React starts. */
export function storedPageFields(workspace: string | null, campaignSelected: boolean): string {
  const stored = workspace === null ? null : readStoredColumnLayout(workspace);
  return pageFields(layoutToAskFor(workspace, stored), campaignSelected);
}

/** The same, following layout changes: showing a column asks for the page with its field. */
export function usePageFields(workspace: string | null, campaignSelected: boolean): string {
  const stored = useStoredColumnLayout(workspace ?? '');
  return useMemo(
    () => pageFields(layoutToAskFor(workspace, stored), campaignSelected),
    [workspace, stored, campaignSelected],
  );
}
