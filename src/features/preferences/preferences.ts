import { z } from 'zod/mini';

/** How the app looks for this person on this device: remembered in localStorage. */

export const DENSITIES = ['comfortable', 'compact'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export type Density = (typeof DENSITIES)[number];
export type Theme = (typeof THEMES)[number];
export type Preferences = { density: Density; theme: Theme };

export const DEFAULT_PREFERENCES: Preferences = { density: 'comfortable', theme: 'system' };
export const PREFERENCES_STORAGE_KEY = 'mailstand:preferences:v1';

const storedSchema = z.object({
  density: z.catch(z.enum(DENSITIES), DEFAULT_PREFERENCES.density),
  theme: z.catch(z.enum(THEMES), DEFAULT_PREFERENCES.theme),
});

/** Whatever was stored (or nothing, or garbage) as valid preferences; unreadable parts fall back to defaults. */
export function parsePreferences(stored: string | null): Preferences {
  if (stored === null) return DEFAULT_PREFERENCES;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return DEFAULT_PREFERENCES;
  }
  const parsed = storedSchema.safeParse(json);
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

/** Whether dark colours apply: the override, or the system's choice. */
export function isDark(theme: Theme, systemPrefersDark: boolean): boolean {
  return theme === 'dark' || (theme === 'system' && systemPrefersDark);
}
