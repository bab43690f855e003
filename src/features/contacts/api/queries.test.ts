import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../params/filter-params';
import type { ContactFilters } from '../params/filter-params';
import { ApiError, DEFAULT_RATE_LIMIT_WAIT_MS } from './api-client';
import type { ApiErrorKind } from './api-client';
import { sendJson, startLocalUpstream } from './local-upstream.test-support';
import {
  CAMPAIGN_PAGE_SIZE,
  MAX_RATE_LIMIT_RETRIES,
  contactKeys,
  contactsRequestParams,
  fetchAllCampaigns,
  queryRetry,
  queryRetryDelay,
  requestMeta,
} from './queries';

const WORKSPACE = 'space_PO6fCH6vqL8TxdSjVhpL8i5Kp';

describe('retry policy', () => {
  /** How many times a failure of this kind is retried before giving up. */
  function retries(error: unknown): number {
    let count = 0;
    while (queryRetry(count, error) && count < 100) count++;
    return count;
  }

  it.each<[ApiErrorKind, number]>([
    ['rate-limited', MAX_RATE_LIMIT_RETRIES],
    ['network', 2],
    ['server', 2],
    ['out-of-credits', 0],
    ['unauthorized', 0],
    ['not-found', 0],
    ['bad-request', 0],
    ['contract', 0],
  ])('retries %s %i times', (kind, times) => {
    expect(retries(new ApiError(kind, 'm'))).toBe(times);
  });

  it('does not retry errors of our own code', () => {
    expect(retries(new TypeError('x is undefined'))).toBe(0);
  });

  it('waits what Mailstand asked when rate limited, else backs off 1 s then 2 s', () => {
    expect(queryRetryDelay(0, new ApiError('rate-limited', 'm', { retryAfterMs: 7000 }))).toBe(7000);
    expect(queryRetryDelay(3, new ApiError('rate-limited', 'm'))).toBe(DEFAULT_RATE_LIMIT_WAIT_MS);
    expect(queryRetryDelay(0, new ApiError('server', 'm'))).toBe(1000);
    expect(queryRetryDelay(1, new ApiError('network', 'm'))).toBe(2000);
  });
});

describe('query keys', () => {
  const filters: ContactFilters = { ...DEFAULT_FILTERS, workspace: WORKSPACE, stage: 'Replied', page: 3 };

  it('keys a page by workspace, filters, page, size and field set, under contacts/list', () => {
    expect(contactKeys.list(filters, 'email,id,stage')).toEqual([
      'contacts',
      'list',
      WORKSPACE,
      {
        campaign: null,
        stage: 'Replied',
        search: '',
        has_opened: false,
        has_clicked: false,
        has_replied: false,
        has_bounced: false,
      },
      3,
      100,
      'email,id,stage',
    ]);
    expect(contactKeys.list(filters, 'id').slice(0, 2)).toEqual(contactKeys.lists());
    expect(contactKeys.list(filters, 'city,id')).not.toEqual(contactKeys.list(filters, 'id'));
  });

  it('ignores the open contact, so opening a detail does not refetch the page', () => {
    expect(contactKeys.list({ ...filters, contact: 'contact_a1' }, 'id')).toEqual(
      contactKeys.list(filters, 'id'),
    );
  });

  it('sends the filters under the API’s names, without the empty search', () => {
    expect(contactsRequestParams({ ...filters, search: '', has_bounced: true })).toEqual({
      workspace: WORKSPACE,
      page: 3,
      display: 100,
      campaign: null,
      stage: 'Replied',
      search: null,
      has_opened: false,
      has_clicked: false,
      has_replied: false,
      has_bounced: true,
    });
  });
});

describe('requestMeta', () => {
  it('reads what a query says about its request, and takes anything else as a page asked for normally', () => {
    expect(requestMeta({ purpose: 'prefetch', fresh: false })).toEqual({ purpose: 'prefetch', fresh: false });
    expect(requestMeta({ purpose: 'page', fresh: true })).toEqual({ purpose: 'page', fresh: true });
    expect(requestMeta({ purpose: 'everything', fresh: 'yes' })).toEqual({ purpose: 'page', fresh: false });
    expect(requestMeta(undefined)).toEqual({ purpose: 'page', fresh: false });
  });
});

describe('fetchAllCampaigns', () => {
  let upstream: Awaited<ReturnType<typeof startLocalUpstream>>;
  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => {
    await upstream.close();
  });

  const campaigns = Array.from({ length: 230 }, (_, index) => ({
    id: `camp_${index}`,
    name: `Campaign ${index}`,
  }));

  it('pages through GET /campaigns until a short page', async () => {
    upstream.handle((_request, response, url) => {
      const page = Number(url.searchParams.get('page'));
      const display = Number(url.searchParams.get('display'));
      sendJson(response, 200, { status: 'ok', data: campaigns.slice((page - 1) * display, page * display) });
    });
    const all = await fetchAllCampaigns(WORKSPACE);
    expect(all.map((campaign) => campaign.id)).toEqual(campaigns.map((campaign) => campaign.id));
    expect(upstream.requests.map((url) => Object.fromEntries(url.searchParams))).toEqual([
      { workspace: WORKSPACE, page: '1', display: String(CAMPAIGN_PAGE_SIZE) },
      { workspace: WORKSPACE, page: '2', display: String(CAMPAIGN_PAGE_SIZE) },
      { workspace: WORKSPACE, page: '3', display: String(CAMPAIGN_PAGE_SIZE) },
    ]);
  });

  it('stops when a server ignores the page and repeats itself', async () => {
    upstream.handle((_request, response) =>
      sendJson(response, 200, { status: 'ok', data: campaigns.slice(0, CAMPAIGN_PAGE_SIZE) }),
    );
    expect(await fetchAllCampaigns(WORKSPACE)).toHaveLength(CAMPAIGN_PAGE_SIZE);
    expect(upstream.requests).toHaveLength(2);
  });
});
