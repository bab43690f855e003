import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { formatCount } from '../table/format';
import { EXPORT_STATUS_FRAME, type ExportState } from './export-state';
import { exportCode } from './use-contact-export';

export type ExportChoice = 'page' | 'selection' | 'all';

type ExportMenuProps = {
  pageCount: number;
  selectionCount: number;
  totalFound: number | null;
  /** An export that takes a while (everything, or a selection fetched again) is running. */
  busy: boolean;
  onExport: (choice: ExportChoice) => void;
};

/** "Export CSV": the current page, the selection, or every contact matching the filters. */
export function ExportMenu({ pageCount, selectionCount, totalFound, busy, onExport }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrapperRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    wrapperRef.current?.querySelector('button')?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const current = items.findIndex((item) => item === document.activeElement);
    const next = items[(current + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
  };

  const choose = (choice: ExportChoice) => {
    setOpen(false);
    onExport(choice);
  };

  const items: { choice: ExportChoice; label: string; disabled: boolean }[] = [
    { choice: 'page', label: `Current page (${formatCount(pageCount)})`, disabled: pageCount === 0 },
    {
      choice: 'selection',
      label: `Selected contacts (${formatCount(selectionCount)})`,
      disabled: busy || selectionCount === 0,
    },
    {
      choice: 'all',
      label:
        totalFound === null ? 'All matching contacts' : `All ${formatCount(totalFound)} matching contacts`,
      disabled: busy || totalFound === 0,
    },
  ];

  return (
    <div ref={wrapperRef} className="relative" onKeyDown={onKeyDown}>
      <Button
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        Export CSV
      </Button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Export CSV"
          className="absolute top-full right-0 z-40 mt-1 flex w-72 flex-col rounded-lg border border-slate-200 bg-white p-1 shadow-xl dark:border-slate-700 dark:bg-slate-900"
        >
          {items.map((item) => (
            <button
              key={item.choice}
              type="button"
              role="menuitem"
              disabled={item.disabled}
              onClick={() => choose(item.choice)}
              className="rounded px-3 py-2 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 disabled:text-slate-400 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800 dark:disabled:text-slate-600"
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

type ExportStatusProps = { state: ExportState; onCancel: () => void; onDismiss: () => void };

/** Progress of a running export, and what became of the last one. */
export function ExportStatus({ state, onCancel, onDismiss }: ExportStatusProps) {
  if (state.phase === 'idle') return null;

  if (state.phase === 'loading') {
    return (
      <div role="status" className={`${EXPORT_STATUS_FRAME} bg-sky-50 dark:bg-sky-950/40`}>
        Starting the export…
      </div>
    );
  }

  if (state.phase === 'unavailable') {
    return (
      <div role="alert" className={`${EXPORT_STATUS_FRAME} bg-amber-50 dark:bg-amber-950/40`}>
        <span className="min-w-0 break-words">Could not load the export. {state.error.message}</span>
        <Button variant="primary" onClick={state.retry}>
          Retry
        </Button>
        <Button variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    );
  }

  // Running, done and stopped come from the export's own code, so it has arrived by now.
  const code = exportCode.loaded();
  return code && <code.ExportReport state={state} onCancel={onCancel} onDismiss={onDismiss} />;
}
