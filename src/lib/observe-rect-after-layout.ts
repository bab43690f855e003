import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * A virtualizer's `observeElementRect` that never measures the scroller itself. The library's own
 * reads its size at once, while React commits, which makes the browser lay out the whole page in
 * the middle of that task; a ResizeObserver reports the size once the browser has laid the page
 * out in its own frame, before painting it. Until then the virtualizer uses its `initialRect`.
 */
export function observeRectAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  onRect: (rect: Rect) => void,
): () => void {
  const element = instance.scrollElement;
  if (!element) return () => {};
  const observer = new ResizeObserver(() =>
    onRect({ width: element.clientWidth, height: element.clientHeight }),
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * The screen's size: no scroller on it is larger, so a virtualizer starting from it renders every
 * row in view before its scroller has been measured. Unlike the window's inner size, reading it
 * never makes the browser lay the page out.
 */
export function screenRect(): Rect {
  return { width: window.screen.width, height: window.screen.height };
}

/** Each virtualizer's first scroll write waiting for the next frame, by virtualizer. */
const mountWrites = new WeakMap<object, number>();
const virtualizersWritten = new WeakSet<object>();

/**
 * A virtualizer's `scrollToFn` whose first write, made as the virtualizer attaches to its
 * scroller, waits for the next frame: scrolling an element makes the browser lay the page out at
 * once, in the middle of React's commit. In that frame, before painting, it costs nothing extra.
 * Any later write goes at once and supersedes a first one still waiting.
 */
export function scrollAfterLayout<S extends Element, I extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<S, I>,
): void {
  const waiting = mountWrites.get(instance);
  if (waiting !== undefined) {
    cancelAnimationFrame(waiting);
    mountWrites.delete(instance);
  }
  if (virtualizersWritten.has(instance)) {
    elementScroll(offset, options, instance);
    return;
  }
  virtualizersWritten.add(instance);
  mountWrites.set(
    instance,
    requestAnimationFrame(() => {
      mountWrites.delete(instance);
      elementScroll(offset, options, instance);
    }),
  );
}
