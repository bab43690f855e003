/** A browser without requestIdleCallback waits this long instead. */
const FALLBACK_DELAY_MS = 200;
/** Work put off for idle time still runs within this, on a page that is never idle. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Runs `callback` once the browser is idle after the next frame has been painted; the returned
 * function cancels it. For work that may wait, so that it never delays what a person sees.
 */
export function whenIdle(callback: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function')
      idle = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    else timer = setTimeout(callback, FALLBACK_DELAY_MS);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}
