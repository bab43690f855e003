/** The contact browser's keyboard shortcuts: one table, read by the handler and by the "?" dialog. */

export type ShortcutAction =
  'next-row' | 'previous-row' | 'open-row' | 'toggle-row' | 'focus-search' | 'close' | 'help';

export const SHORTCUTS: ReadonlyArray<{
  keys: readonly string[];
  action: ShortcutAction;
  description: string;
}> = [
  { keys: ['↓', 'j'], action: 'next-row', description: 'Move to the next row' },
  { keys: ['↑', 'k'], action: 'previous-row', description: 'Move to the previous row' },
  { keys: ['Enter'], action: 'open-row', description: 'Open the focused contact' },
  { keys: ['x'], action: 'toggle-row', description: 'Select or unselect the focused row' },
  { keys: ['/'], action: 'focus-search', description: 'Search by email' },
  { keys: ['Esc'], action: 'close', description: 'Close what is open' },
  { keys: ['?'], action: 'help', description: 'Show these shortcuts' },
];

/** What the handler needs to know about a keydown. */
export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focus is somewhere typing goes: an input, textarea, select or contenteditable. */
  inEditable: boolean;
  /** The focus is on a row of the grid (Enter and x mean something only there). */
  onRow: boolean;
};

const ROW_KEYS: Record<string, ShortcutAction> = {
  ArrowDown: 'next-row',
  j: 'next-row',
  ArrowUp: 'previous-row',
  k: 'previous-row',
};

/**
 * The action for a key press, or null to let the browser have it. Letters never fire while
 * typing, and modified keys (Ctrl/Cmd/Alt) are left alone so browser and screen reader
 * shortcuts keep working.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') return 'close';
  if (press.inEditable) return null;
  if (press.key === '?') return 'help';
  if (press.key === '/') return 'focus-search';
  const rowAction = ROW_KEYS[press.key];
  if (rowAction) return rowAction;
  if (!press.onRow) return null;
  if (press.key === 'Enter') return 'open-row';
  if (press.key === 'x') return 'toggle-row';
  return null;
}

/** The row to focus after moving, kept within the page. */
export function nextRowIndex(
  current: number | null,
  action: 'next-row' | 'previous-row',
  rowCount: number,
): number | null {
  if (rowCount === 0) return null;
  if (current === null) return action === 'next-row' ? 0 : rowCount - 1;
  const next = current + (action === 'next-row' ? 1 : -1);
  return Math.min(rowCount - 1, Math.max(0, next));
}
