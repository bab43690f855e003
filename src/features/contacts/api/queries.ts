import {
  keepPreviousData,
  queryOptions,
  skipToken,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  readFieldsAnswer,
  readCampaignsAnswer,
  readContactDetailAnswer,
  contactsPageReaderFor,
  endpointPath,
  readWorkspacesAnswer,
} from '../../../shared/contract';
import {
  FIELDS_PARAM,
  isRequestPurpose,
  type Campaign,
  type ContactsPage,
  type ContactsParam,
  type RequestPurpose,
} from '../../../shared/contract';
import { storedPageFields } from '../columns/page-fields';
import { parseFilters, type ContactFilters } from '../params/filter-params';
import { whenIdle } from '../../../lib/when-idle';
import { ApiError, DEFAULT_RATE_LIMIT_WAIT_MS, apiGet, apiGetServed, type Served } from './api-client';

/** Rows of a page are worth showing again for a minute; after that a revisit refetches. */
const PAGE_STALE_MS = 60_000;
/** A 2000-row page is about 3 MB of objects: keep pages only briefly once nothing shows them. */
const PAGE_GC_MS = 60_000;
/** Workspaces, campaigns and field labels change rarely. */
const REFERENCE_STALE_MS = 5 * 60_000;

/** Campaigns are paged through with this page size until a short page. */
export const CAMPAIGN_PAGE_SIZE = 100;
/** A server that ignores `page` would otherwise be paged forever. */
const MAX_CAMPAIGN_PAGES = 500;

/** The filter state that selects rows, without what only frames the view (page, size, open contact). */
function listFilters(filters: ContactFilters) {
  return {
    campaign: filters.campaign,
    stage: filters.stage,
    search: filters.search,
    has_opened: filters.has_opened,
    has_clicked: filters.has_clicked,
    has_replied: filters.has_replied,
    has_bounced: filters.has_bounced,
  };
}

export const workspaceKeys = {
  all: ['workspaces'] as const,
  list: () => [...workspaceKeys.all, 'list'] as const,
  fields: (workspace: string) => [...workspaceKeys.all, workspace, 'all-fields'] as const,
  campaigns: (workspace: string) => [...workspaceKeys.all, workspace, 'campaigns'] as const,
};

export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => [...contactKeys.all, 'list'] as const,
  /** `fields`: what the page's records are cut down to (see pageFields). */
  list: (filters: ContactFilters, fields: string) =>
    [
      ...contactKeys.lists(),
      filters.workspace,
      listFilters(filters),
      filters.page,
      filters.display,
      fields,
    ] as const,
  details: () => [...contactKeys.all, 'detail'] as const,
  detail: (id: string) => [...contactKeys.details(), id] as const,
};

export function workspacesQuery() {
  return queryOptions({
    queryKey: workspaceKeys.list(),
    queryFn: async ({ signal }) =>
      (
        await apiGet(endpointPath('workspaces'), {}, readWorkspacesAnswer, {
          purpose: 'reference',
          signal,
        })
      ).data,
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Settles once the latest page a person waits for has come in, or failed. */
let pageArrival: Promise<void> = Promise.resolve();

/**
 * Waits for the page a person is waiting for, if one is on its way: reference data goes after it,
 * so a page of 2000 rows has the connection and the server to itself.
 */
export function afterPageArrives(): Promise<void> {
  return pageArrival;
}

/** Every campaign of the workspace: GET /campaigns is paged, and a picker must offer them all. */
export async function fetchAllCampaigns(workspace: string, signal?: AbortSignal): Promise<Campaign[]> {
  await afterPageArrives();
  const campaigns = new Map<string, Campaign>();
  for (let page = 1; page <= MAX_CAMPAIGN_PAGES; page++) {
    const { data } = await apiGet(
      endpointPath('campaigns'),
      { workspace, page, display: CAMPAIGN_PAGE_SIZE },
      readCampaignsAnswer,
      { purpose: 'reference', signal },
    );
    const before = campaigns.size;
    for (const campaign of data) campaigns.set(campaign.id, campaign);
    if (data.length < CAMPAIGN_PAGE_SIZE || campaigns.size === before) break;
  }
  return [...campaigns.values()];
}

export function campaignsQuery(workspace: string) {
  return queryOptions({
    queryKey: workspaceKeys.campaigns(workspace),
    queryFn: ({ signal }) => fetchAllCampaigns(workspace, signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function allFieldsQuery(workspace: string) {
  return queryOptions({
    queryKey: workspaceKeys.fields(workspace),
    queryFn: async ({ signal }) => {
      await afterPageArrives();
      return (
        await apiGet(endpointPath('workspaceFields', { workspace_id: workspace }), {}, readFieldsAnswer, {
          purpose: 'reference',
          signal,
        })
      ).data;
    },
    staleTime: REFERENCE_STALE_MS,
  });
}

/** GET /contacts params for a filter state: the URL names are the API's own, every one of them. */
export function contactsRequestParams(filters: ContactFilters) {
  return {
    workspace: filters.workspace,
    page: filters.page,
    display: filters.display,
    campaign: filters.campaign,
    stage: filters.stage,
    search: filters.search === '' ? null : filters.search,
    has_opened: filters.has_opened,
    has_clicked: filters.has_clicked,
    has_replied: filters.has_replied,
    has_bounced: filters.has_bounced,
  } satisfies Record<ContactsParam, string | number | boolean | null>;
}

/** A page of contacts, and how the server came by it (waited for the budget, from its cache). */
export type ServedContactsPage = ContactsPage & { served: Served };

/**
 * One page of contacts as the grid shows it: its records cut down by the server to `fields` (the
 * detail panel and the export ask for whole records). Pending (not fetched) until a workspace is
 * chosen. `purpose` says whether a person looks at it or it is fetched ahead; `fresh` asks past
 * the server's cache (Refresh).
 */
export function contactsPageQuery(
  filters: ContactFilters,
  fields: string,
  { purpose = 'page', fresh = false }: { purpose?: RequestPurpose; fresh?: boolean } = {},
) {
  return queryOptions({
    queryKey: contactKeys.list(filters, fields),
    queryFn:
      filters.workspace === null
        ? skipToken
        : async ({ signal, meta }): Promise<ServedContactsPage> => {
            const request = requestMeta(meta);
            const answer = apiGetServed(
              endpointPath('contacts'),
              { ...contactsRequestParams(filters), [FIELDS_PARAM]: fields },
              contactsPageReaderFor({
                page: filters.page,
                display: filters.display,
                fields: fields.split(','),
              }),
              { ...request, signal },
            );
            if (request.purpose === 'page') pageArrival = answer.then(ignore, ignore);
            const { body, served } = await answer;
            return { ...body, served };
          },
    // Not part of the key: a prefetched or refreshed page is the same page.
    meta: { purpose, fresh },
    placeholderData: keepPreviousData,
    staleTime: PAGE_STALE_MS,
    gcTime: PAGE_GC_MS,
  });
}

const ignore = () => undefined;

/**
 * Asks for the page the address names at once, before React has mounted and without waiting for
 * the workspace list: the grid's query adopts this request. An unknown workspace comes back as
 * Mailstand's "Missing Record"; a bad address is corrected, and said so, by the filters as usual.
 */
export function prefetchPageInAddress(queryClient: QueryClient, search: string): void {
  const { filters } = parseFilters(search);
  if (filters.workspace === null) return;
  const fields = storedPageFields(filters.workspace, filters.campaign !== null);
  void queryClient.prefetchQuery(contactsPageQuery(filters, fields));
}

/** What a query's `meta` says about the request: what it is for, and whether to ask past the cache. */
export function requestMeta(meta: Record<string, unknown> | undefined): {
  purpose: RequestPurpose;
  fresh: boolean;
} {
  const purpose = typeof meta?.purpose === 'string' && isRequestPurpose(meta.purpose) ? meta.purpose : 'page';
  return { purpose, fresh: meta?.fresh === true };
}

export function contactQuery(id: string) {
  return queryOptions({
    queryKey: contactKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet(endpointPath('contact', { contact_id: id }), {}, readContactDetailAnswer, {
        purpose: 'detail',
        signal,
      }),
    staleTime: PAGE_STALE_MS,
  });
}

/** How often each kind of failure is retried by itself. */
export const MAX_RATE_LIMIT_RETRIES = 5;
export const MAX_TRANSIENT_RETRIES = 2;

/**
 * Retry only what waiting can fix: "Rate Limited" (after Retry-After), network failures and 5xx.
 * Out of credits, a refused key, a missing record, a refused request or a contract mismatch
 * would fail the same way again, and retrying them only burns the rate limit.
 */
export function queryRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  switch (error.kind) {
    case 'rate-limited':
      return failureCount < MAX_RATE_LIMIT_RETRIES;
    case 'network':
    case 'server':
      return failureCount < MAX_TRANSIENT_RETRIES;
    default:
      return false;
  }
}

/** Rate Limited waits as long as Mailstand asked; the rest back off 1 s, 2 s, 4 s... */
export function queryRetryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.kind === 'rate-limited')
    return error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  return 1000 * 2 ** failureCount;
}

/**
 * Prefetches the next page once the current one has loaded (not while placeholder rows from the
 * previous filters are showing), and only when there is a next page. It waits until the browser
 * is idle after the rows are painted, and the server sends it after anything a person is waiting for.
 */
export function usePrefetchNextPage(
  filters: ContactFilters,
  fields: string,
  page: ContactsPage | undefined,
): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (page === undefined) return;
    const current = queryClient.getQueryData(contactsPageQuery(filters, fields).queryKey);
    // `page` may be the previous filter's rows kept as placeholder: judge by the settled query.
    if (current === undefined || filters.page >= current.total_pages) return;
    return whenIdle(() => {
      void queryClient.prefetchQuery(
        contactsPageQuery({ ...filters, page: filters.page + 1 }, fields, { purpose: 'prefetch' }),
      );
    });
  }, [queryClient, filters, fields, page]);
}
