import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Bytes = { raw: number; gzip: number; br: number };

export type BundleSize = {
  /** What index.html loads before the app can start: its scripts, module preloads and styles. */
  firstLoad: { js: Bytes; css: Bytes; files: string[] };
  /** Every script in the build, lazily loaded chunks included. */
  allJs: Bytes;
};

/** Sizes as the server sends them: it keeps gzip level 9 and brotli quality 11 copies. */
function sizes(body: Buffer): Bytes {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function add(a: Bytes, b: Bytes): Bytes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, br: a.br + b.br };
}

const NONE: Bytes = { raw: 0, gzip: 0, br: 0 };

/** The files index.html references by src or href, as paths inside dist. */
function referencedFiles(html: string): string[] {
  const files: string[] = [];
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = match[0];
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url?.startsWith('/') || !/\.(js|css)$/.test(url)) continue;
    if (tag.startsWith('<link') && !/\brel="(stylesheet|modulepreload)"/.test(tag)) continue;
    files.push(url);
  }
  return files;
}

export async function measureBundle(dist: string): Promise<BundleSize> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const files = referencedFiles(html);
  let js = NONE;
  let css = NONE;
  for (const file of files) {
    const size = sizes(await readFile(path.join(dist, file)));
    if (file.endsWith('.js')) js = add(js, size);
    else css = add(css, size);
  }
  let allJs = NONE;
  for (const entry of await readdir(path.join(dist, 'assets'))) {
    if (entry.endsWith('.js')) allJs = add(allJs, sizes(await readFile(path.join(dist, 'assets', entry))));
  }
  return { firstLoad: { js, css, files }, allJs };
}
