import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { createStoredText } from '../../lib/external-store';
import { PREFERENCES_STORAGE_KEY, isDark, parsePreferences, type Preferences } from './preferences';

/**
 * Density and theme, remembered in localStorage and applied to <html> (class "dark" and
 * data-density), so every part of the page follows without being passed them.
 */

const storedText = createStoredText();
const readStored = () => storedText.read(PREFERENCES_STORAGE_KEY);

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
  const stored = useSyncExternalStore(storedText.subscribe, readStored);
  const preferences = parsePreferences(stored);
  const systemDark = useSyncExternalStore(subscribeSystemDark, systemPrefersDark);
  const dark = isDark(preferences.theme, systemDark);

  useEffect(() => applyToDocument(dark, preferences.density), [dark, preferences.density]);

  const setPreferences = useCallback((patch: Partial<Preferences>) => {
    storedText.write(
      PREFERENCES_STORAGE_KEY,
      JSON.stringify({ ...parsePreferences(readStored()), ...patch }),
    );
  }, []);

  return { preferences, setPreferences };
}
