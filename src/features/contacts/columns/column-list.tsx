import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { moveColumn, setColumnVisible, visibleColumnIds } from './column-layout';
import type { ColumnsControlProps } from './columns-control';

/** Inside the Columns dialog: its own chunk, fetched when the pointer or focus reaches the button. */
export function ColumnList({ options, layout, onChange, onReset }: ColumnsControlProps) {
  const [query, setQuery] = useState('');
  const labels = new Map(options.map((option) => [option.id, option]));
  const shown = visibleColumnIds(layout);
  const needle = query.trim().toLowerCase();
  const listed = layout.order.filter((id) => {
    const option = labels.get(id);
    return option !== undefined && (needle === '' || option.label.toLowerCase().includes(needle));
  });

  return (
    <>
      <div className="flex flex-col gap-2 border-b border-slate-200 p-3 dark:border-slate-700">
        <input
          type="search"
          aria-label="Search columns"
          placeholder="Search columns"
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {shown.length} of {options.length} shown. Email Address always stays first.
        </p>
      </div>
      <ul className="min-h-0 flex-1 overflow-y-auto p-1" aria-label="All columns">
        {listed.length === 0 && <li className="p-2 text-sm">No column matches “{query}”.</li>}
        {listed.map((id) => {
          const option = labels.get(id);
          if (option === undefined) return null;
          const position = shown.indexOf(id);
          const visible = position !== -1;
          return (
            <li
              key={id}
              className="flex items-center gap-1 rounded px-2 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <label className="flex min-w-0 flex-1 cursor-pointer items-center gap-2 py-0.5 text-sm">
                <input
                  type="checkbox"
                  checked={visible}
                  onChange={(event) => onChange(setColumnVisible(layout, id, event.target.checked))}
                  className="accent-sky-700"
                />
                <span className="truncate">{option.label}</span>
                {option.note && <span className="truncate text-xs text-slate-500">{option.note}</span>}
              </label>
              {visible && (
                <>
                  <MoveButton
                    label={`Move ${option.label} left`}
                    symbol="↑"
                    disabled={position === 0}
                    onClick={() => onChange(moveColumn(layout, id, -1))}
                  />
                  <MoveButton
                    label={`Move ${option.label} right`}
                    symbol="↓"
                    disabled={position === shown.length - 1}
                    onClick={() => onChange(moveColumn(layout, id, 1))}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
      <div className="flex justify-end border-t border-slate-200 p-2 dark:border-slate-700">
        <Button variant="ghost" onClick={onReset}>
          Reset columns
        </Button>
      </div>
    </>
  );
}

function MoveButton(props: { label: string; symbol: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
      className="size-6 rounded text-xs hover:bg-slate-200 disabled:opacity-30 dark:hover:bg-slate-700"
    >
      {props.symbol}
    </button>
  );
}
