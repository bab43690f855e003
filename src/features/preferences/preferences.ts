import { isRecord } from '../../shared/contract';

/** How the app looks for this person on this device: remembered in localStorage. */

export const DENSITIES = ['comfortable', 'compact'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export type Density = (typeof DENSITIES)[number];
export type Theme = (typeof THEMES)[number];
export type Preferences = { density: Density; theme: Theme };

export const DEFAULT_PREFERENCES: Preferences = { density: 'comfortable', theme: 'system' };
export const PREFERENCES_STORAGE_KEY = 'mailstand:preferences:v1';

/** `value` when it is one of `allowed`, else `fallback`. */
function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/** Whatever was stored (or nothing, or garbage) as valid preferences; unreadable parts fall back to defaults. */
export function parsePreferences(stored: string | null): Preferences {
  if (stored === null) return DEFAULT_PREFERENCES;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return DEFAULT_PREFERENCES;
  }
  // Checked by hand, as resolveLayout does: zod's catch and enum cost the first load more than this.
  if (!isRecord(json)) return DEFAULT_PREFERENCES;
  return {
    density: oneOf(DENSITIES, json.density, DEFAULT_PREFERENCES.density),
    theme: oneOf(THEMES, json.theme, DEFAULT_PREFERENCES.theme),
  };
}

/** Whether dark colours apply: the override, or the system's choice. */
export function isDark(theme: Theme, systemPrefersDark: boolean): boolean {
  return theme === 'dark' || (theme === 'system' && systemPrefersDark);
}
