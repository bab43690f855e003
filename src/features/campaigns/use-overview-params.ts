import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { createExternalStore } from '../../lib/external-store';
import { navigate, useSearch } from '../../lib/navigation';
import { overviewHref, parseOverviewParams, type OverviewParams } from './overview-params';

/**
 * The overview's state, read from its URL. A bad URL is corrected in place (no Back step) and what
 * was ignored is said until the person dismisses it or moves on: the notices live in a small store
 * beside the URL, because the URL they describe is already gone.
 */

const noticeStore = createExternalStore();
let notices: string[] = [];
const getNotices = () => notices;

function addNotices(added: readonly string[]): void {
  const fresh = added.filter((notice) => !notices.includes(notice));
  if (fresh.length === 0) return;
  notices = [...notices, ...fresh];
  noticeStore.emit();
}

function clearNotices(): void {
  if (notices.length === 0) return;
  notices = [];
  noticeStore.emit();
}

function setParams(patch: Partial<OverviewParams>, history: 'push' | 'replace' = 'push'): void {
  if (history === 'push') clearNotices();
  const next = { ...parseOverviewParams(window.location.search).params, ...patch };
  // Another workspace's campaign has no place in the URL.
  if ('workspace' in patch && !('campaign' in patch)) next.campaign = null;
  navigate(overviewHref(next), history);
}

export function useOverviewParams() {
  const search = useSearch();
  const params = useMemo(() => parseOverviewParams(search).params, [search]);
  const currentNotices = useSyncExternalStore(noticeStore.subscribe, getNotices);

  useEffect(() => {
    const live = parseOverviewParams(window.location.search);
    if (live.notices.length === 0) return;
    addNotices(live.notices);
    navigate(overviewHref(live.params), 'replace');
  }, [search]);

  const reportInvalid = useCallback((notice: string, patch: Partial<OverviewParams>) => {
    addNotices([notice]);
    setParams(patch, 'replace');
  }, []);

  return { params, notices: currentNotices, dismissNotices: clearNotices, setParams, reportInvalid };
}
