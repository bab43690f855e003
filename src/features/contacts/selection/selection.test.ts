import { describe, expect, it } from 'vitest';
import {
  pageSelectionState,
  selectRange,
  selectedEmails,
  selectedRows,
  setRowsSelected,
  toggleRow,
} from './selection';

const row = (i: number) => ({ id: `c${i}`, email: `p${i}@x.example` });
const rows = Array.from({ length: 10 }, (_, i) => row(i));
const ids = (selection: ReadonlyMap<string, unknown>) => [...selection.keys()].sort();

describe('selection', () => {
  it('toggles one row', () => {
    const one = toggleRow(new Map(), row(2));
    expect(ids(one)).toEqual(['c2']);
    expect(ids(toggleRow(one, row(2)))).toEqual([]);
  });

  it('selects a shift-click range in either direction, and clears one the same way', () => {
    let selection = toggleRow(new Map(), row(2));
    selection = selectRange(selection, rows, 'c2', row(5));
    expect(ids(selection)).toEqual(['c2', 'c3', 'c4', 'c5']);
    selection = selectRange(selection, rows, 'c8', row(6));
    expect(ids(selection)).toEqual(['c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
    selection = selectRange(selection, rows, 'c3', row(4));
    expect(ids(selection)).toEqual(['c2', 'c5', 'c6', 'c7', 'c8']);
  });

  it('never selects a row whose record came without an id', () => {
    const idless = { id: '', email: 'n@x.example' };
    const page = [row(0), idless, row(1)];
    expect(ids(toggleRow(new Map(), idless))).toEqual([]);
    expect(ids(selectRange(toggleRow(new Map(), row(0)), page, 'c0', row(1)))).toEqual(['c0', 'c1']);
    const all = setRowsSelected(new Map(), page, true);
    expect(ids(all)).toEqual(['c0', 'c1']);
    expect(pageSelectionState(all, page)).toBe('all');
  });

  it('falls back to a toggle without an anchor on this page', () => {
    expect(ids(selectRange(new Map(), rows, null, row(4)))).toEqual(['c4']);
    expect(ids(selectRange(new Map(), rows, 'elsewhere', row(4)))).toEqual(['c4']);
  });

  it('selects and clears the whole page, keeping rows of other pages', () => {
    const other = { id: 'z', email: 'z@x.example' };
    let selection = toggleRow(new Map(), other);
    selection = setRowsSelected(selection, rows, true);
    expect(selection.size).toBe(11);
    expect(pageSelectionState(selection, rows)).toBe('all');
    selection = toggleRow(selection, row(0));
    expect(pageSelectionState(selection, rows)).toBe('some');
    selection = setRowsSelected(selection, rows, false);
    expect(ids(selection)).toEqual(['z']);
    expect(pageSelectionState(selection, rows)).toBe('none');
  });

  it('lists selected emails once each, one per line, without blanks', () => {
    expect(
      selectedEmails([
        { email: 'a@x.example' },
        { email: null },
        { email: '  ' },
        { email: ' a@x.example ' },
        { email: 'b@x.example' },
      ]),
    ).toBe('a@x.example\nb@x.example');
  });
});

describe('selectedRows', () => {
  it('takes each selected row as the page now shown has it, and keeps the others as selected', () => {
    type Row = { id: string; city: string | null };
    const old: Row = { id: 'a', city: null };
    const elsewhere: Row = { id: 'b', city: null };
    const selection = new Map<string, Row>([
      ['a', old],
      ['b', elsewhere],
    ]);
    const now = { id: 'a', city: 'Oslo' };
    expect(selectedRows(selection, [{ id: 'c', city: 'Rome' }, now])).toEqual([now, elsewhere]);
    expect(selectedRows(selection, [])).toEqual([old, elsewhere]);
  });
});
