import type { Served } from './api-client';

/** Shorter waits are not worth a word: they are the time any request takes. */
const WAIT_WORTH_SAYING_MS = 1000;

/** "Waited 4 s for Mailstand's rate limit", when the server held the request back that long. */
export function describeBudgetWait(served: Served): string | null {
  if (served.waitedMs < WAIT_WORTH_SAYING_MS) return null;
  return `Waited ${Math.round(served.waitedMs / 1000)} s for Mailstand's rate limit`;
}

/** "as of 25 s ago" for an answer from the server's cache, by the clock `now`; null for a fresh one. */
export function describeAnswerAge(served: Served, now: number): string | null {
  if (!served.fromCache) return null;
  const seconds = Math.max(0, Math.floor((now - served.asOf) / 1000));
  if (seconds < 60) return `as of ${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  return `as of ${minutes} min ago`;
}
