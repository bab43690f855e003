import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { allFieldsQuery } from '../api/queries';
import { decodeLayoutParam, setColumnWidth } from '../columns/column-layout';
import { columnOptions, tableColumnState } from '../columns/column-options';
import { localTimeColumn } from '../table/local-time-column';
import { claimSharedLayout } from '../columns/shared-view-link';
import { useColumnLayout } from '../columns/use-column-layout';
import { withCustomFieldColumns } from '../table/columns';

/**
 * The grid's columns for a workspace: every field plus its custom fields, arranged by the
 * person's stored layout (or a shared link's, adopted once the custom fields are known).
 */
export function useGridColumns(workspaceId: string, campaignSelected: boolean) {
  const fields = useQuery(allFieldsQuery(workspaceId));
  const columns = useMemo(
    () => [...withCustomFieldColumns(fields.data ?? []), localTimeColumn],
    [fields.data],
  );
  const options = useMemo(() => columnOptions(columns), [columns]);
  const { layout, setLayout, resetLayout } = useColumnLayout(workspaceId, options);
  const state = useMemo(
    () => tableColumnState(layout, columns, campaignSelected),
    [layout, columns, campaignSelected],
  );
  /** The columns shown, in order, with their labels: what the grid shows is what is exported. */
  const shownColumns = useMemo(() => {
    const labels = new Map(columns.map((column) => [column.id, column.meta?.label ?? column.id]));
    return state.columnOrder.map((id) => ({ id, label: labels.get(id) ?? id }));
  }, [columns, state]);
  const resizeColumn = useCallback(
    (id: string, width: number) => setLayout(setColumnWidth(layout, id, width)),
    [layout, setLayout],
  );

  useEffect(() => {
    // Without the custom fields (all-fields failed) the link's other columns are still adopted:
    // its page was asked for with them.
    if (fields.isPending) return;
    const shared = claimSharedLayout(workspaceId);
    if (shared !== null) setLayout(decodeLayoutParam(shared, options).layout);
  }, [fields.isPending, workspaceId, options, setLayout]);

  return {
    columns,
    state,
    shownColumns,
    resizeColumn,
    arrangement: { options, layout, setLayout, resetLayout },
  };
}

/** How a person arranges the columns: the Columns dialog and the link to this view read it. */
export type ColumnArrangement = ReturnType<typeof useGridColumns>['arrangement'];
