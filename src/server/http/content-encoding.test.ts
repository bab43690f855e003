import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acrossNetwork, answerEncoding, compressedCopy, negotiateEncoding } from './content-encoding';

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

describe('acrossNetwork', () => {
  it.each([
    ['127.0.0.1', {}, false],
    ['127.8.9.1', {}, false],
    ['::1', {}, false],
    ['::ffff:127.0.0.1', {}, false],
    ['127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }, true],
    ['127.0.0.1', { forwarded: 'for=203.0.113.7' }, true],
    ['::1', { 'x-real-ip': '203.0.113.7' }, true],
    ['127.0.0.1', { via: '1.1 proxy' }, true],
    ['192.168.1.20', {}, true],
    ['::ffff:10.0.0.3', {}, true],
    ['fe80::1', {}, true],
    [undefined, {}, true],
  ])('from %s with %j: %s', (address, headers, expected) => {
    expect(acrossNetwork(address, headers)).toBe(expected);
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
  const loopback = { remoteAddress: '127.0.0.1', headers: {} };
  const remote = { remoteAddress: '203.0.113.7', headers: {} };

  it('compresses for a client across a network, as it asks', () => {
    expect(answerEncoding(page(), 'gzip, br', remote)).toBe('br');
    expect(answerEncoding(page(), 'gzip', remote)).toBe('gzip');
    expect(answerEncoding(page(), 'identity', remote)).toBe('identity');
  });

  it('sends a small answer as it is', () => {
    expect(answerEncoding(new TextEncoder().encode('{"data":[]}'), 'br', remote)).toBe('identity');
  });

  it('makes no new copy for a browser on this machine, but sends one already made', async () => {
    const body = page();
    expect(answerEncoding(body, 'gzip, br', loopback)).toBe('identity');
    await compressedCopy(body, 'br');
    expect(answerEncoding(body, 'gzip, br', loopback)).toBe('br');
    expect(answerEncoding(body, 'gzip', loopback)).toBe('identity');
  });
});
