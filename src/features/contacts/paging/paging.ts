import { formatCount } from '../table/format';

/** The paging status: "1–2,000 of 61,234", or "0 of 0" for an empty result. */
export function formatRange(page: number, pageSize: number, total: number): string {
  if (total === 0) return '0 of 0';
  const first = Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  return `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}

/**
 * The page a typed value asks for, kept within 1..totalPages; null when the text is no number,
 * so the input simply goes back to the current page.
 */
export function pageFromInput(text: string, totalPages: number): number | null {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return null;
  return Math.min(Math.max(1, Math.round(value)), Math.max(1, totalPages));
}
