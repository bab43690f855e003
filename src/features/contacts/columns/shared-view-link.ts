import type { ContactFilters } from '../params/filter-params';
import { writeFilters } from '../params/filter-params';
import { encodeLayoutParam, type ColumnLayout } from './column-layout';

/**
 * "Copy link to this view": the filters' URL plus the column layout as `cols=`. Opening such a
 * link adopts its layout for the workspace (saved like any change) and drops `cols` from the
 * address, so the URL goes on holding the filters only and the layout lives in one place.
 */
export const LAYOUT_PARAM = 'cols';

export function viewLink(
  origin: string,
  pathname: string,
  filters: ContactFilters,
  layout: ColumnLayout,
): string {
  const query = writeFilters({ ...filters, contact: null });
  const cols = `${LAYOUT_PARAM}=${encodeLayoutParam(layout)}`;
  return `${origin}${pathname}${query === '' ? `?${cols}` : `${query}&${cols}`}`;
}

/** Splits a link's query into its layout value (if any) and the query without it. */
export function splitLayoutParam(search: string): { layoutParam: string | null; rest: string } {
  const params = new URLSearchParams(search);
  const layoutParam = params.get(LAYOUT_PARAM);
  params.delete(LAYOUT_PARAM);
  const rest = params.toString();
  return { layoutParam, rest: rest === '' ? '' : `?${rest}` };
}

let pending: { workspace: string | null; layoutParam: string } | null = null;

/**
 * Run once before the app renders: takes `cols` out of the address (before the filters read it,
 * which would call it an unknown parameter) and keeps it until the workspace's columns are known.
 */
export function takeSharedLayoutFromUrl(): void {
  const { layoutParam, rest } = splitLayoutParam(window.location.search);
  if (layoutParam === null) return;
  pending = { workspace: new URLSearchParams(rest).get('workspace'), layoutParam };
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${rest}${window.location.hash}`,
  );
}

/** The shared layout waiting for this workspace, left waiting: what its first page will show. */
export function pendingSharedLayout(workspace: string): string | null {
  return pending !== null && pending.workspace === workspace ? pending.layoutParam : null;
}

/** The shared layout for this workspace, handed out once. */
export function claimSharedLayout(workspace: string): string | null {
  if (pending === null || pending.workspace !== workspace) return null;
  const { layoutParam } = pending;
  pending = null;
  return layoutParam;
}
