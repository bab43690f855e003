import {
  ERROR_LABELS,
  parseRetryAfter,
  readErrorAnswer,
  RATE_LIMIT,
  type RequestPurpose,
} from '../../shared/contract';
import type { AnswerCache } from './answer-cache';
import { WaitTooLong, type Grant, type ScheduledRequest, type UpstreamScheduler } from './upstream-scheduler';

/** A whole upstream answer, read into memory so that several requests can share it. */
export interface UpstreamAnswer {
  status: number;
  /** The headers worth relaying. */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array<ArrayBuffer>;
}

/**
 * Sends one call upstream and reads its whole answer; calls `began` as soon as the answer starts
 * to arrive. Rejects with whatever the caller's relay makes of a failure.
 */
export type FetchUpstream = (
  target: string,
  signal: AbortSignal,
  began: () => void,
) => Promise<UpstreamAnswer>;

export interface SharedRequest {
  /** The upstream path and normalised query, e.g. `/contacts?workspace=w&page=2`. */
  target: string;
  /** Which cache lifetime applies: how quickly what this path returns changes. */
  ttlMs: number;
  purpose: RequestPurpose;
  person: string;
  /** Skip the cache and any call already in flight: the person asked for the latest. */
  fresh: boolean;
  signal: AbortSignal;
}

export interface SharedAnswer extends UpstreamAnswer {
  /** How long this request waited for the rate limit. */
  waitedMs: number;
  /** How long ago the answer left the upstream, when it came from the cache; else null. */
  ageMs: number | null;
}

export interface SharedUpstream {
  get(request: SharedRequest): Promise<SharedAnswer>;
}

/** A 429 the budget did not foresee (someone else uses the key) is waited out and sent again this often. */
const RATE_LIMITED_RETRIES = 2;

interface InFlight {
  answer: Promise<{ answer: UpstreamAnswer; waitedMs: number }>;
  /** Its place with the scheduler, raised when a more urgent request joins. */
  scheduled: ScheduledRequest;
  startedAt: number;
  users: number;
  settled: boolean;
  controller: AbortController;
}

/**
 * The single way to the upstream: answers from the cache while fresh, lets identical calls in
 * flight share one upstream call, and sends the rest through the key's scheduler.
 */
export function createSharedUpstream({
  fetchUpstream,
  scheduler,
  cache,
  now = () => performance.now(),
}: {
  fetchUpstream: FetchUpstream;
  scheduler: UpstreamScheduler;
  cache: AnswerCache<UpstreamAnswer>;
  now?: () => number;
}): SharedUpstream {
  const inFlight = new Map<string, InFlight>();

  async function call(request: SharedRequest, scheduled: ScheduledRequest, signal: AbortSignal) {
    const started = now();
    let rateLimited: UpstreamAnswer | null = null;
    for (let attempt = 0; ; attempt++) {
      let grant: Grant;
      try {
        grant = await scheduler.acquire(scheduled);
      } catch (error) {
        // Waiting out the upstream's Retry-After would take too long: its own answer says so best.
        if (rateLimited !== null && error instanceof WaitTooLong)
          return { answer: rateLimited, waitedMs: Math.round(now() - started) };
        throw error;
      }
      const waitedMs = Math.round(now() - started);
      let answer: UpstreamAnswer;
      try {
        answer = await fetchUpstream(request.target, signal, grant.settle);
      } finally {
        grant.settle();
      }
      if (!isRateLimited(answer) || attempt === RATE_LIMITED_RETRIES) {
        if (answer.status === 200) cache.set(request.target, answer, answer.body.length, request.ttlMs);
        return { answer, waitedMs };
      }
      rateLimited = answer;
      // Everything waits, not only this call: the limit is per key.
      scheduler.pauseFor(parseRetryAfter(answer.headers['retry-after']) ?? RATE_LIMIT.windowMs);
    }
  }

  function start(request: SharedRequest): InFlight {
    const controller = new AbortController();
    const scheduled = { purpose: request.purpose, person: request.person, signal: controller.signal };
    const flight: InFlight = {
      answer: call(request, scheduled, controller.signal),
      scheduled,
      startedAt: now(),
      users: 0,
      settled: false,
      controller,
    };
    inFlight.set(request.target, flight);
    const forget = () => {
      flight.settled = true;
      if (inFlight.get(request.target) === flight) inFlight.delete(request.target);
    };
    flight.answer.then(forget, forget);
    return flight;
  }

  return {
    async get(request) {
      if (!request.fresh) {
        const cached = cache.get(request.target);
        if (cached !== undefined) return { ...cached.value, waitedMs: 0, ageMs: now() - cached.storedAt };
      }
      const joined = request.fresh ? undefined : inFlight.get(request.target);
      const flight = joined ?? start(request);
      if (joined !== undefined) scheduler.promote(joined.scheduled, request.purpose);
      const joinedAt = now();
      flight.users += 1;
      // The shared call stops only when everyone waiting for it has gone.
      const leave = () => {
        flight.users -= 1;
        if (flight.users > 0 || flight.settled) return;
        if (inFlight.get(request.target) === flight) inFlight.delete(request.target);
        flight.controller.abort(request.signal.reason);
      };
      const { signal } = request;
      if (signal.aborted) {
        leave();
        throw signal.reason;
      }
      const aborted = new Promise<never>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      aborted.catch(() => undefined);
      try {
        const { answer, waitedMs } = await Promise.race([flight.answer, aborted]);
        // Who joined later waited only for the part of the wait that was left.
        return { ...answer, waitedMs: Math.max(0, waitedMs - (joinedAt - flight.startedAt)), ageMs: null };
      } finally {
        leave();
      }
    },
  };
}

/** A 429 that waiting fixes: "Rate Limited", not "Too Many Requests" (the account is out of credits). */
function isRateLimited(answer: UpstreamAnswer): boolean {
  if (answer.status !== 429) return false;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(answer.body));
  } catch {
    return true;
  }
  const parsed = readErrorAnswer(body);
  const label = parsed.ok ? parsed.value[0]?.error : undefined;
  return label !== ERROR_LABELS.outOfCredits;
}
