import { CancelledError, notifyManager, QueryObserver } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../shared/contract';
import { ApiError } from '../features/contacts/api/api-client';
import { sendJson, startLocalUpstream } from '../features/contacts/api/local-upstream.test-support';
import { contactsPageQuery, workspacesQuery } from '../features/contacts/api/queries';
import { DEFAULT_FILTERS } from '../features/contacts/params/filter-params';
import { createQueryClient } from './query-client';

const WORKSPACE = 'space_PO6fCH6vqL8TxdSjVhpL8i5Kp';
const workspaces = { status: 'ok', data: [{ id: WORKSPACE, name: 'First', color: '#37C23C' }] };

let upstream: Awaited<ReturnType<typeof startLocalUpstream>>;
beforeAll(async () => {
  upstream = await startLocalUpstream();
});
afterAll(async () => {
  await upstream.close();
});

/** Answers with `failures` in turn, then with `success`. */
function failThenSucceed(
  failures: Array<[number, unknown, Record<string, string>?]>,
  success: unknown,
): void {
  let calls = 0;
  upstream.handle((_request, response) => {
    const failure = failures[calls++];
    if (failure === undefined) sendJson(response, 200, success);
    else sendJson(response, failure[0], failure[1], failure[2]);
  });
}

describe('the app’s QueryClient against a real server', () => {
  it('retries by itself after Mailstand says Rate Limited', async () => {
    failThenSucceed([[429, errorBody(429, 'Rate Limited', 'Slow down'), { 'Retry-After': '0' }]], workspaces);
    const result = await createQueryClient().fetchQuery(workspacesQuery());
    expect(result[0]?.name).toBe('First');
    expect(upstream.requests).toHaveLength(2);
  });

  it.each([
    ['out of credits', 429, 'Too Many Requests'],
    ['a refused key', 401, 'Unauthorized Permission'],
    ['a missing record', 400, 'Missing Record'],
  ])('sends exactly one request for %s', async (_name, status, label) => {
    failThenSucceed([[status, errorBody(status, label, 'No')]], workspaces);
    await expect(createQueryClient().fetchQuery(workspacesQuery())).rejects.toBeInstanceOf(ApiError);
    expect(upstream.requests).toHaveLength(1);
  });

  it('retries a server error twice with back-off, then gives up with the error', async () => {
    failThenSucceed(
      [
        [502, errorBody(502, 'Bad Request', 'Upstream down')],
        [502, errorBody(502, 'Bad Request', 'Upstream down')],
        [502, errorBody(502, 'Bad Request', 'Upstream down')],
      ],
      workspaces,
    );
    await expect(createQueryClient().fetchQuery(workspacesQuery())).rejects.toMatchObject({ kind: 'server' });
    expect(upstream.requests).toHaveLength(3);
  });

  it('cancels a superseded page request all the way to the server', async () => {
    let socketClosed: Promise<void> | null = null;
    const arrived = new Promise<void>((resolve) =>
      upstream.handle((request) => {
        socketClosed = new Promise((done) => request.socket.once('close', () => done()));
        resolve();
      }),
    );
    const client = createQueryClient();
    const query = contactsPageQuery({ ...DEFAULT_FILTERS, workspace: WORKSPACE, stage: 'Replied' }, 'id');
    const pending = client.fetchQuery(query);
    await arrived;
    expect(Object.fromEntries(upstream.requests[0]?.searchParams ?? [])).toEqual({
      workspace: WORKSPACE,
      page: '1',
      display: '100',
      stage: 'Replied',
      fields: 'id',
    });
    await client.cancelQueries({ queryKey: query.queryKey });
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    await socketClosed;
  });

  it('hands an answer to the screen in the task that read it, before any timer task could run', async () => {
    upstream.handle((_request, response) => sendJson(response, 200, workspaces));
    const observer = new QueryObserver(createQueryClient(), workspacesQuery());
    let unsubscribe = () => {};
    // A timer task is where the browser could paint a frame without the answer's rows.
    const first = await new Promise<string>((resolve) => {
      const timer = setInterval(() => {
        if (observer.getCurrentResult().data === undefined) return;
        clearInterval(timer);
        resolve('a timer task');
      }, 0);
      // As React Query's hooks subscribe: through the notify manager's scheduler.
      unsubscribe = observer.subscribe(
        notifyManager.batchCalls((result: { data?: unknown }) => {
          if (result.data === undefined) return;
          clearInterval(timer);
          resolve('the screen');
        }),
      );
    });
    unsubscribe();
    expect(first).toBe('the screen');
  });
});
