import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answerEncoding, compressedCopy, negotiateEncoding } from './content-encoding';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['compress, zstd', 'identity'],
    ['GZIP', 'gzip'],
    ['br;q=abc, gzip', 'gzip'],
  ])('picks for %j: %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('compressedCopy', () => {
  const answer = () =>
    new TextEncoder().encode(JSON.stringify({ data: Array.from({ length: 300 }, (_, i) => ({ id: i })) }));

  it('compresses an answer once per encoding, however many requests get it', async () => {
    const body = answer();
    const first = compressedCopy(body, 'br');
    expect(compressedCopy(body, 'br')).toBe(first);
    expect(compressedCopy(body, 'gzip')).not.toBe(first);
    expect(Buffer.from(brotliDecompressSync(await first))).toEqual(Buffer.from(body));
    expect(Buffer.from(gunzipSync(await compressedCopy(body, 'gzip')))).toEqual(Buffer.from(body));
  });

  it('makes a new copy for another answer with the same bytes', () => {
    expect(compressedCopy(answer(), 'br')).not.toBe(compressedCopy(answer(), 'br'));
  });
});

describe('answerEncoding', () => {
  const page = () =>
    new TextEncoder().encode(JSON.stringify({ data: Array.from({ length: 300 }, (_, i) => i) }));

  it('compresses as the client asks, wherever it is', () => {
    expect(answerEncoding(page(), 'gzip, deflate, br, zstd')).toBe('br');
    expect(answerEncoding(page(), 'gzip')).toBe('gzip');
    expect(answerEncoding(page(), 'identity')).toBe('identity');
    expect(answerEncoding(page(), undefined)).toBe('identity');
  });

  it('sends a small answer as it is', () => {
    expect(answerEncoding(new TextEncoder().encode('{"data":[]}'), 'br')).toBe('identity');
  });
});
