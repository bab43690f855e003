/**
 * The small external stores the app reads with useSyncExternalStore: a set of listeners, told of
 * our own changes by emit() and of changes made elsewhere by a window event (Back and Forward,
 * another tab writing localStorage).
 */
export type ExternalStore = {
  subscribe: (listener: () => void) => () => void;
  emit: () => void;
};

export function createExternalStore(windowEvent?: 'popstate' | 'storage'): ExternalStore {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (windowEvent) window.addEventListener(windowEvent, listener);
      return () => {
        listeners.delete(listener);
        if (windowEvent) window.removeEventListener(windowEvent, listener);
      };
    },
    emit() {
      for (const listener of listeners) listener();
    },
  };
}

/**
 * Text kept in localStorage under a key. Storage can be unavailable or full (private windows,
 * quotas): the text then lasts for this page only, kept in memory.
 */
export type StoredText = {
  subscribe: ExternalStore['subscribe'];
  read: (key: string) => string | null;
  write: (key: string, value: string | null) => void;
};

export function createStoredText(): StoredText {
  const store = createExternalStore('storage');
  const memory = new Map<string, string | null>();
  return {
    subscribe: store.subscribe,
    read(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(key, value) {
      try {
        if (value === null) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, value);
        memory.delete(key);
      } catch {
        memory.set(key, value);
      }
      store.emit();
    },
  };
}
