import { useEffect, useRef, type RefObject } from 'react';
import type { Contact } from '../../../shared/contract';
import { shortcutFor } from './shortcuts';

/** Inputs where keys type text; checkboxes, radios and buttons are not among them. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** What the shortcuts do to the rows: the grid offers it. */
export type ShortcutRows = {
  moveFocus(direction: 'next-row' | 'previous-row'): void;
  focusedContact(): Contact | null;
  toggleSelected(contact: Contact): void;
};

type ShortcutHandlers = {
  grid: RefObject<ShortcutRows | null>;
  onOpen: (contact: Contact) => void;
  onHelp: () => void;
};

/**
 * The page-wide keyboard shortcuts (see shortcuts.ts). Keys a focused control uses itself
 * (arrows in a radio group or a menu, anything a control already handled) are left to it.
 */
export function useContactShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = event.target instanceof Element ? event.target : null;
      const inGrid = target?.closest('[role="grid"]') != null;
      const onRow = inGrid && target?.closest('[role="row"]')?.getAttribute('aria-rowindex') !== '1';
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inEditable: isEditable(event.target),
        onRow: onRow && target?.getAttribute('role') === 'row',
      });
      if (action === null || action === 'close') return;
      const { grid, onOpen, onHelp } = latest.current;
      const arrow = event.key === 'ArrowDown' || event.key === 'ArrowUp';
      // Arrows belong to whatever has focus (radios, selects, scrolling) unless that is the grid.
      if (arrow && !inGrid && target !== document.body) return;
      switch (action) {
        case 'next-row':
        case 'previous-row':
          grid.current?.moveFocus(action);
          break;
        case 'open-row': {
          const contact = grid.current?.focusedContact();
          if (!contact) return;
          onOpen(contact);
          break;
        }
        case 'toggle-row': {
          const contact = grid.current?.focusedContact();
          if (!contact) return;
          grid.current?.toggleSelected(contact);
          break;
        }
        case 'focus-search':
          document.getElementById('email-search')?.focus();
          break;
        case 'help':
          onHelp();
          break;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
