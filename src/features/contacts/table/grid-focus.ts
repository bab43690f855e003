import type { Virtualizer } from '@tanstack/react-virtual';
import {
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  type FocusEvent,
  type Ref,
  type RefObject,
} from 'react';
import type { Contact } from '../../../shared/contract';
import { nextRowIndex } from '../keyboard/shortcuts';

/** What the view can do with the grid's rows from outside: keyboard shortcuts and returning focus. */
export type GridHandle = {
  /** Moves focus to the next or previous row (the first or last if no row has focus). */
  moveFocus(direction: 'next-row' | 'previous-row'): void;
  /** Focuses a contact's row without scrolling, e.g. when its detail panel closes. */
  focusContact(id: string): void;
  /** The contact whose row has focus, if any. */
  focusedContact(): Contact | null;
  toggleSelected(contact: Contact): void;
};

/** The index of the contact row an element is in, if any. */
export function rowIndexOf(element: EventTarget | null): number | null {
  if (!(element instanceof Element)) return null;
  const index = Number(element.closest('[role="row"]')?.getAttribute('aria-rowindex')) - 2;
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/** Whether a blur takes focus out of the element that heard it, rather than to a part of it. */
export function focusLeaves(event: FocusEvent<Element>): boolean {
  return !(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget));
}

/** The rendered row indexes, plus one more (kept in order) if it is not among them. */
export function withRow(indexes: number[], extra: number | null, count: number): number[] {
  if (extra === null || extra >= count || indexes.includes(extra)) return indexes;
  return [...indexes, extra].sort((a, b) => a - b);
}

type GridFocusOptions = {
  handleRef: Ref<GridHandle> | undefined;
  /** The contacts in the order shown. */
  contacts: () => readonly Contact[];
  rowVirtualizer: Virtualizer<HTMLDivElement, Element>;
  toggle: (contact: Contact, extend: boolean) => void;
  /** The index of the row holding focus, kept by the row group's focus events. */
  focused: RefObject<number | null>;
};

/**
 * Keyboard focus on the grid's rows. Rows register their elements; a row asked to take focus
 * that is not rendered yet takes it once the virtualizer has scrolled it into the window.
 */
export function useGridFocus({ handleRef, contacts, rowVirtualizer, toggle, focused }: GridFocusOptions) {
  const rows = useRef(new Set<HTMLElement>());
  const pendingFocus = useRef<number | null>(null);

  // One function for every row, so React attaches it once per element rather than on every render
  // of a recycled row; the row's index is read from the element when focus needs it.
  const register = useMemo(
    () => (element: HTMLElement | null) => {
      if (!element) return;
      rows.current.add(element);
      return () => {
        rows.current.delete(element);
      };
    },
    [],
  );
  const rowElement = (index: number) => {
    for (const element of rows.current) if (rowIndexOf(element) === index) return element;
    return undefined;
  };

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const element = rowElement(pendingFocus.current);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  useImperativeHandle(handleRef, () => {
    const focusRow = (index: number, scroll: boolean) => {
      const element = rowElement(index);
      if (scroll || !element) rowVirtualizer.scrollToIndex(index, { align: 'auto' });
      if (element) element.focus({ preventScroll: true });
      else pendingFocus.current = index;
    };
    return {
      moveFocus(direction) {
        const next = nextRowIndex(focused.current, direction, contacts().length);
        if (next !== null) focusRow(next, true);
      },
      focusContact(id) {
        const index = contacts().findIndex((contact) => contact.id === id);
        if (index !== -1) focusRow(index, false);
      },
      focusedContact() {
        return focused.current === null ? null : (contacts()[focused.current] ?? null);
      },
      toggleSelected(contact) {
        toggle(contact, false);
      },
    };
  }, [rowVirtualizer, contacts, toggle, focused]);

  return register;
}
