import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Duplex, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchUpstream, UpstreamAnswer } from '../budget/shared-upstream';

export interface Upstream {
  /** Base URL the allowed paths are appended to, e.g. https://api.mailstand.com. */
  baseUrl: URL;
  apiKey: string;
  /** How the proxy's own error messages name the upstream, e.g. "Mailstand (https://api.mailstand.com)". */
  name: string;
  /** The sentence that tells a person what to check when the upstream cannot be reached. */
  whatToCheck: string;
  /** Ask for compressed bodies: worth it across the internet, wasted work on loopback. */
  compressed: boolean;
  /**
   * Opens a connection to an upstream inside this process (the sandbox), instead of one to the
   * URL's host over the network; the URL still names the paths.
   */
  connect?: () => Duplex;
}

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

export interface UpstreamClient {
  fetch: FetchUpstream;
  close(): void;
}

/** Error bodies are small; anything bigger is not a Mailstand error and is not relayed. */
const ERROR_BODY_LIMIT = 1024 * 1024;
/** A 2000-contact page is about 3 MB; a body far beyond that is not one of Mailstand's answers. */
const SUCCESS_BODY_LIMIT = 64 * 1024 * 1024;
/** How long an idle upstream connection is kept for reuse; see the agent below. */
const IDLE_SOCKET_MS = 4000;
/** Upstream headers worth relaying; everything else (Set-Cookie above all) stays behind. */
const RELAYED_HEADER = /^(content-type|retry-after|x-ratelimit-[a-z-]+|ratelimit(-[a-z]+)?)$/;
const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

/**
 * Calls the upstream with the key and reads its whole answer, checked: JSON or a RelayFailure,
 * never the key echoed back.
 */
export function createUpstreamClient({
  upstream,
  timeoutMs,
  log,
}: {
  upstream: Upstream;
  timeoutMs: number;
  log: (line: string) => void;
}): UpstreamClient {
  const client = upstream.baseUrl.protocol === 'https:' ? https : http;
  // Idle sockets are dropped after 4 s, before the upstream's own keep-alive timeout (Node's
  // server default is 5 s): a request sent on a socket the upstream is just closing fails with
  // ECONNRESET. Node lowers this further when the upstream hints a shorter one. (The sandbox
  // needs no pool: each of its requests gets an in-process connection of its own.)
  const agent = new client.Agent({ keepAlive: true, noDelay: true, timeout: IDLE_SOCKET_MS });
  const authorization = `Basic ${Buffer.from(`${upstream.apiKey}:`).toString('base64')}`;
  const basePath = upstream.baseUrl.pathname.replace(/\/$/, '');
  const redact = (text: string) =>
    [upstream.apiKey, authorization.slice('Basic '.length)].reduce(
      (result, secret) => result.replaceAll(secret, '[redacted]'),
      text,
    );

  function fetchUpstream(target: string, signal: AbortSignal, began: () => void): Promise<UpstreamAnswer> {
    const url = new URL(upstream.baseUrl.origin + basePath + target);
    const path = url.pathname.slice(basePath.length);
    return new Promise<UpstreamAnswer>((resolve, reject) => {
      let upstreamReq: http.ClientRequest;
      let done = false;
      const finish = (outcome: UpstreamAnswer | Error) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        signal.removeEventListener('abort', onAbort);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const fail = (status: 502 | 504, error: string, message: string) => {
        // Nobody waits for an answer any more: no log line about one nobody receives.
        if (!signal.aborted) log(`[proxy] GET ${path} -> ${status}: ${message}`);
        upstreamReq.destroy();
        finish(new RelayFailure(status, error, message));
      };
      const onAbort = () => {
        upstreamReq.destroy();
        finish(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const deadline = setTimeout(
        () =>
          fail(
            504,
            'Gateway Timeout',
            `${upstream.name} did not answer within ${timeoutMs / 1000} s (UPSTREAM_TIMEOUT_MS). ` +
              'Retry; if it keeps happening, narrow the filters or raise UPSTREAM_TIMEOUT_MS.',
          ),
        timeoutMs,
      );

      const send = (): http.ClientRequest => {
        // The upstream request is built from scratch: the browser's Authorization, Cookie and every
        // other header stay behind.
        const request = client.request(url, {
          method: 'GET',
          ...(upstream.connect === undefined ? { agent } : { createConnection: upstream.connect }),
          headers: {
            Accept: 'application/json',
            'Accept-Encoding': upstream.compressed ? 'br, gzip, deflate' : 'identity',
            Authorization: authorization,
            'User-Agent': 'mailstand-contacts-proxy',
          },
        });
        request.on('error', (error) => {
          // A kept-alive connection the upstream closed just as this request went out on it: the
          // upstream never saw the request, so it goes again, as Node's documentation advises for
          // idempotent requests. Each such retry uses up one pooled socket, so retries end.
          if (request.reusedSocket && errorCode(error) === 'ECONNRESET' && !done) {
            upstreamReq = send();
            return;
          }
          fail(
            502,
            'Bad Gateway',
            `Could not reach ${upstream.name} (${errorCode(error)}). ${upstream.whatToCheck}`,
          );
        });
        request.on('response', (upstreamRes) => {
          began();
          read(upstreamRes).then(finish, (error: unknown) => {
            if (error instanceof RelayFailure) fail(error.status, error.error, error.message);
            else
              fail(
                502,
                'Bad Gateway',
                `The connection to ${upstream.name} broke before its answer was complete (${errorCode(error)}). ` +
                  'Retry the request.',
              );
          });
        });
        request.end();
        return request;
      };

      async function read(upstreamRes: IncomingMessage): Promise<UpstreamAnswer> {
        const status = upstreamRes.statusCode ?? 502;
        const contentType = upstreamRes.headers['content-type'] ?? '';
        const decoded = decodeBody(upstreamRes);
        if (!JSON_CONTENT_TYPE.test(contentType) || decoded === null) {
          const what =
            decoded === null
              ? `an unsupported ${upstreamRes.headers['content-encoding']} encoding`
              : describeType(contentType);
          throw new RelayFailure(
            502,
            'Bad Gateway',
            `${upstream.name} answered HTTP ${status} with ${what} instead of JSON. ${upstream.whatToCheck}`,
          );
        }
        clearTimeout(deadline);
        // From here on only silence is a problem: a stalled body is cut off rather than held forever.
        upstreamReq.setTimeout(timeoutMs, () => upstreamReq.destroy(new Error('the body stalled')));
        const success = status >= 200 && status <= 299;
        const body = await readAll(decoded, success ? SUCCESS_BODY_LIMIT : ERROR_BODY_LIMIT);
        const headers = relayedHeaders(upstreamRes.headers);
        if (!success) {
          // Error bodies must be valid JSON, and may never echo the key back.
          const text = body?.toString('utf8');
          if (text === undefined || !isJson(text)) {
            throw new RelayFailure(
              502,
              'Bad Gateway',
              `${upstream.name} answered HTTP ${status} with a body that is not valid JSON. ${upstream.whatToCheck}`,
            );
          }
          if (status === 401)
            log(`[proxy] GET ${path} -> 401: ${upstream.name} refused the API key; check MAILSTAND_API_KEY.`);
          return { status, headers, body: Buffer.from(redact(text)) };
        }
        // Only the first byte is checked, so an HTML page or an empty body labelled as JSON
        // still becomes a 502; the app validates the rest.
        const first = body?.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
        if (body === null || (first !== 0x7b && first !== 0x5b)) {
          const what =
            body === null
              ? 'a body far too large'
              : first === undefined
                ? 'an empty body'
                : 'a body that is not JSON';
          throw new RelayFailure(
            502,
            'Bad Gateway',
            `${upstream.name} answered HTTP ${status} with ${what}. ${upstream.whatToCheck}`,
          );
        }
        return { status, headers, body };
      }

      if (signal.aborted) {
        clearTimeout(deadline);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      upstreamReq = send();
    });
  }

  return { fetch: fetchUpstream, close: () => agent.destroy() };
}

function decodeBody(upstreamRes: IncomingMessage): Readable | null {
  const encoding = (upstreamRes.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return upstreamRes;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (decoder === null) return null;
  upstreamRes.on('error', (error) => decoder.destroy(error));
  // Whoever reads the decoder handles its errors; this only keeps an error raised after the
  // proxy has stopped reading (the upstream was cut off) from crashing the process.
  decoder.on('error', () => undefined);
  return upstreamRes.pipe(decoder);
}

/** The whole body, or null when it is longer than `limit` bytes. */
async function readAll(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  // A connection cut off mid-body ends the stream without an error on some paths: only a
  // complete message counts.
  if ('complete' in stream && stream.complete === false) throw new Error('ERR_STREAM_PREMATURE_CLOSE');
  return Buffer.concat(chunks, size);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function relayedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const relayed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' && RELAYED_HEADER.test(name)) relayed[name] = value;
  }
  return relayed;
}

function describeType(contentType: string): string {
  const type = contentType.split(';')[0]?.trim();
  return type ? `content type ${type}` : 'no content type';
}

export function errorCode(error: unknown): string {
  if (error instanceof Error) {
    return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  }
  return String(error);
}
