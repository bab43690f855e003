import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { encodeStream, negotiateEncoding, worthCompressing } from '../http/content-encoding';
import { errorResponse } from '../http/json-response';
import { routeApiRequest } from './api-route';
import { errorCode, type Upstream } from './upstream';

export interface ApiProxyOptions {
  upstream: Upstream;
  timeoutMs: number;
  log: (line: string) => void;
}

type ProxyContext = Context<{ Bindings: HttpBindings }>;

/** Error bodies are small; anything bigger is not a Mailstand error and is not relayed. */
const ERROR_BODY_LIMIT = 1024 * 1024;
/** Below this size compression costs more than it saves. */
const MIN_COMPRESSED_SIZE = 1024;
/** Upstream headers worth relaying; everything else (Set-Cookie above all) stays behind. */
const RELAYED_HEADER = /^(content-type|retry-after|x-ratelimit-[a-z-]+|ratelimit(-[a-z]+)?)$/;
const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;
/** The encodings fetch decodes; any other would reach the browser as bytes it cannot read. */
const DECODED_ENCODING = /^\s*(identity|gzip|x-gzip|deflate|br)?\s*$/i;

/** Thrown on purpose to end an upstream call: the browser left, or the upstream was too slow. */
class Abandoned extends Error {}

/**
 * `/api/*`: lets through only the allowed calls (decided on the raw request line), asks the
 * upstream, and relays its JSON answer with the key, cookies and every other header left behind.
 */
export function createApiProxy({ upstream, timeoutMs, log }: ApiProxyOptions) {
  const redact = (text: string) =>
    upstream.secrets.reduce((result, secret) => result.replaceAll(secret, '[redacted]'), text);

  return async (c: ProxyContext): Promise<Response> => {
    const { incoming } = c.env;
    const hasBody =
      incoming.headers['transfer-encoding'] !== undefined || Number(incoming.headers['content-length']) > 0;
    const route = routeApiRequest({ method: c.req.method, rawTarget: incoming.url ?? '', hasBody });
    // Contact data is personal: no browser or shared cache may keep it.
    c.header('Cache-Control', 'no-store');
    if (route.kind === 'reject') {
      return errorResponse(c, route.status, route.error, route.message, {
        ...(route.allow === undefined ? {} : { Allow: route.allow }),
        // An unread body would otherwise be drained to keep the connection alive.
        ...(hasBody ? { Connection: 'close' } : {}),
      });
    }
    const { path } = route;
    const call = new AbortController();
    const browser = c.req.raw.signal;
    const browserLeft = () => call.abort(new Abandoned('the browser went away'));
    browser.addEventListener('abort', browserLeft);
    let timedOut = false;
    let stall = setTimeout(() => {
      timedOut = true;
      call.abort(new Abandoned('the upstream was too slow'));
    }, timeoutMs);
    const stop = () => {
      clearTimeout(stall);
      browser.removeEventListener('abort', browserLeft);
    };
    const fail = (status: 502 | 504, error: string, message: string) => {
      stop();
      call.abort(new Abandoned('the answer was refused'));
      log(`[proxy] GET ${path} -> ${status}: ${message}`);
      return errorResponse(c, status, error, message);
    };
    const notJson = (status: number, what: string) =>
      fail(
        502,
        'Bad Gateway',
        `${upstream.name} answered HTTP ${status} with ${what}. ${upstream.whatToCheck}`,
      );

    try {
      const answer = await upstream.get(route.query ? `${path}?${route.query}` : path, call.signal);
      const status = answer.status;
      const contentType = answer.headers.get('content-type') ?? '';
      const encoding = answer.headers.get('content-encoding') ?? '';
      if (!DECODED_ENCODING.test(encoding))
        return notJson(status, `an unsupported ${encoding} encoding instead of JSON`);
      if (!JSON_CONTENT_TYPE.test(contentType))
        return notJson(status, `${describeType(contentType)} instead of JSON`);
      const headers: Record<string, string> = {};
      for (const [name, value] of answer.headers) if (RELAYED_HEADER.test(name)) headers[name] = value;
      const reader = (answer.body ?? new Blob().stream()).getReader();

      if (status < 200 || status > 299) {
        // Error bodies are read whole: they must be valid JSON, and may never echo the key back.
        const text = await readText(reader, ERROR_BODY_LIMIT);
        if (text === null || !isJson(text)) return notJson(status, 'a body that is not valid JSON');
        if (status === 401) {
          log(`[proxy] GET ${path} -> 401: ${upstream.name} refused the API key; check MAILSTAND_API_KEY.`);
        }
        stop();
        return c.body(redact(text), status as ContentfulStatusCode, headers);
      }

      // Success bodies (up to several megabytes) are streamed; only their first byte is checked,
      // so an HTML page or an empty body labelled as JSON still becomes a 502.
      const { head, first } = await readUntilFirstByte(reader);
      if (first !== 0x7b && first !== 0x5b) {
        return notJson(status, first === undefined ? 'an empty body' : 'a body that is not JSON');
      }
      clearTimeout(stall);
      // From here on only silence is a problem: a stalled body is cut off rather than held forever.
      const relayed = new ReadableStream<Uint8Array>({
        start: (controller) => head.forEach((chunk) => controller.enqueue(chunk)),
        async pull(controller) {
          stall = setTimeout(() => call.abort(new Abandoned('the body stalled')), timeoutMs);
          try {
            const { done, value } = await reader.read();
            if (done) {
              stop();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            stop();
            // A browser that went away is no news; an upstream that broke off mid-body is.
            if (!browser.aborted) {
              log(
                `[proxy] GET ${path}: ${upstream.name} broke off mid-answer (${errorCode(error)}); cut the browser off too.`,
              );
            }
            // The browser's connection is cut, so a cut-off body is never taken as whole.
            incoming.socket.destroy();
            controller.close();
          } finally {
            clearTimeout(stall);
          }
        },
        cancel: () => {
          stop();
          call.abort(new Abandoned('the browser went away'));
        },
      });

      const declaredLength = Number(answer.headers.get('content-length') ?? NaN);
      const encodedUpstream = encoding.trim() !== '' && encoding.trim().toLowerCase() !== 'identity';
      const compression =
        (!encodedUpstream && declaredLength < MIN_COMPRESSED_SIZE) ||
        !worthCompressing(incoming.socket.remoteAddress, incoming.headers)
          ? 'identity'
          : negotiateEncoding(incoming.headers['accept-encoding']);
      headers.Vary = 'Accept-Encoding';
      if (compression === 'identity') {
        if (!encodedUpstream && Number.isSafeInteger(declaredLength))
          headers['Content-Length'] = String(declaredLength);
        return c.body(relayed, 200, headers);
      }
      headers['Content-Encoding'] = compression;
      return c.body(encodeStream(relayed, compression), 200, headers);
    } catch (error) {
      stop();
      // A browser that went away is owed no answer, and the log no line about one.
      if (browser.aborted) return new Response(null, { status: 499 });
      if (timedOut) {
        return fail(
          504,
          'Gateway Timeout',
          `${upstream.name} did not answer within ${timeoutMs / 1000} s (UPSTREAM_TIMEOUT_MS). ` +
            'Retry; if it keeps happening, narrow the filters or raise UPSTREAM_TIMEOUT_MS.',
        );
      }
      return fail(
        502,
        'Bad Gateway',
        `Could not reach ${upstream.name} (${errorCode(error)}). ${upstream.whatToCheck}`,
      );
    }
  };
}

/**
 * Reads until the first byte that is not JSON whitespace, so the rest can be streamed on once the
 * answer is known to be JSON. `first` is undefined for a body of nothing but whitespace.
 */
async function readUntilFirstByte(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<{ head: Uint8Array[]; first: number | undefined }> {
  const head: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { head, first: undefined };
    head.push(value);
    const first = value.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
    if (first !== undefined) return { head, first };
  }
}

async function readText(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.length;
    if (size > limit) return null;
    chunks.push(value);
  }
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
