import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, isDark, parsePreferences } from './preferences';

describe('preferences', () => {
  it('reads what was stored', () => {
    expect(parsePreferences(JSON.stringify({ density: 'compact', theme: 'dark' }))).toEqual({
      density: 'compact',
      theme: 'dark',
    });
  });

  it('falls back to defaults for missing, broken or unknown values, part by part', () => {
    for (const stored of [null, '', 'not json', '42', '[]', 'null']) {
      expect(parsePreferences(stored)).toEqual(DEFAULT_PREFERENCES);
    }
    expect(parsePreferences(JSON.stringify({ density: 'tiny', theme: 'light' }))).toEqual({
      density: 'comfortable',
      theme: 'light',
    });
  });

  it('follows the system unless overridden', () => {
    expect(isDark('system', true)).toBe(true);
    expect(isDark('system', false)).toBe(false);
    expect(isDark('light', true)).toBe(false);
    expect(isDark('dark', false)).toBe(true);
  });
});
