import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { columnLayoutStorageKey, resolveLayout, type ColumnLayout, type ColumnOption } from './column-layout';

/**
 * The column layout of a workspace, kept in localStorage so it survives reloads (and follows
 * changes made in another tab). Storage can be unavailable or full (private windows, quotas): the
 * layout then lasts for this page only, kept in memory.
 */

const listeners = new Set<() => void>();
const memory = new Map<string, string | null>();

function emit(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function readStored(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
    memory.delete(key);
  } catch {
    memory.set(key, value);
  }
  emit();
}

function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Saves a layout for a workspace, e.g. one adopted from a shared link before the table mounts. */
export function saveColumnLayout(workspace: string, layout: ColumnLayout): void {
  writeStored(columnLayoutStorageKey(workspace), JSON.stringify(layout));
}

export function useColumnLayout(workspace: string, options: readonly ColumnOption[]) {
  const key = columnLayoutStorageKey(workspace);
  // The snapshot is the stored text (a string compares by value), parsed once per change below.
  const stored = useSyncExternalStore(subscribe, () => readStored(key));
  const layout = useMemo(() => resolveLayout(parseStored(stored), options), [stored, options]);
  const setLayout = useCallback((next: ColumnLayout) => writeStored(key, JSON.stringify(next)), [key]);
  const resetLayout = useCallback(() => writeStored(key, null), [key]);
  return { layout, setLayout, resetLayout };
}
