import { useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { DISPLAY_SIZES, type DisplaySize } from '../params/filter-params';
import { formatCount } from '../table/format';
import { formatRange, pageFromInput } from './paging';

type PagingFooterProps = {
  page: number;
  display: DisplaySize;
  /** From the last page that arrived; null before the first one. */
  totals: { totalFound: number; totalPages: number } | null;
  onPageChange: (page: number) => void;
  onDisplayChange: (display: DisplaySize) => void;
};

export function PagingFooter({ page, display, totals, onPageChange, onDisplayChange }: PagingFooterProps) {
  const totalPages = Math.max(1, totals?.totalPages ?? 1);
  const known = totals !== null;
  return (
    <footer className="flex flex-none flex-wrap items-center gap-x-6 gap-y-2 border-t border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
      <p role="status" className="min-w-40 tabular-nums text-slate-700 dark:text-slate-300">
        {known ? formatRange(page, display, totals.totalFound) : 'Loading…'}
      </p>
      <label className="flex items-center gap-2">
        Rows per page
        <select
          value={display}
          onChange={(event) => {
            const size = DISPLAY_SIZES.find((candidate) => candidate === Number(event.target.value));
            if (size !== undefined) onDisplayChange(size);
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          {DISPLAY_SIZES.map((size) => (
            <option key={size} value={size}>
              {formatCount(size)}
            </option>
          ))}
        </select>
      </label>
      <nav aria-label="Pages" className="ml-auto flex items-center gap-1">
        <Button
          variant="ghost"
          aria-label="First page"
          title="First page"
          disabled={!known || page <= 1}
          onClick={() => onPageChange(1)}
        >
          «
        </Button>
        <Button
          variant="ghost"
          aria-label="Previous page"
          title="Previous page"
          disabled={!known || page <= 1}
          onClick={() => onPageChange(page - 1)}
        >
          ‹
        </Button>
        <PageInput
          key={page}
          page={page}
          totalPages={totalPages}
          disabled={!known}
          onPageChange={onPageChange}
        />
        <span className="text-slate-600 tabular-nums dark:text-slate-400">of {formatCount(totalPages)}</span>
        <Button
          variant="ghost"
          aria-label="Next page"
          title="Next page"
          disabled={!known || page >= totalPages}
          onClick={() => onPageChange(page + 1)}
        >
          ›
        </Button>
        <Button
          variant="ghost"
          aria-label="Last page"
          title="Last page"
          disabled={!known || page >= totalPages}
          onClick={() => onPageChange(totalPages)}
        >
          »
        </Button>
      </nav>
    </footer>
  );
}

type PageInputProps = {
  page: number;
  totalPages: number;
  disabled: boolean;
  onPageChange: (page: number) => void;
};

/** A typed page applies on Enter or when focus leaves, clamped to the pages there are. Keyed by page, so it resets when the page changes. */
function PageInput({ page, totalPages, disabled, onPageChange }: PageInputProps) {
  const [text, setText] = useState(String(page));
  const commit = () => {
    const target = pageFromInput(text, totalPages);
    setText(String(target ?? page));
    if (target !== null && target !== page) onPageChange(target);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setText(String(page));
  };
  return (
    <label className="flex items-center gap-2">
      Page
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={totalPages}
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 tabular-nums disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900"
      />
    </label>
  );
}
