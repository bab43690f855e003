import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestPurpose } from '../../shared/contract';
import {
  createUpstreamScheduler,
  WaitTooLong,
  type Grant,
  type ScheduledRequest,
  type UpstreamScheduler,
} from './upstream-scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const LIMIT = { requests: 3, windowMs: 10_000 };

function scheduler(options: { maxWaitMs?: number; limit?: typeof LIMIT | null } = {}): UpstreamScheduler {
  return createUpstreamScheduler({
    limit: options.limit === undefined ? LIMIT : options.limit,
    maxWaitMs: options.maxWaitMs ?? 60_000,
    now: () => Date.now(),
  });
}

/** Acquires and records, in order, which requests were let through and when. */
function recorder(gate: UpstreamScheduler) {
  const started = Date.now();
  const order: string[] = [];
  const times: Record<string, number> = {};
  const grants: Grant[] = [];
  const take = (name: string, purpose: RequestPurpose = 'page', person = 'ana', signal?: AbortSignal) => {
    const granted = gate.acquire({ purpose, person, ...(signal ? { signal } : {}) }).then((grant) => {
      order.push(name);
      times[name] = Date.now() - started;
      grants.push(grant);
      // The answer begins at once: the call counts from here.
      grant.settle();
      return grant;
    });
    granted.catch(() => undefined);
    return granted;
  };
  return { order, times, grants, take };
}

describe('the sliding window', () => {
  it('lets the limit through at once, then one more each time the oldest call leaves the window', async () => {
    const { take, times } = recorder(scheduler());
    for (const name of ['a', 'b', 'c', 'd', 'e']) void take(name);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual({ a: 0, b: 0, c: 0 });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(times.d).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toMatchObject({ d: 10_000, e: 10_000 });
  });

  it('counts a call from when its answer began, so a slow upstream never sees more than the limit', async () => {
    const gate = scheduler();
    const slow = await Promise.all([1, 2, 3].map(() => gate.acquire({ purpose: 'page', person: 'ana' })));
    let fourth = false;
    void gate.acquire({ purpose: 'page', person: 'ana' }).then(() => (fourth = true));
    // The upstream takes 4 s to begin answering the first call.
    await vi.advanceTimersByTimeAsync(4_000);
    slow[0]?.settle();
    slow[1]?.settle();
    slow[2]?.settle();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(fourth).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(fourth).toBe(true);
  });

  it('reports how long each call waited', async () => {
    const { take } = recorder(scheduler());
    await Promise.all(['a', 'b', 'c'].map((name) => take(name)));
    const late = take('d');
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await late).waitedMs).toBe(10_000);
  });

  it('holds nothing back when the upstream has no limit', async () => {
    const { take, order } = recorder(scheduler({ limit: null }));
    for (let index = 0; index < 50; index++) void take(`r${index}`);
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toHaveLength(50);
  });
});

describe('the order of waiting calls', () => {
  it('sends the page a person looks at before details, reference data, prefetches, counts and exports', async () => {
    const gate = scheduler();
    const { take, order } = recorder(gate);
    await Promise.all(['x', 'y', 'z'].map((name) => take(name)));
    const purposes: RequestPurpose[] = ['export', 'counts', 'prefetch', 'reference', 'detail', 'page'];
    for (const purpose of purposes) void take(purpose, purpose);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(order.slice(3)).toEqual(['page', 'detail', 'reference', 'prefetch', 'counts', 'export']);
  });

  it('takes turns between people, so one person’s many calls do not hold up another’s one', async () => {
    const gate = scheduler();
    const { take, order } = recorder(gate);
    await Promise.all(['x', 'y', 'z'].map((name) => take(name)));
    for (let index = 1; index <= 5; index++) void take(`ana${index}`, 'export', 'ana');
    void take('ben1', 'export', 'ben');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(order.slice(3)).toEqual(['ana1', 'ben1', 'ana2', 'ana3', 'ana4', 'ana5']);
  });

  it('moves a waiting call up when a more urgent request shares it, and never down', async () => {
    const gate = scheduler();
    const { take, order } = recorder(gate);
    await Promise.all(['x', 'y', 'z'].map((name) => take(name)));
    void take('ana-export', 'export', 'ana');
    const shared: ScheduledRequest = { purpose: 'export', person: 'dee' };
    void gate.acquire(shared).then((grant) => {
      order.push('dee-export, shared with a page');
      grant.settle();
    });
    void take('ben-export', 'export', 'ben');
    void take('counts', 'counts', 'cy');
    gate.promote(shared, 'page');
    gate.promote(shared, 'export');
    await vi.advanceTimersByTimeAsync(40_000);
    expect(order.slice(3)).toEqual(['dee-export, shared with a page', 'counts', 'ana-export', 'ben-export']);
  });
});

describe('a bounded wait', () => {
  it('refuses at once a call whose turn would come too late, saying when to come back', async () => {
    const gate = scheduler({ maxWaitMs: 15_000 });
    const { take } = recorder(gate);
    await Promise.all(['a', 'b', 'c'].map((name) => take(name)));
    // Three more fit in the next window (10 s away); the seventh would wait two windows.
    for (const name of ['d', 'e', 'f']) void take(name);
    const refused = await gate.acquire({ purpose: 'page', person: 'ana' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WaitTooLong);
    expect(refused).toMatchObject({ waitingAhead: 3, retryAfterMs: 5_000 });
  });

  it('counts only what is ahead: an urgent call is let in past a long queue of exports', async () => {
    const gate = scheduler({ maxWaitMs: 15_000 });
    const { take, times } = recorder(gate);
    await Promise.all(['a', 'b', 'c'].map((name) => take(name)));
    for (let index = 0; index < 20; index++) void take(`export${index}`, 'export', 'ben');
    void take('page', 'page', 'ana');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times.page).toBe(10_000);
  });

  it('lets go of a call overtaken past the limit by more urgent ones', async () => {
    const gate = scheduler({ maxWaitMs: 15_000 });
    const { take } = recorder(gate);
    await Promise.all(['a', 'b', 'c'].map((name) => take(name)));
    const exported = take('export', 'export', 'ben');
    for (let index = 0; index < 3; index++) void take(`page${index}`, 'page', 'ana');
    await vi.advanceTimersByTimeAsync(15_000);
    await expect(exported).rejects.toBeInstanceOf(WaitTooLong);
  });
});

describe('Retry-After and cancelling', () => {
  it('sends nothing before a pause the upstream asked for ends, however free the window is', async () => {
    const gate = scheduler();
    const { take, times } = recorder(gate);
    gate.pauseFor(7_000);
    void take('a');
    await vi.advanceTimersByTimeAsync(6_999);
    expect(times.a).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(times.a).toBe(7_000);
  });

  it('refuses at once while a pause longer than the allowed wait runs', async () => {
    const gate = scheduler({ maxWaitMs: 5_000 });
    gate.pauseFor(60_000);
    await expect(gate.acquire({ purpose: 'page', person: 'ana' })).rejects.toMatchObject({
      retryAfterMs: 55_000,
    });
  });

  it('drops a cancelled call from the queue, and the next one takes its place', async () => {
    const gate = scheduler();
    const { take, order } = recorder(gate);
    await Promise.all(['a', 'b', 'c'].map((name) => take(name)));
    const controller = new AbortController();
    const cancelled = take('cancelled', 'page', 'ana', controller.signal);
    void take('next');
    controller.abort(new Error('gone'));
    await expect(cancelled).rejects.toThrow('gone');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(order.slice(3)).toEqual(['next']);
  });
});
