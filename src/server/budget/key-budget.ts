import type { IncomingHttpHeaders } from 'node:http';
import { isRequestPurpose, PURPOSE_HEADER, type RequestPurpose } from '../../shared/contract';
import type { RateLimit } from '../sandbox';
import { createAnswerCache } from './answer-cache';
import {
  createSharedUpstream,
  type FetchUpstream,
  type SharedAnswer,
  type UpstreamAnswer,
} from './shared-upstream';
import { createUpstreamScheduler } from './upstream-scheduler';

/** How one key's upstream budget is spent and its answers kept (see the README's configuration). */
export interface BudgetConfig {
  /** The upstream's limit per key; null when it has none (a sandbox with its limit off). */
  limit: RateLimit | null;
  maxWaitMs: number;
  cacheBytes: number;
  /** How long contact pages, counts and single contacts are reused. */
  contactsTtlMs: number;
  /** How long workspaces, campaigns and fields are reused. */
  referenceTtlMs: number;
}

export interface RelayRequest {
  /** The allowed upstream path, e.g. `/contacts`. */
  path: string;
  /** The query as the allowlist re-encoded it. */
  query: string;
  /** The browser's headers: only the purpose and a no-cache request are read. */
  headers: IncomingHttpHeaders;
  person: string;
  signal: AbortSignal;
}

export interface KeyBudget {
  relay(request: RelayRequest): Promise<SharedAnswer>;
}

/** Requests that do not say what they are for (scripts, older tabs) queue with the reference data. */
const DEFAULT_PURPOSE: RequestPurpose = 'reference';

export function createKeyBudget(config: BudgetConfig, fetchUpstream: FetchUpstream): KeyBudget {
  const shared = createSharedUpstream({
    fetchUpstream,
    scheduler: createUpstreamScheduler({ limit: config.limit, maxWaitMs: config.maxWaitMs }),
    cache: createAnswerCache<UpstreamAnswer>(config.cacheBytes),
  });
  return {
    relay({ path, query, headers, person, signal }) {
      const normalised = normaliseQuery(query);
      return shared.get({
        target: normalised === '' ? path : `${path}?${normalised}`,
        ttlMs: path.startsWith('/contacts') ? config.contactsTtlMs : config.referenceTtlMs,
        purpose: readPurpose(headers),
        person,
        fresh: asksForFresh(headers),
        signal,
      });
    },
  };
}

/** The purpose only orders the queue: a request that claims too much urgency gains a place, nothing else. */
export function readPurpose(headers: IncomingHttpHeaders): RequestPurpose {
  const value = headers[PURPOSE_HEADER.toLowerCase()];
  const purpose = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return isRequestPurpose(purpose) ? purpose : DEFAULT_PURPOSE;
}

/** `Cache-Control: no-cache` (or max-age=0, or the older `Pragma: no-cache`) asks past the cache. */
export function asksForFresh(headers: IncomingHttpHeaders): boolean {
  const directives = (headers['cache-control'] ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  return (
    directives.includes('no-cache') ||
    directives.includes('max-age=0') ||
    (headers.pragma ?? '').toLowerCase().includes('no-cache')
  );
}

/**
 * One spelling per question: parameters sorted by name (repeated names keep their order), so the
 * same filters asked in another order share the cache entry and the call in flight.
 */
export function normaliseQuery(query: string): string {
  if (query === '') return '';
  const pairs = query.split('&').map((pair) => ({ pair, name: pair.slice(0, (pair + '=').indexOf('=')) }));
  return pairs
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ pair }) => pair)
    .join('&');
}
