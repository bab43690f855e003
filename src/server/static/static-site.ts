import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { errorResponse } from '../http/json-response';

/** The build writes brotli and gzip copies beside each file; serveStatic's `precompressed` finds them. */
const VARIANT_PATH = /\.(br|gz)$/;

/** Vite puts content-hashed files under assets/: their URL changes whenever their bytes do. */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (index.html, favicon) keeps its URL across builds, so the browser revalidates.
const REVALIDATE = 'no-cache';

/**
 * The built app: files from dist/ (precompressed, with ETags), index.html for the app's own routes,
 * and a real 404 under /assets/ rather than HTML served as JavaScript.
 */
export async function createStaticSite(dir: string): Promise<Hono> {
  if ((await stat(path.join(dir, 'index.html')).catch(() => null)) === null) {
    throw new Error(`${path.join(dir, 'index.html')} is missing: run \`npm run build\`.`);
  }
  // The SPA fallback never answers under /assets/, so index.html is revalidated too.
  const onFound = (_file: string, c: Context) => {
    c.header('Cache-Control', c.req.path.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
  };
  const file = serveStatic({ root: dir, precompressed: true, onFound });
  const index = serveStatic({ root: dir, path: 'index.html', precompressed: true, onFound });
  const site = new Hono();
  site.use(etag());
  // The compressed copies are served in place of their file, never as pages of their own.
  site.get('*', (c, next) => (VARIANT_PATH.test(c.req.path) ? next() : file(c, next)));
  site.get(`${HASHED_ASSETS}*`, (c) =>
    c.text('Not found. The app was probably rebuilt since this page loaded: reload the page.\n', 404, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': REVALIDATE,
    }),
  );
  site.get('*', index);
  site.all('*', (c) =>
    errorResponse(c, 405, 'Method Not Allowed', `Use GET to load the app, not ${c.req.method}.`, {
      Allow: 'GET, HEAD',
    }),
  );
  return site;
}
