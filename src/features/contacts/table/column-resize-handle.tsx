import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { clampWidth } from '../columns/column-layout';
import { columnWidthVariable } from './column-sizing';

/** One arrow-key press on a resize handle. */
const KEYBOARD_RESIZE_STEP = 16;

type ColumnResizeHandleProps = {
  columnId: string;
  label: string;
  width: number;
  rowWidth: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  onResize: (columnId: string, width: number) => void;
};

/**
 * The right edge of a header: drag it (or use the arrow keys) to resize the column. While
 * dragging only the grid's CSS variables change, so no cell re-renders; the width is committed
 * (and remembered) when the pointer is released.
 */
export function ColumnResizeHandle({
  columnId,
  label,
  width,
  rowWidth,
  scrollRef,
  onResize,
}: ColumnResizeHandleProps) {
  const drag = useRef<{ startX: number; width: number } | null>(null);

  const preview = (next: number) => {
    const grid = scrollRef.current;
    grid?.style.setProperty(columnWidthVariable(columnId), `${next}px`);
    grid?.style.setProperty('--row-width', `${rowWidth - width + next}px`);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current.width = clampWidth(width + event.clientX - drag.current.startX);
    preview(drag.current.width);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    const next = drag.current.width;
    drag.current = null;
    if (next !== width) onResize(columnId, next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    onResize(columnId, clampWidth(width + (event.key === 'ArrowRight' ? 1 : -1) * KEYBOARD_RESIZE_STEP));
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
      className="absolute top-0 right-0 h-full w-2 cursor-col-resize touch-none hover:bg-sky-400/60 focus-visible:bg-sky-500"
    />
  );
}
