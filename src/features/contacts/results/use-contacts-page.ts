import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { STAGES } from '../../../shared/contract';
import { contactsPageQuery, usePrefetchNextPage } from '../api/queries';
import { stageCountQuery } from '../filters/stage-counts';
import type { ContactFilters } from '../params/filter-params';
import type { ContactFiltersApi } from '../filters/use-contact-filters';
import { whenIdle } from '../../../lib/when-idle';

/**
 * The page of contacts the filters select, and the page to show for it: while a newer one loads,
 * the previous; when it failed, the last page that loaded in this workspace (React Query drops
 * the previous rows once a new request fails, and a person keeps seeing them, dimmed, under the
 * error). A bookmarked page past the end (the list shrank since) is turned into the last page.
 * `onSettled` hears when the browser is idle after a page of these filters has loaded.
 */
export function useContactsPage(
  filters: ContactFilters,
  fields: string,
  enabled: boolean,
  reportInvalid: ContactFiltersApi['reportInvalid'],
  onSettled: (filters: ContactFilters) => void,
) {
  const query = useQuery({ ...contactsPageQuery(filters, fields), enabled });
  const settled = query.isPlaceholderData ? undefined : query.data;
  usePrefetchNextPage(filters, fields, settled);
  const lastGood = useLastGood(settled);
  const idle = settled !== undefined && query.fetchStatus === 'idle';
  useEffect(() => {
    if (idle) return whenIdle(() => onSettled(filters));
  }, [idle, filters, onSettled]);

  useEffect(() => {
    if (settled && settled.total_pages > 0 && filters.page > settled.total_pages) {
      reportInvalid(`Page ${filters.page} is past the end; showing the last page, ${settled.total_pages}.`, {
        page: settled.total_pages,
      });
    }
  }, [settled, filters.page, reportInvalid]);

  const queryClient = useQueryClient();
  // Past the server's short cache: the rows and the stage counts as Mailstand has them now.
  const refresh = useCallback(() => {
    const ignore = () => undefined; // a failure shows in the query's own state
    queryClient
      .fetchQuery({ ...contactsPageQuery(filters, fields, { fresh: true }), staleTime: 0 })
      .catch(ignore);
    for (const stage of STAGES) {
      queryClient.fetchQuery({ ...stageCountQuery(filters, stage, true), staleTime: 0 }).catch(ignore);
    }
  }, [queryClient, filters, fields]);

  return {
    query,
    refresh,
    /** The page of exactly these filters, once it has loaded. */
    settled,
    /** What the grid shows: undefined until a first page has loaded. */
    shown: query.isError ? (query.data ?? lastGood) : query.data,
  };
}

/**
 * The latest value that was not undefined. Kept as state adjusted during render (React's pattern
 * for information from previous renders); the results are keyed by workspace, so a workspace's
 * last page never shows in another.
 */
function useLastGood<T>(value: T | undefined): T | undefined {
  const [lastGood, setLastGood] = useState(value);
  if (value !== undefined && value !== lastGood) setLastGood(value);
  return value ?? lastGood;
}
