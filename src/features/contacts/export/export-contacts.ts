import { contactsPageReaderFor, endpointPath, type Contact } from '../../../shared/contract';
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

  for (let page = 1; ; page += 1) {
    let rateLimited = 0;
    let transient = 0;
    let rows: Contact[];
    for (;;) {
      try {
        const response = await apiGet(
          endpointPath('contacts'),
          { ...contactsRequestParams(filters), page, display: EXPORT_PAGE_SIZE },
          contactsPageReaderFor({ page, display: EXPORT_PAGE_SIZE }),
          { purpose: 'export', signal },
        );
        rows = response.data;
        progress.total = response.total_found;
        progress.pages = Math.max(response.total_pages, pageCount(response.total_found));
        break;
      } catch (error) {
        if (signal.aborted || !(error instanceof ApiError)) return stopped(page, error);
        if (error.kind === 'rate-limited' && ++rateLimited < MAX_RATE_LIMITED_ATTEMPTS) {
          // Wait as long as asked, and say why nothing moves meanwhile.
          progress.waitingUntil = error.retryAt;
          report();
          try {
            await sleep(error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, signal);
          } catch (abort) {
            return stopped(page, abort);
          }
          continue;
        }
        const delay = retryDelays[transient];
        if ((error.kind === 'network' || error.kind === 'server') && delay !== undefined) {
          transient += 1;
          try {
            await sleep(delay, signal);
          } catch (abort) {
            return stopped(page, abort);
          }
          continue;
        }
        return stopped(page, error);
      }
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

async function write(sink: ExportSink, chunk: string): Promise<void> {
  try {
    await sink.write(chunk);
  } catch (error) {
    const why = error instanceof Error && error.message ? error.message : String(error);
    throw new WriteError(`Could not write the file (${why}).`);
  }
}
