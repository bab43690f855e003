import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FeatureBoundary, lazyFeature } from '../../../components/lazy-feature';
import { Button } from '../../../components/ui/button';
import type { ColumnLayout, ColumnOption } from './column-layout';

export type ColumnsControlProps = {
  options: readonly (ColumnOption & { note?: string })[];
  layout: ColumnLayout;
  onChange: (layout: ColumnLayout) => void;
  onReset: () => void;
};

const columnList = lazyFeature(() => import('./column-list').then((module) => module.ColumnList));

/** "Columns": every field by its label, searchable, to show, hide and reorder; reset to the default. */
export function ColumnsControl({ options, layout, onChange, onReset }: ColumnsControlProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapperRef = useRef<HTMLDivElement>(null);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) wrapperRef.current?.querySelector('button')?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      if (wrapperRef.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here: Escape closes only the innermost thing that is open.
    event.preventDefault();
    close(true);
  };

  return (
    // Pointing at or tabbing to the button is the sign the list may be opened next.
    <div
      ref={wrapperRef}
      className="relative"
      onPointerOver={columnList.preload}
      onFocus={columnList.preload}
    >
      <Button
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        Columns
      </Button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label="Columns"
          onKeyDown={onKeyDown}
          className="absolute top-full right-0 z-40 mt-1 flex max-h-[70vh] w-80 flex-col rounded-lg border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
        >
          <FeatureBoundary what="the column list" loading={<p className="p-3 text-sm">Loading columns…</p>}>
            <columnList.Component options={options} layout={layout} onChange={onChange} onReset={onReset} />
          </FeatureBoundary>
        </div>
      )}
    </div>
  );
}
