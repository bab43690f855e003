import type { SortingState } from '@tanstack/react-table';
import type { Contact } from '../../../shared/contract';

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });
const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Two cell values in ascending order: numbers (and numeric text such as lead_score) by value,
 * text in reading order, empty values after the rest.
 */
export function compareCellValues(left: unknown, right: unknown): number {
  const leftEmpty = isEmpty(left);
  const rightEmpty = isEmpty(right);
  if (leftEmpty || rightEmpty) return leftEmpty === rightEmpty ? 0 : leftEmpty ? 1 : -1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const leftText = String(left);
  const rightText = String(right);
  if (NUMBER_TEXT.test(leftText) && NUMBER_TEXT.test(rightText)) return Number(leftText) - Number(rightText);
  return collator.compare(leftText, rightText);
}

/**
 * The page's contacts in the order of the sorted columns, the first column first; a reversed
 * column reverses its order (so its empty values come first). Ties keep the API's order. Each
 * value is read once per contact, not once per comparison.
 */
export function sortContacts(
  contacts: readonly Contact[],
  sorting: SortingState,
  valueOf: (contact: Contact, columnId: string) => unknown,
): readonly Contact[] {
  if (sorting.length === 0) return contacts;
  const keyed = contacts.map((contact, position) => ({
    contact,
    position,
    values: sorting.map((sort) => valueOf(contact, sort.id)),
  }));
  keyed.sort((a, b) => {
    for (const [index, sort] of sorting.entries()) {
      const order = compareCellValues(a.values[index], b.values[index]);
      if (order !== 0) return sort.desc ? -order : order;
    }
    return a.position - b.position;
  });
  return keyed.map((entry) => entry.contact);
}
