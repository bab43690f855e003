import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { PREFERENCES_STORAGE_KEY, isDark, parsePreferences, type Preferences } from './preferences';

/**
 * Density and theme, remembered in localStorage and applied to <html> (class "dark" and
 * data-density), so every part of the page follows without being passed them.
 */

const listeners = new Set<() => void>();
let unsaved: string | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function readStored(): string | null {
  if (unsaved !== null) return unsaved;
  try {
    return window.localStorage.getItem(PREFERENCES_STORAGE_KEY);
  } catch {
    return null;
  }
}

function subscribeSystemDark(listener: () => void): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

const systemPrefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

function applyToDocument(dark: boolean, density: Preferences['density']): void {
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  root.dataset.density = density;
}

/** Before the first render, so a dark page does not flash light while the app starts. */
export function applyStoredPreferences(): void {
  const preferences = parsePreferences(readStored());
  applyToDocument(isDark(preferences.theme, systemPrefersDark()), preferences.density);
}

export function usePreferences() {
  const stored = useSyncExternalStore(subscribe, readStored);
  const preferences = parsePreferences(stored);
  const systemDark = useSyncExternalStore(subscribeSystemDark, systemPrefersDark);
  const dark = isDark(preferences.theme, systemDark);

  useEffect(() => applyToDocument(dark, preferences.density), [dark, preferences.density]);

  const setPreferences = useCallback((patch: Partial<Preferences>) => {
    const next = JSON.stringify({ ...parsePreferences(readStored()), ...patch });
    try {
      window.localStorage.setItem(PREFERENCES_STORAGE_KEY, next);
      unsaved = null;
    } catch {
      // Storage refused (private window, quota): the choice lasts for this page.
      unsaved = next;
    }
    for (const listener of listeners) listener();
  }, []);

  return { preferences, setPreferences };
}
