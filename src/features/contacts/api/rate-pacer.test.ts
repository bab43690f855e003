import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RATE_LIMIT } from '../../../shared/contract';
import { PACED_LIMIT, createRatePacer } from './rate-pacer';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` acquisitions and tracks which have been granted. */
function request(pacer: ReturnType<typeof createRatePacer>, count: number, signal?: AbortSignal) {
  const granted: number[] = [];
  const promises = Array.from({ length: count }, (_, index) =>
    pacer.acquire(signal).then(() => {
      granted.push(index);
    }),
  );
  return { granted, promises };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('rate pacer', () => {
  it('stays below Mailstand’s documented limit', () => {
    expect(PACED_LIMIT.windowMs).toBe(RATE_LIMIT.windowMs);
    expect(PACED_LIMIT.requests).toBeLessThan(RATE_LIMIT.requests);
  });

  it('lets 95 requests through at once and holds the 96th until the first leaves the 15 s window', async () => {
    const pacer = createRatePacer();
    const burst = request(pacer, 96);
    await settle();
    expect(burst.granted).toHaveLength(95);
    expect(pacer.freeSlots()).toBe(0);

    await vi.advanceTimersByTimeAsync(14_999);
    expect(burst.granted).toHaveLength(95);
    await vi.advanceTimersByTimeAsync(1);
    expect(burst.granted).toHaveLength(96);
    expect(burst.granted.at(-1)).toBe(95);
  });

  it('counts a sliding window, not fixed buckets', async () => {
    const pacer = createRatePacer({ requests: 10, windowMs: 15_000 });
    const early = request(pacer, 6);
    await vi.advanceTimersByTimeAsync(10_000);
    const late = request(pacer, 4);
    const waiting = request(pacer, 7);
    await settle();
    expect(early.granted).toHaveLength(6);
    expect(late.granted).toHaveLength(4);
    expect(waiting.granted).toHaveLength(0);

    // At 15 s the six early ones expire: six more may go, the seventh must wait for the late ones.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(waiting.granted).toEqual([0, 1, 2, 3, 4, 5]);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(waiting.granted).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.granted).toHaveLength(7);
  });

  it('makes every caller wait after pauseUntil, even with free slots', async () => {
    const pacer = createRatePacer({ requests: 95, windowMs: 15_000 });
    pacer.pauseUntil(Date.now() + 7_000);
    expect(pacer.freeSlots()).toBe(0);
    const held = request(pacer, 3);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(held.granted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(held.granted).toHaveLength(3);
  });

  it('never shortens a pause that is already longer', async () => {
    const pacer = createRatePacer({ requests: 95, windowMs: 15_000 });
    pacer.pauseUntil(Date.now() + 10_000);
    pacer.pauseUntil(Date.now() + 2_000);
    const held = request(pacer, 1);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(held.granted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(held.granted).toHaveLength(1);
  });

  it('rejects an aborted wait with the AbortError and gives its place to the next caller', async () => {
    const pacer = createRatePacer({ requests: 1, windowMs: 15_000 });
    await pacer.acquire();
    const controller = new AbortController();
    const aborted = pacer.acquire(controller.signal);
    const next = request(pacer, 1);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });

    await vi.advanceTimersByTimeAsync(15_000);
    expect(next.granted).toEqual([0]);
    // The aborted caller took no slot: only `next` counts against the window.
    expect(pacer.freeSlots()).toBe(0);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(pacer.freeSlots()).toBe(1);
  });

  it('rejects at once when the signal is already aborted, without taking a slot', async () => {
    const pacer = createRatePacer({ requests: 5, windowMs: 15_000 });
    const controller = new AbortController();
    controller.abort();
    await expect(pacer.acquire(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(pacer.freeSlots()).toBe(5);
  });
});
