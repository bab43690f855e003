import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { createExternalStore } from '../../../lib/external-store';
import { navigate } from '../../../lib/navigation';
import { applyFilterPatch, clearedFilters, parseFilters, writeFilters } from '../params/filter-params';
import type { ContactFilters, FilterPatch } from '../params/filter-params';

/**
 * The URL is the single source of truth for the filters: this hook reads location.search through
 * useSyncExternalStore and writes through the app's one navigate(), so every other reader of the
 * address (the header's links to the other screen) follows each change. Notices about corrected
 * values live in a small module store beside it, because the URL they describe is already gone.
 */

// Every change of the address, ours (through navigate) or Back and Forward, arrives as popstate.
const { subscribe, emit } = createExternalStore('popstate');
let notices: string[] = [];

const getSearch = (): string => window.location.search;
const getNotices = (): string[] => notices;

function addNotices(added: readonly string[]): void {
  const fresh = added.filter((notice) => !notices.includes(notice));
  if (fresh.length === 0) return;
  notices = [...notices, ...fresh];
  emit();
}

function clearNotices(): void {
  if (notices.length === 0) return;
  notices = [];
  emit();
}

function writeUrl(filters: ContactFilters, history: 'push' | 'replace'): void {
  const search = writeFilters(filters);
  if (search === window.location.search) return;
  navigate(`${window.location.pathname}${search}${window.location.hash}`, history);
}

const currentFilters = (): ContactFilters => parseFilters(window.location.search).filters;

export type SetFiltersOptions = {
  /**
   * 'push' (default) for committed changes: a Back step, and the notices are cleared. 'replace'
   * while typing or for changes the app makes by itself: no history entry, notices stay.
   */
  history?: 'push' | 'replace';
};

export type ContactFiltersApi = {
  filters: ContactFilters;
  notices: string[];
  dismissNotices(): void;
  setFilters(patch: FilterPatch, options?: SetFiltersOptions): void;
  clearFilters(): void;
  reportInvalid(notice: string, patch: FilterPatch): void;
};

export function useContactFilters(): ContactFiltersApi {
  const search = useSyncExternalStore(subscribe, getSearch);
  const currentNotices = useSyncExternalStore(subscribe, getNotices);
  // One parse per URL, so `filters` keeps its identity across renders (effects and query keys rely on it).
  const filters = useMemo(() => parseFilters(search).filters, [search]);

  // A hand-edited, outdated or hostile URL is corrected in place and what was ignored is said.
  useEffect(() => {
    const live = parseFilters(window.location.search);
    if (writeFilters(live.filters) === window.location.search) return;
    addNotices(live.notices);
    writeUrl(live.filters, 'replace');
  }, [search]);

  const setFilters = useCallback((patch: FilterPatch, options?: SetFiltersOptions) => {
    const history = options?.history ?? 'push';
    // A committed change is the person moving on; a replace (typing, or the app choosing the only
    // workspace by itself) must not wipe a notice they have not read yet.
    if (history === 'push') clearNotices();
    writeUrl(applyFilterPatch(currentFilters(), patch), history);
  }, []);

  const clearFilters = useCallback(() => {
    clearNotices();
    writeUrl(clearedFilters(currentFilters()), 'push');
  }, []);

  const reportInvalid = useCallback((notice: string, patch: FilterPatch) => {
    addNotices([notice]);
    writeUrl(applyFilterPatch(currentFilters(), patch), 'replace');
  }, []);

  return {
    filters,
    notices: currentNotices,
    dismissNotices: clearNotices,
    setFilters,
    clearFilters,
    reportInvalid,
  };
}
