import { describe, expect, it } from 'vitest';
import { SHORTCUTS, nextRowIndex, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inEditable: false,
  onRow: true,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(press('ArrowDown'))).toBe('next-row');
    expect(shortcutFor(press('j'))).toBe('next-row');
    expect(shortcutFor(press('ArrowUp'))).toBe('previous-row');
    expect(shortcutFor(press('k'))).toBe('previous-row');
    expect(shortcutFor(press('Enter'))).toBe('open-row');
    expect(shortcutFor(press('x'))).toBe('toggle-row');
    expect(shortcutFor(press('/'))).toBe('focus-search');
    expect(shortcutFor(press('Escape'))).toBe('close');
    expect(shortcutFor(press('?'))).toBe('help');
    expect(SHORTCUTS.map((shortcut) => shortcut.action)).toEqual([
      'next-row',
      'previous-row',
      'open-row',
      'toggle-row',
      'focus-search',
      'close',
      'help',
    ]);
  });

  it('leaves typing alone, except Escape', () => {
    for (const key of ['j', 'k', 'x', '/', '?', 'ArrowDown', 'Enter']) {
      expect(shortcutFor(press(key, { inEditable: true }))).toBeNull();
    }
    expect(shortcutFor(press('Escape', { inEditable: true }))).toBe('close');
  });

  it('leaves modified keys to the browser and assistive technology', () => {
    expect(shortcutFor(press('k', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('/', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowDown', { altKey: true }))).toBeNull();
  });

  it('opens and selects only from a focused row', () => {
    expect(shortcutFor(press('Enter', { onRow: false }))).toBeNull();
    expect(shortcutFor(press('x', { onRow: false }))).toBeNull();
    expect(shortcutFor(press('j', { onRow: false }))).toBe('next-row');
  });
});

describe('nextRowIndex', () => {
  it('moves within the page and starts at an end', () => {
    expect(nextRowIndex(null, 'next-row', 5)).toBe(0);
    expect(nextRowIndex(null, 'previous-row', 5)).toBe(4);
    expect(nextRowIndex(2, 'next-row', 5)).toBe(3);
    expect(nextRowIndex(4, 'next-row', 5)).toBe(4);
    expect(nextRowIndex(0, 'previous-row', 5)).toBe(0);
    expect(nextRowIndex(null, 'next-row', 0)).toBeNull();
  });
});
