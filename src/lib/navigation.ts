import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * Moving between the app's screens without reloading it. The address stays the source of truth:
 * every screen reads location itself, so a move is a history entry plus a popstate, the event Back
 * and Forward send, which every reader of the address already follows.
 */

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** 'replace' for corrections the app makes by itself: no Back step for them. */
export function navigate(href: string, history: 'push' | 'replace' = 'push'): void {
  if (history === 'push') window.history.pushState(null, '', href);
  else window.history.replaceState(window.history.state, '', href);
  window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
}

/**
 * A click on one of the app's own links: moves in place, unless the person asked for a new tab or
 * window (modifier keys, middle button), which the browser then does with the link's href.
 */
export function followAppLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
