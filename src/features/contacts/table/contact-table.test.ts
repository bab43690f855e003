import { constructTable, tableFeatures, type SortingState } from '@tanstack/react-table';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';
import { readAnswer, readContactAnswer, type Contact } from '../../../shared/contract';
import { CONTACT_COLUMNS } from './columns';
import { compareCellValues } from './compare-cell-values';
import { contactTableFeatures } from './contact-table';

const contact = (id: string, fields: Record<string, unknown>): Contact =>
  readAnswer(readContactAnswer, { id, ...fields });

/** The page's contacts as the grid's sorted row model shows them. */
function shownIds(contacts: Contact[], sorting: SortingState): string[] {
  // The table as the grid builds it, without React (useTable adds React's reactivity the same way).
  const table = constructTable({
    features: tableFeatures({ ...contactTableFeatures, coreReactivityFeature: storeReactivityBindings() }),
    columns: [...CONTACT_COLUMNS],
    data: contacts,
    state: { sorting },
  });
  return table.getRowModel().rows.map((row) => row.original.id);
}

describe('compareCellValues', () => {
  it('orders numbers and numeric text by value, text in reading order, empty values last', () => {
    const values = ['b', null, 10, '', '9', 'a10', 'A2', 2.5, undefined, ' 100 '];
    expect([...values].sort(compareCellValues)).toEqual([
      2.5,
      '9',
      10,
      ' 100 ',
      'A2',
      'a10',
      'b',
      null,
      '',
      undefined,
    ]);
  });
});

describe('the grid sorted within the page', () => {
  const rows = [
    contact('c1', { company_name: 'Beta', lead_score: '10', city: 'Oslo' }),
    contact('c2', { company_name: null, lead_score: '9', city: 'Oslo' }),
    contact('c3', { company_name: 'alpha', lead_score: '', city: 'Bergen' }),
    contact('c4', { company_name: 'Beta', lead_score: '100', city: 'Bergen' }),
  ];

  it('keeps the API order when no column is sorted', () => {
    expect(shownIds(rows, [])).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('sorts by one column, empty values after the rest, and before them when reversed', () => {
    expect(shownIds(rows, [{ id: 'lead_score', desc: false }])).toEqual(['c2', 'c1', 'c4', 'c3']);
    expect(shownIds(rows, [{ id: 'lead_score', desc: true }])).toEqual(['c3', 'c4', 'c1', 'c2']);
  });

  it('breaks ties with the next sorted column, then with the API order', () => {
    expect(
      shownIds(rows, [
        { id: 'company_name', desc: false },
        { id: 'city', desc: false },
      ]),
    ).toEqual(['c3', 'c4', 'c1', 'c2']);
    expect(shownIds(rows, [{ id: 'city', desc: true }])).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});
