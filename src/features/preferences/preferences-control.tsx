import { DENSITIES, THEMES, type Density, type Theme } from './preferences';
import { usePreferences } from './use-preferences';

const DENSITY_LABELS: Record<Density, string> = { comfortable: 'Comfortable', compact: 'Compact' };
const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const SELECT_CLASS =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** Row density and colour theme, in the app header. */
export function PreferencesControl() {
  const { preferences, setPreferences } = usePreferences();
  return (
    <div className="flex items-center gap-3 text-sm">
      <label className="flex items-center gap-1.5">
        Density
        <select
          value={preferences.density}
          onChange={(event) => {
            const density = DENSITIES.find((candidate) => candidate === event.target.value);
            if (density) setPreferences({ density });
          }}
          className={SELECT_CLASS}
        >
          {DENSITIES.map((density) => (
            <option key={density} value={density}>
              {DENSITY_LABELS[density]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5">
        Theme
        <select
          value={preferences.theme}
          onChange={(event) => {
            const theme = THEMES.find((candidate) => candidate === event.target.value);
            if (theme) setPreferences({ theme });
          }}
          className={SELECT_CLASS}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {THEME_LABELS[theme]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
