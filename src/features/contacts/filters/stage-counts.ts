import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { readContactsPageAnswer, endpointPath, type Stage } from '../../../shared/contract';
import { apiGet } from '../api/api-client';
import { contactKeys, contactsRequestParams, requestMeta } from '../api/queries';
import type { ContactFilters } from '../params/filter-params';

/**
 * How many contacts each stage holds under the other current filters. Mailstand filters by one
 * stage per request and cannot group, so this is one display=1 request per stage, reading
 * total_found: eleven requests, which the server sends after the pages people look at.
 */

/** Counts move slowly; a minute of reuse spares the rate limit when filters are toggled back and forth. */
const STAGE_COUNT_STALE_MS = 60_000;

/** `fresh` asks past the server's cache (Refresh). A null stage counts every stage (a saved view's count). */
export function stageCountQuery(filters: ContactFilters, stage: Stage | null, fresh = false) {
  // The request says everything the count depends on (not the page, size or open contact), and
  // the stage filter itself is replaced: choosing a stage reuses the counts already shown.
  const params = { ...contactsRequestParams({ ...filters, stage }), page: 1, display: 1 };
  return queryOptions({
    queryKey: [...contactKeys.all, 'stage-count', params] as const,
    queryFn:
      params.workspace === null
        ? skipToken
        : async ({ signal, meta }) =>
            (
              await apiGet(endpointPath('contacts'), params, readContactsPageAnswer, {
                purpose: 'counts',
                fresh: requestMeta(meta).fresh,
                signal,
              })
            ).total_found,
    meta: { fresh },
    staleTime: STAGE_COUNT_STALE_MS,
  });
}

/** A number, 'loading' (shown as "…") or 'error' (the count could not be had; the filter still works). */
export type StageCount = number | 'loading' | 'error';

/**
 * What the counts depend on. `enabled` is for the caller to start them only once the table's own
 * page has settled, so the counts never queue ahead of the rows a person is waiting for.
 */
export type StageCounting = { filters: ContactFilters; enabled: boolean };

/**
 * The count of one stage, for the stage's own row in the filter: each count shows as it arrives
 * and retries on its own. One useQuery per row rather than useQueries for all eleven: its
 * observer was 1 KB gzip of the first load.
 */
export function useStageCount({ filters, enabled }: StageCounting, stage: Stage): StageCount {
  const count = useQuery({ ...stageCountQuery(filters, stage), enabled });
  if (count.data !== undefined) return count.data;
  return count.isError ? 'error' : 'loading';
}
