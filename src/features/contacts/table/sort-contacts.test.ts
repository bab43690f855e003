import { describe, expect, it } from 'vitest';
import { contactSchema, type Contact } from '../../../shared/contract';
import { compareCellValues, sortContacts } from './sort-contacts';

const contact = (id: string, fields: Record<string, unknown>): Contact =>
  contactSchema.parse({ id, ...fields });
const valueOf = (row: Contact, columnId: string) => row[columnId];
const ids = (rows: readonly Contact[]) => rows.map((row) => row.id);

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

describe('sortContacts', () => {
  const rows = [
    contact('c1', { company_name: 'Beta', lead_score: '10', city: 'Oslo' }),
    contact('c2', { company_name: null, lead_score: '9', city: 'Oslo' }),
    contact('c3', { company_name: 'alpha', lead_score: '', city: 'Bergen' }),
    contact('c4', { company_name: 'Beta', lead_score: '100', city: 'Bergen' }),
  ];

  it('keeps the API order when no column is sorted', () => {
    expect(sortContacts(rows, [], valueOf)).toBe(rows);
  });

  it('sorts by one column, empty values after the rest, and before them when reversed', () => {
    expect(ids(sortContacts(rows, [{ id: 'lead_score', desc: false }], valueOf))).toEqual([
      'c2',
      'c1',
      'c4',
      'c3',
    ]);
    expect(ids(sortContacts(rows, [{ id: 'lead_score', desc: true }], valueOf))).toEqual([
      'c3',
      'c4',
      'c1',
      'c2',
    ]);
  });

  it('breaks ties with the next sorted column, then with the API order', () => {
    expect(
      ids(
        sortContacts(
          rows,
          [
            { id: 'company_name', desc: false },
            { id: 'city', desc: false },
          ],
          valueOf,
        ),
      ),
    ).toEqual(['c3', 'c4', 'c1', 'c2']);
    expect(ids(sortContacts(rows, [{ id: 'city', desc: true }], valueOf))).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});
