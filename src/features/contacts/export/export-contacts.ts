import {
  CAMPAIGN_TIMESTAMP_FIELDS,
  contactsPageReaderFor,
  endpointPath,
  fieldsAskedOf,
  readContactDetailAnswer,
  type Contact,
  type ContactDetail,
} from '../../../shared/contract';
import { ApiError, DEFAULT_RATE_LIMIT_WAIT_MS, apiGet, describeApiError } from '../api/api-client';
import { contactsRequestParams } from '../api/queries';
import type { ContactFilters } from '../params/filter-params';
import { csvHeader, csvRows, type CsvColumn } from './csv';
import { EXPORT_PAGE_SIZE, estimateRemainingMs, pageCount } from './export-plan';
import type { ExportSink } from './export-sink';

/**
 * Exports every contact matching the filters: pages through GET /contacts at the largest page
 * size (the server sends these after everything people are looking at), each page turned into CSV text and handed to the
 * sink before the next is fetched, so at most one page of parsed contacts is alive at a time.
 */

export type ExportProgress = {
  fetched: number;
  /** total_found of the latest page; null until the first page arrives. */
  total: number | null;
  pagesDone: number;
  pages: number | null;
  etaMs: number | null;
  /** Set while Mailstand has asked us to slow down: the moment (epoch ms) requests resume. */
  waitingUntil: number | null;
};

/** An export's progress before its first page arrives. */
export function noProgressYet(): ExportProgress {
  return { fetched: 0, total: null, pagesDone: 0, pages: null, etaMs: null, waitingUntil: null };
}

export type ExportResult =
  | { status: 'complete'; fetched: number; total: number }
  | { status: 'cancelled'; progress: ExportProgress }
  | { status: 'interrupted'; progress: ExportProgress; failedPage: number; reason: string };

/** Consecutive "Rate Limited" answers for one page before giving up: something else is hammering the key. */
const MAX_RATE_LIMITED_ATTEMPTS = 20;
/** Back-off before retrying a page after a network or server failure. */
const TRANSIENT_RETRY_DELAYS_MS = [1000, 4000];

export type ExportOptions = {
  filters: ContactFilters;
  columns: readonly CsvColumn<Contact>[];
  sink: ExportSink;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  retryDelaysMs?: readonly number[];
};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

class WriteError extends Error {
  override readonly name = 'WriteError';
}

export async function exportMatchingContacts(options: ExportOptions): Promise<ExportResult> {
  const { filters, columns, sink, signal, onProgress } = options;
  const retryDelays = options.retryDelaysMs ?? TRANSIENT_RETRY_DELAYS_MS;
  const started = Date.now();
  const progress = noProgressYet();
  const report = () => onProgress({ ...progress });
  const stopped = (failedPage: number, error: unknown): ExportResult => {
    if (signal.aborted) return { status: 'cancelled', progress: { ...progress, waitingUntil: null } };
    const reason = error instanceof WriteError ? error.message : describeApiError(error).message;
    return { status: 'interrupted', progress: { ...progress, waitingUntil: null }, failedPage, reason };
  };

  try {
    await write(sink, csvHeader(columns));
  } catch (error) {
    return stopped(1, error);
  }
  report();

  const onWait = (until: number | null) => {
    progress.waitingUntil = until;
    report();
  };
  for (let page = 1; ; page += 1) {
    let rows: Contact[];
    try {
      const response = await withRetries(
        () =>
          apiGet(
            endpointPath('contacts'),
            { ...contactsRequestParams(filters), page, display: EXPORT_PAGE_SIZE },
            contactsPageReaderFor({ page, display: EXPORT_PAGE_SIZE }),
            { purpose: 'export', signal },
          ),
        { signal, retryDelays, onWait },
      );
      rows = response.data;
      progress.total = response.total_found;
      progress.pages = Math.max(response.total_pages, pageCount(response.total_found));
    } catch (error) {
      return stopped(page, error);
    }

    try {
      if (rows.length > 0) await write(sink, csvRows(rows, columns));
    } catch (error) {
      return stopped(page, error);
    }
    progress.fetched += rows.length;
    progress.pagesDone = page;
    progress.waitingUntil = null;
    progress.etaMs = estimateRemainingMs(Date.now() - started, page, progress.pages ?? page);
    report();

    // A short page is the last one, whatever total_pages said (contacts can be deleted meanwhile).
    if (rows.length < EXPORT_PAGE_SIZE || page >= (progress.pages ?? page)) {
      return { status: 'complete', fetched: progress.fetched, total: progress.total ?? progress.fetched };
    }
  }
}

export type CompletionResult =
  | { status: 'complete'; rows: Contact[] }
  | { status: 'cancelled' }
  | { status: 'interrupted'; reason: string };

/**
 * The selected rows with every field `fields` names. A row from a page cut down to fewer fields
 * (the grid asks only for what it shows) is fetched again, whole, one contact at a time after
 * what people are looking at; a contact deleted since keeps what it had. Progress counts the
 * contacts fetched again.
 */
export async function completeRows(options: {
  rows: readonly Contact[];
  fields: readonly string[];
  campaign: string | null;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  retryDelaysMs?: readonly number[];
}): Promise<CompletionResult> {
  const { fields, campaign, signal, onProgress } = options;
  const lacking = (row: Contact) => {
    const asked = fieldsAskedOf(row);
    return asked !== null && fields.some((field) => !asked.has(field));
  };
  const rows = [...options.rows];
  const total = rows.filter(lacking).length;
  const started = Date.now();
  const progress: ExportProgress = { ...noProgressYet(), total, pages: total };
  const report = () => onProgress({ ...progress });
  const retry: RetryOptions = {
    signal,
    retryDelays: options.retryDelaysMs ?? TRANSIENT_RETRY_DELAYS_MS,
    onWait: (until) => {
      progress.waitingUntil = until;
      report();
    },
  };
  if (total > 0) report();
  for (const [index, row] of rows.entries()) {
    if (!lacking(row)) continue;
    try {
      const whole = await withRetries(
        () =>
          apiGet(endpointPath('contact', { contact_id: row.id }), {}, readContactDetailAnswer, {
            purpose: 'export',
            signal,
          }),
        retry,
      );
      rows[index] = { ...asPageRow(whole, campaign), ...row };
    } catch (error) {
      if (signal.aborted) return { status: 'cancelled' };
      if (!(error instanceof ApiError && error.kind === 'not-found')) {
        return { status: 'interrupted', reason: describeApiError(error).message };
      }
    }
    progress.fetched += 1;
    progress.pagesDone = progress.fetched;
    progress.waitingUntil = null;
    progress.etaMs = estimateRemainingMs(Date.now() - started, progress.fetched, total);
    report();
  }
  return { status: 'complete', rows };
}

/** A contact's record as a page row: a campaign's timestamps are at the top, as in a campaign's list. */
export function asPageRow(detail: ContactDetail, campaign: string | null): Contact {
  const inCampaign = detail.campaigns.find((entry) => entry.campaign === campaign);
  const times = Object.fromEntries(
    CAMPAIGN_TIMESTAMP_FIELDS.map(({ code }) => [code, inCampaign?.[code] ?? null]),
  );
  return { ...detail, ...(campaign === null ? {} : times) };
}

type RetryOptions = {
  signal: AbortSignal;
  retryDelays: readonly number[];
  /** Mailstand asked to slow down until then (epoch ms, null when it did not say). */
  onWait: (until: number | null) => void;
};

/**
 * One request, retried while waiting can fix it: "Rate Limited" as long as asked (up to a point),
 * network and server failures after each of `retryDelays`. Anything else, or an abort, is thrown.
 */
async function withRetries<T>(request: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { signal, retryDelays, onWait } = options;
  let rateLimited = 0;
  let transient = 0;
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (signal.aborted || !(error instanceof ApiError)) throw error;
      if (error.kind === 'rate-limited' && ++rateLimited < MAX_RATE_LIMITED_ATTEMPTS) {
        // Wait as long as asked, and say why nothing moves meanwhile.
        onWait(error.retryAt);
        await sleep(error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, signal);
        continue;
      }
      const delay = retryDelays[transient];
      if ((error.kind !== 'network' && error.kind !== 'server') || delay === undefined) throw error;
      transient += 1;
      await sleep(delay, signal);
    }
  }
}

async function write(sink: ExportSink, chunk: string): Promise<void> {
  try {
    await sink.write(chunk);
  } catch (error) {
    const why = error instanceof Error && error.message ? error.message : String(error);
    throw new WriteError(`Could not write the file (${why}).`);
  }
}
