import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, type RefObject } from 'react';
import {
  observeRectAfterLayout,
  screenRect,
  scrollAfterLayout,
} from '../../../lib/observe-rect-after-layout';
import { SELECT_WIDTH, type GridGeometry } from './column-sizing';

/**
 * Up to this many visible columns every cell of a rendered row is in the DOM (cheap, and every
 * column can be found); beyond it only the columns in view are, so showing all 56 fields costs
 * about as much per row as the default set. The pinned first column is always rendered.
 */
const COLUMN_VIRTUALIZATION_THRESHOLD = 20;
const COLUMN_OVERSCAN = 2;

/** The columns rendered after the pinned first one, and the blank space standing for those before. */
export type ColumnWindow = { first: number; last: number; spacer: number };

export function useColumnWindow(
  columnCount: number,
  layout: GridGeometry,
  scrollRef: RefObject<HTMLDivElement | null>,
): ColumnWindow {
  const virtualize = columnCount > COLUMN_VIRTUALIZATION_THRESHOLD;
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this project
  const columnVirtualizer = useVirtualizer({
    enabled: virtualize,
    horizontal: true,
    count: columnCount,
    getScrollElement: () => scrollRef.current,
    initialRect: screenRect(),
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterLayout,
    estimateSize: (index) => layout.widths[index] ?? 0,
    paddingStart: SELECT_WIDTH,
    overscan: COLUMN_OVERSCAN,
  });
  // The virtualizer caches sizes; tell it when the set of columns or their widths change.
  useLayoutEffect(() => columnVirtualizer.measure(), [columnVirtualizer, layout]);
  const items = virtualize ? columnVirtualizer.getVirtualItems() : null;
  // The pinned first column is always rendered; the window starts after it.
  const first = items ? Math.max(1, items[0]?.index ?? 1) : 1;
  const last = items ? (items.at(-1)?.index ?? -1) : columnCount - 1;
  const spacer = (layout.starts[first] ?? 0) - (layout.starts[1] ?? 0);
  // One object per window, so memoised rows re-render only when the window moves.
  return useMemo(() => ({ first, last, spacer }), [first, last, spacer]);
}

export function columnRange({ first, last }: ColumnWindow): number[] {
  const indexes: number[] = [];
  for (let index = first; index <= last; index++) indexes.push(index);
  return indexes;
}

/** The pinned first column, then the window's: the positions a row renders, in order. */
export function renderedColumns(window: ColumnWindow): number[] {
  return [0, ...columnRange(window)];
}
