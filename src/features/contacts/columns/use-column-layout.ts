import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { createStoredText } from '../../../lib/external-store';
import { columnLayoutStorageKey, resolveLayout, type ColumnLayout, type ColumnOption } from './column-layout';

/**
 * The column layout of a workspace, kept in localStorage so it survives reloads (and follows
 * changes made in another tab). Storage can be unavailable or full (private windows, quotas): the
 * layout then lasts for this page only, kept in memory.
 */

const storedText = createStoredText();

function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Adopts a layout for a workspace (a saved view being opened): every grid of it follows at once. */
export function storeColumnLayout(workspace: string, layout: ColumnLayout): void {
  storedText.write(columnLayoutStorageKey(workspace), JSON.stringify(layout));
}

/** A workspace's layout as stored, unchecked (null when none): read before React starts, too. */
export function readStoredColumnLayout(workspace: string): unknown {
  return parseStored(storedText.read(columnLayoutStorageKey(workspace)));
}

/** The same, following changes (this tab's and other tabs'). */
export function useStoredColumnLayout(workspace: string): unknown {
  const key = columnLayoutStorageKey(workspace);
  // The snapshot is the stored text (a string compares by value), parsed once per change below.
  const stored = useSyncExternalStore(storedText.subscribe, () => storedText.read(key));
  return useMemo(() => parseStored(stored), [stored]);
}

export function useColumnLayout(workspace: string, options: readonly ColumnOption[]) {
  const key = columnLayoutStorageKey(workspace);
  const stored = useStoredColumnLayout(workspace);
  const layout = useMemo(() => resolveLayout(stored, options), [stored, options]);
  const setLayout = useCallback((next: ColumnLayout) => storeColumnLayout(workspace, next), [workspace]);
  const resetLayout = useCallback(() => storedText.write(key, null), [key]);
  return { layout, setLayout, resetLayout };
}
