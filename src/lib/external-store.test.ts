import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExternalStore, createStoredText } from './external-store';

/** A window with events and a localStorage that works, or refuses every call (a private window). */
function stubWindow(storage: 'working' | 'refusing') {
  const target = new EventTarget();
  const items = new Map<string, string>();
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const localStorage =
    storage === 'working'
      ? {
          getItem: (key: string) => items.get(key) ?? null,
          setItem: (key: string, value: string) => void items.set(key, value),
          removeItem: (key: string) => void items.delete(key),
        }
      : { getItem: refuse, setItem: refuse, removeItem: refuse };
  vi.stubGlobal('window', {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
    localStorage,
  });
  return { dispatch: (type: string) => target.dispatchEvent(new Event(type)), items };
}

afterEach(() => vi.unstubAllGlobals());

describe('createExternalStore', () => {
  it('tells its listeners of our changes and of the window event, until they unsubscribe', () => {
    const page = stubWindow('working');
    const store = createExternalStore('popstate');
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.emit();
    page.dispatch('popstate');
    page.dispatch('storage');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.emit();
    page.dispatch('popstate');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('createStoredText', () => {
  it('keeps text in localStorage and tells listeners, also when another tab writes', () => {
    const page = stubWindow('working');
    const text = createStoredText();
    const listener = vi.fn();
    text.subscribe(listener);
    text.write('layout', '{"a":1}');
    expect(page.items.get('layout')).toBe('{"a":1}');
    expect(text.read('layout')).toBe('{"a":1}');
    page.dispatch('storage');
    expect(listener).toHaveBeenCalledTimes(2);
    text.write('layout', null);
    expect(text.read('layout')).toBeNull();
  });

  it('keeps the text for this page when storage refuses it', () => {
    stubWindow('refusing');
    const text = createStoredText();
    expect(text.read('layout')).toBeNull();
    text.write('layout', 'kept');
    expect(text.read('layout')).toBe('kept');
  });
});
