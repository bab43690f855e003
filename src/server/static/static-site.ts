import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { negotiateEncoding } from '../http/content-encoding';
import { sendError } from '../http/json-response';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface StaticFile {
  body: Buffer;
  /** Compressed once at start: the built app never changes while the server runs. */
  br: Buffer | null;
  gzip: Buffer | null;
  contentType: string;
  etag: string;
  cacheControl: string;
}

export interface StaticSite {
  files: ReadonlyMap<string, StaticFile>;
  index: StaticFile;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;
const MIN_COMPRESSED_SIZE = 1024;

/** Vite puts content-hashed files under assets/: their URL changes whenever their bytes do. */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (index.html, favicon) keeps its URL across builds, so the browser revalidates.
const REVALIDATE = 'no-cache';

/** Precompressed copies kept beside each file in dist/, so only the first start pays for them. */
const VARIANTS = { br: '.br', gzip: '.gz' } as const;

export async function loadStaticSite(dir: string): Promise<StaticSite> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.partial'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const present = new Set(entries);
  const isVariant = (file: string) =>
    Object.values(VARIANTS).some(
      (suffix) => file.endsWith(suffix) && present.has(file.slice(0, -suffix.length)),
    );
  const files = new Map(
    await Promise.all(
      entries
        .filter((file) => !isVariant(file))
        .map(async (file): Promise<[string, StaticFile]> => {
          const urlPath = '/' + path.relative(dir, file).split(path.sep).join('/');
          return [urlPath, await prepareFile(file, urlPath)];
        }),
    ),
  );
  const index = files.get('/index.html');
  if (index === undefined) {
    throw new Error(`${path.join(dir, 'index.html')} is missing: run \`npm run build\`.`);
  }
  return { files, index };
}

async function prepareFile(file: string, urlPath: string): Promise<StaticFile> {
  const [body, info] = await Promise.all([readFile(file), stat(file)]);
  const contentType = CONTENT_TYPES[path.extname(urlPath).toLowerCase()] ?? 'application/octet-stream';
  const compress = COMPRESSIBLE.test(contentType) && body.length >= MIN_COMPRESSED_SIZE;
  // Maximum levels: brotli 11 takes about 2 s for a 460 KB bundle, once per build, and saves
  // 7% over quality 9 for every visitor.
  const [br, gz] = compress
    ? await Promise.all([
        variant(file + VARIANTS.br, info.mtimeMs, () =>
          brotliAsync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        ),
        variant(file + VARIANTS.gzip, info.mtimeMs, () => gzipAsync(body, { level: 9 })),
      ])
    : [null, null];
  return {
    body,
    br,
    gzip: gz,
    contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    cacheControl: urlPath.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE,
  };
}

/** Reads a compressed copy written after its source, or makes one and keeps it if dist/ is writable. */
async function variant(file: string, sourceTime: number, compress: () => Promise<Buffer>): Promise<Buffer> {
  const existing = await stat(file).catch(() => null);
  if (existing !== null && existing.mtimeMs >= sourceTime) return readFile(file);
  const compressed = await compress();
  // Written aside and renamed into place: a second server starting at the same moment must never
  // read a half-written copy. A read-only deployment still serves compressed bytes; it just
  // compresses again next start.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, compressed)
    .then(() => rename(partial, file))
    .catch(() => rm(partial, { force: true }));
  return compressed;
}

/**
 * Serves the built app. Paths are looked up in the in-memory file table, never on disk, so no
 * request path can reach a file outside dist/. Unknown paths get index.html (the app routes in
 * the browser), except under /assets/, where a missing file is a real 404 rather than HTML
 * served as JavaScript.
 */
export function serveStatic(site: StaticSite, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'Method Not Allowed', `Use GET to load the app, not ${req.method}.`, {
      Allow: 'GET, HEAD',
    });
    return;
  }
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  const file = site.files.get(decodePath(rawPath)) ?? (rawPath === '/' ? site.index : undefined);
  if (file === undefined && rawPath.startsWith(HASHED_ASSETS)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE });
    res.end('Not found. The app was probably rebuilt since this page loaded: reload the page.\n');
    return;
  }
  const served = file ?? site.index;
  const headers: Record<string, string | number> = {
    'Content-Type': served.contentType,
    'Cache-Control': served.cacheControl,
    ETag: served.etag,
  };
  if (served.br !== null) headers.Vary = 'Accept-Encoding';
  if (ifNoneMatch(req.headers['if-none-match'], served.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const encoding = served.br === null ? 'identity' : negotiateEncoding(req.headers['accept-encoding']);
  const body = (encoding === 'br' ? served.br : encoding === 'gzip' ? served.gzip : null) ?? served.body;
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(body);
}

function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}
