import type { SortingState } from '@tanstack/react-table';

/** Which column the page is sorted by, that it is only this page, and the way back. */
export function SortingNote({
  sorting,
  columns,
  onClear,
}: {
  sorting: SortingState;
  columns: readonly { id: string; label: string }[];
  onClear: () => void;
}) {
  const sortedBy = sorting[0];
  if (!sortedBy) return null;
  const label = columns.find((column) => column.id === sortedBy.id)?.label ?? sortedBy.id;
  return (
    <p role="status" className="text-slate-600 dark:text-slate-400">
      {label} {sortedBy.desc ? 'descending' : 'ascending'}, sorted within this page (Mailstand cannot sort the
      whole list).{' '}
      <button type="button" onClick={onClear} className="underline underline-offset-2">
        Clear sort
      </button>
    </p>
  );
}
