import type { FetchUpstream, UpstreamAnswer } from '../budget/shared-upstream';
import { errorCode, type Upstream } from './upstream';

/** The proxy's own answer when the upstream's cannot be relayed, in Mailstand's error shape. */
export class RelayFailure extends Error {
  override readonly name = 'RelayFailure';
  constructor(
    readonly status: 502 | 504,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** Error bodies are small; anything bigger is not a Mailstand error and is not relayed. */
const ERROR_BODY_LIMIT = 1024 * 1024;
/** A 2000-contact page is a few megabytes; a body far beyond that is not one of Mailstand's answers. */
const SUCCESS_BODY_LIMIT = 64 * 1024 * 1024;
/** Upstream headers worth relaying; everything else (Set-Cookie above all) stays behind. */
const RELAYED_HEADER = /^(content-type|retry-after|x-ratelimit-[a-z-]+|ratelimit(-[a-z]+)?)$/;
const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;
/** The encodings fetch decodes; any other would reach the browser as bytes it cannot read. */
const DECODED_ENCODING = /^\s*(identity|gzip|x-gzip|deflate|br)?\s*$/i;

/**
 * Calls the upstream and reads its whole answer, checked: JSON or a RelayFailure, never the key
 * echoed back. Whole, so that the key's budget can share one answer between requests and keep it.
 * `timeoutMs` bounds each silence: until the answer begins, and between parts of its body.
 */
export function createAnswerFetcher({
  upstream,
  timeoutMs,
  log,
}: {
  upstream: Upstream;
  timeoutMs: number;
  log: (line: string) => void;
}): FetchUpstream {
  const redact = (text: string) =>
    upstream.secrets.reduce((result, secret) => result.replaceAll(secret, '[redacted]'), text);

  return async (target, signal, began) => {
    const path = target.split('?')[0] ?? target;
    const call = new AbortController();
    const stop = () => call.abort(signal.reason);
    signal.addEventListener('abort', stop);
    let timedOut = false;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const expectWithin = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        timedOut = true;
        call.abort(new Error('the upstream was too slow'));
      }, timeoutMs);
    };
    const failure = (status: 502 | 504, error: string, message: string) => {
      // Nobody waits for this answer any more: no log line about one nobody receives.
      if (!signal.aborted) log(`[proxy] GET ${path} -> ${status}: ${message}`);
      call.abort(new Error('the answer was refused'));
      return new RelayFailure(status, error, message);
    };
    const notJson = (status: number, what: string) =>
      failure(
        502,
        'Bad Gateway',
        `${upstream.name} answered HTTP ${status} with ${what}. ${upstream.whatToCheck}`,
      );
    const tooSlow = () =>
      failure(
        504,
        'Gateway Timeout',
        `${upstream.name} did not answer within ${timeoutMs / 1000} s (UPSTREAM_TIMEOUT_MS). ` +
          'Retry; if it keeps happening, narrow the filters or raise UPSTREAM_TIMEOUT_MS.',
      );
    /** A call that threw: the abort itself, a timeout as 504, anything else as 502 with `message`. */
    const failed = (error: unknown, message: string): unknown =>
      signal.aborted ? error : timedOut ? tooSlow() : failure(502, 'Bad Gateway', message);

    expectWithin();
    try {
      let response: Response;
      try {
        response = await upstream.get(target, call.signal);
      } catch (error) {
        throw failed(
          error,
          `Could not reach ${upstream.name} (${errorCode(error)}). ${upstream.whatToCheck}`,
        );
      }
      began();
      const { status } = response;
      const contentType = response.headers.get('content-type') ?? '';
      const encoding = response.headers.get('content-encoding') ?? '';
      if (!DECODED_ENCODING.test(encoding))
        throw notJson(status, `an unsupported ${encoding} encoding instead of JSON`);
      if (!JSON_CONTENT_TYPE.test(contentType))
        throw notJson(status, `${describeType(contentType)} instead of JSON`);
      const headers: Record<string, string> = {};
      for (const [name, value] of response.headers) if (RELAYED_HEADER.test(name)) headers[name] = value;

      const success = status >= 200 && status <= 299;
      let body: Uint8Array<ArrayBuffer> | null;
      try {
        body = await readAll(response, success ? SUCCESS_BODY_LIMIT : ERROR_BODY_LIMIT, expectWithin);
      } catch (error) {
        throw failed(
          error,
          `The connection to ${upstream.name} broke before its answer was complete (${errorCode(error)}). ` +
            'Retry the request.',
        );
      }
      if (!success) {
        // Error bodies must be valid JSON, and may never echo the key back.
        const text = body === null ? undefined : new TextDecoder().decode(body);
        if (text === undefined || !isJson(text)) throw notJson(status, 'a body that is not valid JSON');
        if (status === 401)
          log(`[proxy] GET ${path} -> 401: ${upstream.name} refused the API key; check MAILSTAND_API_KEY.`);
        return { status, headers, body: new TextEncoder().encode(redact(text)) } satisfies UpstreamAnswer;
      }
      // Only the first byte is checked, so an HTML page or an empty body labelled as JSON still
      // becomes a 502; the app validates the rest.
      const first = body?.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
      if (body === null) throw notJson(status, 'a body far too large');
      if (first !== 0x7b && first !== 0x5b)
        throw notJson(status, first === undefined ? 'an empty body' : 'a body that is not JSON');
      return { status, headers, body };
    } finally {
      clearTimeout(silence);
      signal.removeEventListener('abort', stop);
    }
  };
}

/** The whole body, or null when it is longer than `limit` bytes; `progress` is called per part. */
async function readAll(
  response: Response,
  limit: number,
  progress: () => void,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    progress();
    size += part.value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(part.value);
  }
  // A body in one part (the sandbox's answers, small ones) is kept as it came: a page is not copied.
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, size);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function describeType(contentType: string): string {
  const type = contentType.split(';')[0]?.trim();
  return type ? `content type ${type}` : 'no content type';
}
