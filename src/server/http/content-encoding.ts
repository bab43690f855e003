import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIPv6 } from 'node:net';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compressed copies of answers, kept for as long as the answer itself is (the cache, a shared call). */
const copies = new WeakMap<Uint8Array, Map<ContentEncoding, Promise<Uint8Array<ArrayBuffer>>>>();

/**
 * `body` compressed, made once per answer and encoding and reused by every request that gets the
 * same answer (from the cache, or sharing one upstream call). Brotli quality 4 is about as fast as
 * quality 1 on a contacts page, a quarter smaller and quicker for the browser to decode; gzip 1
 * for the rare client without brotli. The work runs on libuv's thread pool, not the event loop.
 */
export function compressedCopy(
  body: Uint8Array,
  encoding: Exclude<ContentEncoding, 'identity'>,
): Promise<Uint8Array<ArrayBuffer>> {
  let kept = copies.get(body);
  if (kept === undefined) {
    kept = new Map();
    copies.set(body, kept);
  }
  let copy = kept.get(encoding);
  if (copy === undefined) {
    copy = (
      encoding === 'br'
        ? brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 4,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipAsync(body, { level: 1 })
    ).then((compressed) => new Uint8Array(compressed));
    const made = kept;
    // A failed compression is not kept: the next request tries again.
    copy.catch(() => made.delete(encoding));
    kept.set(encoding, copy);
  }
  return copy;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
/** Headers a reverse proxy adds when it forwards a request from elsewhere. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'via'] as const;

/**
 * Whether the client is across a network: anyone but a browser on this machine (a loopback
 * connection that no proxy forwarded). A reverse proxy on this machine counts as "elsewhere" only
 * when it says whom it forwards.
 */
export function acrossNetwork(remoteAddress: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (remoteAddress === undefined) return true;
  const local = LOOPBACK.check(remoteAddress, isIPv6(remoteAddress) ? 'ipv6' : 'ipv4');
  return !local || FORWARDING_HEADERS.some((name) => headers[name] !== undefined);
}

/** Below this size compression costs more than it saves. */
const MIN_COMPRESSED_SIZE = 1024;

/**
 * How to send an API answer, by what each way costs. A copy already made for an earlier request
 * (the answer came from the cache, or was shared) costs nothing: whoever accepts it gets it. A new
 * copy costs server CPU before the first byte leaves, which only bytes that are dear repay: for a
 * client across a network, not on loopback, where the uncompressed answer arrives sooner.
 */
export function answerEncoding(
  body: Uint8Array,
  acceptEncoding: string | undefined,
  client: { remoteAddress: string | undefined; headers: IncomingHttpHeaders },
): ContentEncoding {
  if (body.length < MIN_COMPRESSED_SIZE) return 'identity';
  const accepted = negotiateEncoding(acceptEncoding);
  if (accepted === 'identity') return accepted;
  const kept = copies.get(body)?.has(accepted) === true;
  return kept || acrossNetwork(client.remoteAddress, client.headers) ? accepted : 'identity';
}
