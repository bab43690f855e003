import { REQUEST_PURPOSES, type RequestPurpose } from '../../shared/contract';
import type { RateLimit } from '../sandbox';

/**
 * The one gate every upstream call of a key passes: it keeps the calls within the key's sliding
 * window (or a Retry-After the upstream sent, if that is stricter), sends the most urgent purpose
 * first, takes turns between people within a purpose, and refuses at once what would wait too long.
 */
export interface UpstreamScheduler {
  /** Resolves when the call may go out; rejects with WaitTooLong, or with the signal's reason. */
  acquire(request: ScheduledRequest): Promise<Grant>;
  /** The upstream said to wait (429 with Retry-After): nothing goes out before then. */
  pauseFor(ms: number): void;
  /**
   * A more urgent request now shares this one's call (a page a person looks at joins an export's
   * identical call): it moves up to that purpose, waiting or for its next attempt.
   */
  promote(request: ScheduledRequest, purpose: RequestPurpose): void;
}

export interface ScheduledRequest {
  purpose: RequestPurpose;
  /** Whom the request is for (the signed-in user, or the client's address): turns are taken by person. */
  person: string;
  signal?: AbortSignal;
}

export interface Grant {
  waitedMs: number;
  /**
   * To call when the upstream's answer begins (or the call failed). The upstream counts a request
   * when it arrives, some time between sending and answering; counting it in the window until its
   * answer began keeps the two counts in step without a guessed margin.
   */
  settle(): void;
}

/** Waiting for the budget would take longer than allowed: answer now and say when to come back. */
export class WaitTooLong extends Error {
  override readonly name = 'WaitTooLong';
  constructor(
    readonly retryAfterMs: number,
    readonly waitingAhead: number,
  ) {
    super(`The rate limit's queue is ${waitingAhead} requests long.`);
  }
}

export interface SchedulerOptions {
  /** The upstream's limit per key; null when it has none (then only a Retry-After holds calls back). */
  limit: RateLimit | null;
  /** A request whose turn would come later than this is refused at once (and dropped if overtaken). */
  maxWaitMs: number;
  now?: () => number;
}

interface Waiter {
  request: ScheduledRequest;
  enqueuedAt: number;
  resolve: (grant: Grant) => void;
  reject: (reason: unknown) => void;
  cleanup: () => void;
}

/** Persons waiting at one priority, served in turn: one request each per round. */
class TurnQueue {
  private readonly byPerson = new Map<string, Waiter[]>();

  get size(): number {
    let size = 0;
    for (const waiters of this.byPerson.values()) size += waiters.length;
    return size;
  }

  push(waiter: Waiter): void {
    const own = this.byPerson.get(waiter.request.person);
    if (own === undefined) this.byPerson.set(waiter.request.person, [waiter]);
    else own.push(waiter);
  }

  /** The next person's oldest request; that person goes to the back of the round. */
  shift(): Waiter | undefined {
    for (const [person, waiters] of this.byPerson) {
      const waiter = waiters.shift();
      this.byPerson.delete(person);
      if (waiters.length > 0) this.byPerson.set(person, waiters);
      if (waiter !== undefined) return waiter;
    }
    return undefined;
  }

  remove(waiter: Waiter): void {
    const own = this.byPerson.get(waiter.request.person);
    const index = own?.indexOf(waiter) ?? -1;
    if (own === undefined || index === -1) return;
    own.splice(index, 1);
    if (own.length === 0) this.byPerson.delete(waiter.request.person);
  }

  /** How many of the queued requests a newcomer from `person` would wait behind, taking turns. */
  servedBefore(person: string): number {
    const mine = this.byPerson.get(person)?.length ?? 0;
    let ahead = 0;
    for (const [other, waiters] of this.byPerson) {
      ahead += other === person ? mine : Math.min(waiters.length, mine + 1);
    }
    return ahead;
  }
}

export function createUpstreamScheduler({
  limit,
  maxWaitMs,
  now = () => performance.now(),
}: SchedulerOptions): UpstreamScheduler {
  /** When each call in the window was counted out: Infinity while its answer has not begun. */
  const counted: number[] = [];
  const queues = new Map<RequestPurpose, TurnQueue>(
    REQUEST_PURPOSES.map((purpose) => [purpose, new TurnQueue()]),
  );
  /** The queued waiter of each request, to move it up when a more urgent one shares its call. */
  const waiting = new Map<ScheduledRequest, Waiter>();
  let pausedUntil = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function forgetExpired(time: number): void {
    const windowMs = limit?.windowMs ?? 0;
    for (let index = counted.length - 1; index >= 0; index--) {
      if ((counted[index] ?? 0) <= time - windowMs) counted.splice(index, 1);
    }
  }

  /** When the next call may go out, given the calls counted so far (sorted copy, oldest first). */
  function nextSlot(times: readonly number[], time: number): number {
    const excess = limit === null ? -1 : times.length - limit.requests;
    const windowFree = excess < 0 || limit === null ? time : (times[excess] ?? time) + limit.windowMs;
    return Math.max(time, pausedUntil, windowFree);
  }

  /** When the request that `ahead` others precede would go out if nobody else arrived. */
  function estimateStart(ahead: number, time: number): number {
    // Calls still in flight are assumed to be answered now: an estimate, not a promise.
    const times = counted.map((at) => Math.min(at, time)).sort((a, b) => a - b);
    let start = time;
    for (let index = 0; index <= ahead; index++) {
      start = nextSlot(times, time);
      times.push(start);
    }
    return start;
  }

  function waitingAhead(request: ScheduledRequest): number {
    let ahead = 0;
    for (const purpose of REQUEST_PURPOSES) {
      const queue = queues.get(purpose);
      if (queue === undefined) continue;
      if (purpose === request.purpose) return ahead + queue.servedBefore(request.person);
      ahead += queue.size;
    }
    return ahead;
  }

  function nextWaiter(): Waiter | undefined {
    for (const purpose of REQUEST_PURPOSES) {
      const waiter = queues.get(purpose)?.shift();
      if (waiter !== undefined) return waiter;
    }
    return undefined;
  }

  function grant(time: number, enqueuedAt: number): Grant {
    counted.push(Infinity);
    let settled = false;
    return {
      waitedMs: time - enqueuedAt,
      settle() {
        if (settled) return;
        settled = true;
        // Calls in flight are alike: any one of them now counts from this moment.
        const index = counted.indexOf(Infinity);
        if (index !== -1) counted[index] = now();
        counted.sort((a, b) => a - b);
        pump();
      },
    };
  }

  function pump(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (;;) {
      const time = now();
      forgetExpired(time);
      const queued = REQUEST_PURPOSES.some((purpose) => (queues.get(purpose)?.size ?? 0) > 0);
      if (!queued) return;
      const slot = nextSlot(counted, time);
      if (slot === Infinity) return; // every counted call is in flight: its settle() pumps again
      if (slot > time) {
        timer = setTimeout(pump, Math.ceil(slot - time));
        return;
      }
      const waiter = nextWaiter();
      if (waiter === undefined) return;
      waiter.cleanup();
      waiter.resolve(grant(time, waiter.enqueuedAt));
    }
  }

  return {
    acquire(request) {
      return new Promise<Grant>((resolve, reject) => {
        const { signal } = request;
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const time = now();
        forgetExpired(time);
        const ahead = waitingAhead(request);
        const waitMs = estimateStart(ahead, time) - time;
        if (waitMs > maxWaitMs) {
          reject(new WaitTooLong(Math.max(1000, waitMs - maxWaitMs), ahead));
          return;
        }
        const queue = queues.get(request.purpose);
        if (queue === undefined) throw new Error(`Unknown purpose ${request.purpose}`);
        const leave = (reason: unknown) => {
          queues.get(request.purpose)?.remove(waiter);
          waiter.cleanup();
          reject(reason);
          // A request leaving may let a later one in sooner.
          pump();
        };
        const onAbort = () => leave(signal?.reason);
        // Overtaken by more urgent requests past the limit: better an answer now than later.
        const deadline = setTimeout(
          () => leave(new WaitTooLong(limit?.windowMs ?? maxWaitMs, waitingAhead(request))),
          maxWaitMs,
        );
        const waiter: Waiter = {
          request,
          enqueuedAt: time,
          resolve,
          reject,
          cleanup: () => {
            clearTimeout(deadline);
            signal?.removeEventListener('abort', onAbort);
            waiting.delete(request);
          },
        };
        waiting.set(request, waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        pump();
      });
    },
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
      pump();
    },
    promote(request, purpose) {
      const rank = (of: RequestPurpose) => REQUEST_PURPOSES.indexOf(of);
      if (rank(purpose) >= rank(request.purpose)) return;
      const waiter = waiting.get(request);
      if (waiter !== undefined) queues.get(request.purpose)?.remove(waiter);
      request.purpose = purpose;
      if (waiter !== undefined) {
        queues.get(purpose)?.push(waiter);
        pump();
      }
    },
  };
}
