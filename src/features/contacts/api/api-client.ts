import {
  AGE_HEADER,
  BUDGET_WAIT_HEADER,
  ERROR_LABELS,
  PURPOSE_HEADER,
  describeReadFailure,
  parseRetryAfter,
  readErrorAnswer,
  type AnswerReader,
  type RequestPurpose,
} from '../../../shared/contract';

export type ApiErrorKind =
  | 'unauthorized'
  | 'rate-limited'
  | 'out-of-credits'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'contract';

/** When Mailstand says "Rate Limited" without Retry-After: one full window clears any sliding count. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 15_000;

/** A failed API call, told apart by what a person can do about it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** Mailstand's error label ("Rate Limited", "Missing Record"...), when the body carried one. */
  readonly label: string | null;
  /** Mailstand's own message, when the body carried one. */
  readonly detail: string | null;
  /** For rate-limited: how long Mailstand asked us to wait. */
  readonly retryAfterMs: number | null;
  /** For rate-limited: the moment (epoch ms) a retry may go out. */
  readonly retryAt: number | null;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: {
      status?: number | null;
      label?: string | null;
      detail?: string | null;
      retryAfterMs?: number | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status ?? null;
    this.label = options.label ?? null;
    this.detail = options.detail ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.retryAt = this.retryAfterMs === null ? null : Date.now() + this.retryAfterMs;
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

let apiBase: string | null = null;

/** Where /api lives. The browser needs nothing (same origin); tests point the client at a local server. */
export function configureApiClient(options: { base: string | null }): void {
  apiBase = options.base;
}

function resolveBase(): string {
  if (apiBase !== null) return apiBase;
  if (typeof location !== 'undefined') return location.origin;
  throw new Error('No API base: call configureApiClient({ base }) outside the browser.');
}

function buildApiUrl(path: string, params: QueryParams): URL {
  const url = new URL(`/api${path}`, resolveBase());
  for (const [key, value] of Object.entries(params)) {
    // Mailstand reads an absent flag as "off"; sending has_opened=false is not documented.
    if (value === null || value === undefined || value === false) continue;
    url.searchParams.set(key, String(value));
  }
  return url;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

export type ApiRequestOptions = {
  /** What the request is for: the server spends the key's shared budget on the most urgent first. */
  purpose: RequestPurpose;
  signal?: AbortSignal | undefined;
  /** Ask past the server's short cache, as Refresh does. */
  fresh?: boolean;
};

/** How the server came by an answer. */
export type Served = {
  /** How long the request waited for Mailstand's rate limit on the server. */
  waitedMs: number;
  /** When Mailstand gave the answer (epoch ms): earlier than now when it came from the server's cache. */
  asOf: number;
  fromCache: boolean;
};

/**
 * GET /api{path}: reads the JSON body with `read` and turns every failure into an ApiError.
 * An abort rejects with the abort reason unchanged, so React Query sees a cancellation, not an error.
 */
export async function apiGet<T>(
  path: string,
  params: QueryParams,
  read: AnswerReader<T>,
  options: ApiRequestOptions,
): Promise<T> {
  return (await apiGetServed(path, params, read, options)).body;
}

/** apiGet, and how the server came by the answer. */
export async function apiGetServed<T>(
  path: string,
  params: QueryParams,
  read: AnswerReader<T>,
  { purpose, signal, fresh = false }: ApiRequestOptions,
): Promise<{ body: T; served: Served }> {
  const url = buildApiUrl(path, params);
  const headers: Record<string, string> = { Accept: 'application/json', [PURPOSE_HEADER]: purpose };
  if (fresh) headers['Cache-Control'] = 'no-cache';

  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { signal, headers });
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    throw new ApiError(
      'network',
      'Could not reach the server. Check that it is running and your connection works.',
      {
        cause: error,
      },
    );
  }
  try {
    body = await response.text();
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    throw new ApiError('network', 'The connection dropped while the response was loading.', {
      status: response.status,
      cause: error,
    });
  }

  if (!response.ok) throw errorFromResponse(response, body);
  return { body: parseBody(body, read, response.status), served: readServed(response.headers) };
}

/** The server's note on an answer: how long it waited for the budget and how old it is. */
export function readServed(headers: Headers, now: number = Date.now()): Served {
  const waited = Number(headers.get(BUDGET_WAIT_HEADER));
  const age = Number(headers.get(AGE_HEADER) ?? '');
  const fromCache = headers.get(AGE_HEADER) !== null && Number.isFinite(age) && age >= 0;
  return {
    waitedMs: Number.isFinite(waited) && waited > 0 ? waited : 0,
    asOf: fromCache ? now - age * 1000 : now,
    fromCache,
  };
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

function parseBody<T>(body: string, read: AnswerReader<T>, status: number): T {
  const json = parseJson(body);
  if (!json.ok) {
    const what = body.trim() === '' ? 'the response was empty' : 'the response was not JSON';
    throw new ApiError('contract', `Unexpected response from Mailstand: ${what}.`, { status });
  }
  const result = read(json.value);
  if (!result.ok) {
    throw new ApiError('contract', `Unexpected response from Mailstand: ${describeReadFailure(result)}`, {
      status,
    });
  }
  return result.value;
}

function statusText(response: Response): string {
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

function errorFromResponse(response: Response, body: string): ApiError {
  const json = parseJson(body);
  const parsed = json.ok ? readErrorAnswer(json.value) : null;
  const first = parsed?.ok ? parsed.value[0] : undefined;
  const label = first?.error ?? null;
  const detail = first?.message ?? null;
  const status = response.status;
  const common = { status, label, detail };

  // Branch on the label first: Mailstand sends 429 for two very different things.
  if (label === ERROR_LABELS.unauthorized) {
    return new ApiError(
      'unauthorized',
      'Mailstand refused the API key. Check MAILSTAND_API_KEY on the server and restart it.',
      common,
    );
  }
  if (label === ERROR_LABELS.rateLimited || (label === null && status === 429)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After')) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    // 503: the server's own queue for the key's budget is too long; 429: Mailstand itself refused.
    const message =
      status === 503
        ? "Too many requests are waiting for Mailstand's rate limit on the server."
        : 'Mailstand asked us to slow down (too many requests at once).';
    return new ApiError('rate-limited', message, {
      ...common,
      retryAfterMs,
    });
  }
  if (label === ERROR_LABELS.outOfCredits) {
    return new ApiError(
      'out-of-credits',
      'The Mailstand account is out of API credits. Waiting will not help: add credits in Mailstand, then retry.',
      common,
    );
  }
  if (label === ERROR_LABELS.missingRecord) {
    return new ApiError(
      'not-found',
      withDetail('Mailstand has no such record (it may have been deleted).', detail),
      common,
    );
  }
  if (status >= 500) {
    const from =
      label === null ? `The server answered ${statusText(response)}` : `Mailstand reported “${label}”`;
    return new ApiError('server', withDetail(`${from}. This is usually temporary.`, detail), common);
  }
  const from =
    label === null
      ? `The server refused the request (${statusText(response)})`
      : `Mailstand refused the request (“${label}”)`;
  return new ApiError('bad-request', withDetail(`${from}.`, detail), common);
}

function withDetail(message: string, detail: string | null): string {
  return detail ? `${message} Mailstand says: ${detail}` : message;
}

const TITLES: Record<ApiErrorKind, string> = {
  unauthorized: 'API key refused',
  'rate-limited': 'Slowing down for Mailstand',
  'out-of-credits': 'Mailstand account out of credits',
  'not-found': 'Not found',
  'bad-request': 'Request refused',
  server: 'Mailstand is having trouble',
  network: 'Cannot reach the server',
  contract: 'Unexpected response',
};

/** Kinds where trying the same request again later can succeed without anyone changing anything. */
const TRANSIENT: ReadonlySet<ApiErrorKind> = new Set(['rate-limited', 'server', 'network']);

/** Words for an error panel: what happened and what to do. */
export function describeApiError(error: unknown): { title: string; message: string; retryable: boolean } {
  if (error instanceof ApiError) {
    return { title: TITLES[error.kind], message: error.message, retryable: TRANSIENT.has(error.kind) };
  }
  const message = error instanceof Error && error.message ? error.message : String(error);
  return { title: 'Something went wrong', message, retryable: true };
}

/** "Retrying in 12 s." while a rate-limited request waits, else null. */
export function describeRetryWait(error: unknown, now: number = Date.now()): string | null {
  if (!(error instanceof ApiError) || error.kind !== 'rate-limited' || error.retryAt === null) return null;
  const seconds = Math.max(0, Math.ceil((error.retryAt - now) / 1000));
  return seconds > 0 ? `Mailstand asked us to slow down; retrying in ${seconds} s.` : 'Retrying now…';
}
