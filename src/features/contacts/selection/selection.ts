/**
 * Row selection as pure functions over an immutable Map (id -> row), so a selection can span
 * pages and still be exported without fetching its rows again.
 */

export type Selection<Row> = ReadonlyMap<string, Row>;

/** A row is identified by its id; a row whose record came without one ('') is never selected. */
type Identified = { id: string };

export function toggleRow<Row extends Identified>(selection: Selection<Row>, row: Row): Selection<Row> {
  if (row.id === '') return selection;
  const next = new Map(selection);
  if (next.has(row.id)) next.delete(row.id);
  else next.set(row.id, row);
  return next;
}

/**
 * Shift-click: every row from the anchor (the last row clicked without Shift) to the target gets
 * the state the target is being given, as in a file manager. Without a usable anchor it is a toggle.
 */
export function selectRange<Row extends Identified>(
  selection: Selection<Row>,
  rows: readonly Row[],
  anchorId: string | null,
  target: Row,
): Selection<Row> {
  const from = anchorId === null ? -1 : rows.findIndex((row) => row.id === anchorId);
  const to = rows.findIndex((row) => row.id === target.id);
  if (from === -1 || to === -1) return toggleRow(selection, target);
  const select = !selection.has(target.id);
  const next = new Map(selection);
  for (const row of rows.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (row.id === '') continue;
    if (select) next.set(row.id, row);
    else next.delete(row.id);
  }
  return next;
}

export function setRowsSelected<Row extends Identified>(
  selection: Selection<Row>,
  rows: readonly Row[],
  selected: boolean,
): Selection<Row> {
  const next = new Map(selection);
  for (const row of rows) {
    if (row.id === '') continue;
    if (selected) next.set(row.id, row);
    else next.delete(row.id);
  }
  return next;
}

/** For the header checkbox: checked, unchecked or mixed. */
export function pageSelectionState(
  selection: Selection<Identified>,
  rows: readonly Identified[],
): 'all' | 'some' | 'none' {
  // Nothing selected is the usual case: then the grid's renders need no walk over a 2000-row page.
  if (selection.size === 0) return 'none';
  let count = 0;
  let selectable = 0;
  for (const row of rows) {
    if (row.id === '') continue;
    selectable++;
    if (selection.has(row.id)) count++;
  }
  if (count === 0) return 'none';
  return count === selectable ? 'all' : 'some';
}

/** Emails of the selection for pasting into a mail client: one per line, blanks and repeats dropped. */
export function selectedEmails(rows: Iterable<{ email: string | null }>): string {
  const emails = new Set<string>();
  for (const row of rows) {
    const email = row.email?.trim();
    if (email) emails.add(email);
  }
  return [...emails].join('\n');
}

/**
 * The selected rows in selection order, each as the page now shown has it when it is there: a
 * column shown since the row was selected is in the page's copy, not in the one selected.
 */
export function selectedRows<Row extends Identified>(
  selection: Selection<Row>,
  pageRows: readonly Row[],
): Row[] {
  const onPage = new Map(pageRows.map((row) => [row.id, row]));
  return [...selection.values()].map((row) => onPage.get(row.id) ?? row);
}
