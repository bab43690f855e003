import { madeOnFirstUse } from '../../../lib/made-on-first-use';

const collator = madeOnFirstUse(() => new Intl.Collator('en-US', { sensitivity: 'base', numeric: true }));
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
  return collator().compare(leftText, rightText);
}
