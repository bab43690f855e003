import { QueryClient } from '@tanstack/react-query';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STAGES } from '../../../shared/contract';
import { configureApiClient } from '../api/api-client';
import { DEFAULT_FILTERS, type ContactFilters } from '../params/filter-params';
import { stageCountQuery } from './stage-counts';

/** A stand-in for Mailstand that counts contacts per stage and remembers what was asked. */
const COUNTS: Record<string, number> = { Replied: 1234, Untouched: 61_234, Excluded: 0 };
let server: Server;
let requests: URLSearchParams[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    requests.push(params);
    const total = COUNTS[params.get('stage') ?? ''] ?? 7;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({ status: 'ok', data: [], total_found: total, current_page: 1, total_pages: total }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  configureApiClient({ base: `http://127.0.0.1:${address.port}` });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
});

const filters: ContactFilters = {
  ...DEFAULT_FILTERS,
  workspace: 'space_a',
  campaign: 'camp_b',
  search: 'acme',
  has_replied: true,
  stage: 'Nurture',
  page: 4,
  display: 500,
};

describe('stage counts', () => {
  it('asks for one contact per stage under the other filters and reads total_found', async () => {
    const client = new QueryClient();
    const counts = await Promise.all(
      STAGES.map((stage) => client.fetchQuery(stageCountQuery(filters, stage))),
    );
    expect(counts[STAGES.indexOf('Replied')]).toBe(1234);
    expect(counts[STAGES.indexOf('Excluded')]).toBe(0);
    expect(requests).toHaveLength(STAGES.length);
    const first = requests[0];
    expect(Object.fromEntries(first ?? [])).toEqual({
      workspace: 'space_a',
      campaign: 'camp_b',
      stage: 'Reviewing',
      search: 'acme',
      has_replied: 'true',
      page: '1',
      display: '1',
    });
    expect(requests.map((params) => params.get('stage'))).toEqual([...STAGES]);
  });

  it('reuses counts when only the stage, page, page size or open contact change', async () => {
    const client = new QueryClient();
    await client.fetchQuery(stageCountQuery(filters, 'Replied'));
    const moved = { ...filters, stage: null, page: 1, display: 100 as const, contact: 'contact_x' };
    await client.fetchQuery(stageCountQuery(moved, 'Replied'));
    expect(requests).toHaveLength(1);
    await client.fetchQuery(stageCountQuery({ ...filters, has_replied: false }, 'Replied'));
    await client.fetchQuery(stageCountQuery({ ...filters, workspace: 'space_other' }, 'Replied'));
    expect(requests).toHaveLength(3);
  });

  it('asks nothing before a workspace is chosen', () => {
    const query = stageCountQuery(DEFAULT_FILTERS, 'Replied');
    expect(typeof query.queryFn).not.toBe('function');
  });
});
