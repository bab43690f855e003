import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { createFastEncoder, negotiateEncoding, worthCompressing } from '../http/content-encoding';
import { sendError } from '../http/json-response';
import { routeApiRequest } from './api-route';

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

export interface ApiProxyOptions {
  upstream: Upstream;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface ApiProxy {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

/** Error bodies are small; anything bigger is not a Mailstand error and is not relayed. */
const ERROR_BODY_LIMIT = 1024 * 1024;
/** How long an idle upstream connection is kept for reuse; see the agent below. */
const IDLE_SOCKET_MS = 4000;
/** Below this size compression costs more than it saves. */
const MIN_COMPRESSED_SIZE = 1024;
/** Upstream headers worth relaying; everything else (Set-Cookie above all) stays behind. */
const RELAYED_HEADER = /^(content-type|retry-after|x-ratelimit-[a-z-]+|ratelimit(-[a-z]+)?)$/;
const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

export function createApiProxy({ upstream, timeoutMs, log }: ApiProxyOptions): ApiProxy {
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

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // Contact data is personal: no browser or shared cache may keep it.
    res.setHeader('Cache-Control', 'no-store');
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
    const route = routeApiRequest({ method: req.method ?? '', rawTarget: req.url ?? '', hasBody });
    if (route.kind === 'reject') {
      sendError(res, route.status, route.error, route.message, {
        ...(route.allow === undefined ? {} : { Allow: route.allow }),
        // An unread body would otherwise be drained to keep the connection alive.
        ...(hasBody ? { Connection: 'close' } : {}),
      });
      return;
    }

    const { path } = route;
    const url = new URL(upstream.baseUrl.origin + basePath + path + (route.query ? `?${route.query}` : ''));
    // Answers with the proxy's own error, unless an answer is already on its way: then the only
    // honest signal left is to break the connection, so a cut-off body is never taken as whole.
    const fail = (status: 502 | 504, error: string, message: string) => {
      // A browser that went away is owed no answer, and the log no line about one: under load,
      // the requests cut off by clients leaving were logged as 502s nobody ever received.
      if (res.writableEnded || res.destroyed) return;
      log(`[proxy] GET ${path} -> ${status}: ${message}`);
      if (res.headersSent) res.destroy();
      else sendError(res, status, error, message);
    };

    let upstreamReq = send();
    const deadline = setTimeout(() => {
      fail(
        504,
        'Gateway Timeout',
        `${upstream.name} did not answer within ${timeoutMs / 1000} s (UPSTREAM_TIMEOUT_MS). ` +
          'Retry; if it keeps happening, narrow the filters or raise UPSTREAM_TIMEOUT_MS.',
      );
      upstreamReq.destroy();
    }, timeoutMs);
    res.on('close', () => {
      clearTimeout(deadline);
      // The browser went away (or we are done): stop the upstream work it asked for.
      if (!res.writableFinished) upstreamReq.destroy();
    });

    function send(): http.ClientRequest {
      // The upstream request is built from scratch: the browser's Authorization, Cookie and every
      // other header stay here.
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
        if (res.headersSent) return;
        // A kept-alive connection the upstream closed just as this request went out on it: the
        // upstream never saw the request, so it goes again, as Node's documentation advises for
        // idempotent requests. Each such retry uses up one pooled socket, so retries end.
        if (request.reusedSocket && errorCode(error) === 'ECONNRESET' && !res.destroyed) {
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
        relay(upstreamRes).catch((error: unknown) => {
          if (res.headersSent) {
            // A browser that went away is no news; an upstream that broke off mid-body is.
            if (errorCode(error) !== 'ERR_STREAM_PREMATURE_CLOSE') {
              log(
                `[proxy] GET ${path}: ${upstream.name} broke off mid-answer (${errorCode(error)}); cut the browser off too.`,
              );
            }
            if (!res.writableEnded) res.destroy();
            return;
          }
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
    }

    async function relay(upstreamRes: IncomingMessage): Promise<void> {
      const status = upstreamRes.statusCode ?? 502;
      const contentType = upstreamRes.headers['content-type'] ?? '';
      const decoded = decodeBody(upstreamRes);
      if (!JSON_CONTENT_TYPE.test(contentType) || decoded === null) {
        upstreamReq.destroy();
        const what =
          decoded === null
            ? `an unsupported ${upstreamRes.headers['content-encoding']} encoding`
            : describeType(contentType);
        fail(
          502,
          'Bad Gateway',
          `${upstream.name} answered HTTP ${status} with ${what} instead of JSON. ${upstream.whatToCheck}`,
        );
        return;
      }
      const relayed = relayedHeaders(upstreamRes.headers);

      if (status < 200 || status > 299) {
        // Error bodies are read whole: they must be valid JSON, and may never echo the key back.
        const text = await readText(decoded, ERROR_BODY_LIMIT);
        if (text === null || !isJson(text)) {
          fail(
            502,
            'Bad Gateway',
            `${upstream.name} answered HTTP ${status} with a body that is not valid JSON. ${upstream.whatToCheck}`,
          );
          return;
        }
        if (status === 401)
          log(`[proxy] GET ${path} -> 401: ${upstream.name} refused the API key; check MAILSTAND_API_KEY.`);
        clearTimeout(deadline);
        const body = Buffer.from(redact(text));
        res.writeHead(status, { ...relayed, 'Content-Length': body.length });
        res.end(body);
        return;
      }

      // Success bodies (up to several megabytes) are streamed; only their first byte is checked,
      // so an HTML page or an empty body labelled as JSON still becomes a 502.
      const { head, first } = await readUntilFirstByte(decoded);
      if (first !== 0x7b && first !== 0x5b) {
        upstreamReq.destroy();
        fail(
          502,
          'Bad Gateway',
          `${upstream.name} answered HTTP ${status} with ${first === undefined ? 'an empty body' : 'a body that is not JSON'}. ${upstream.whatToCheck}`,
        );
        return;
      }
      clearTimeout(deadline);
      // From here on only silence is a problem: a stalled body is cut off rather than held forever.
      upstreamReq.setTimeout(timeoutMs, () => upstreamReq.destroy(new Error('the body stalled')));

      const declaredLength = Number(upstreamRes.headers['content-length']);
      const encoding =
        (decoded === upstreamRes && declaredLength < MIN_COMPRESSED_SIZE) ||
        !worthCompressing(req.socket.remoteAddress, req.headers)
          ? 'identity'
          : negotiateEncoding(req.headers['accept-encoding']);
      const passLength =
        encoding === 'identity' && decoded === upstreamRes && Number.isSafeInteger(declaredLength);
      res.writeHead(status, {
        ...relayed,
        Vary: 'Accept-Encoding',
        ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
        ...(passLength ? { 'Content-Length': declaredLength } : {}),
      });
      // Plain stream piping: an async generator in between tripled the relay time of a 3 MB page.
      if (encoding === 'identity') {
        res.write(head);
        await pipeline(decoded, res);
      } else {
        const encoder = createFastEncoder(encoding);
        encoder.write(head);
        await pipeline(decoded, encoder, res);
      }
    }
  }

  return { handle, close: () => agent.destroy() };
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

/**
 * Reads until the first byte that is not JSON whitespace and leaves the stream paused there, so
 * the rest can be piped on once the answer is known to be JSON. `first` is undefined for a body
 * of nothing but whitespace.
 */
function readUntilFirstByte(stream: Readable): Promise<{ head: Buffer; first: number | undefined }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const finish = (first: number | undefined) => {
      stream.off('data', onData).off('end', onEnd).off('error', reject).pause();
      resolve({ head: Buffer.concat(chunks), first });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      const first = chunk.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
      if (first !== undefined) finish(first);
    };
    const onEnd = () => finish(undefined);
    stream.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

async function readText(stream: Readable, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk);
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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

function errorCode(error: unknown): string {
  if (error instanceof Error) {
    return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  }
  return String(error);
}
