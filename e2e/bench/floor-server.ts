import { readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { FIRST_PAGE_FILE, INTERESTED_FILE, SECOND_PAGE_FILE } from './floor/floor-files';

export type FloorServer = { url: string; stop(): Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Builds the floor page (a minimal TanStack table, `floor/`) into `outDir` with the view's first
 * two pages beside it (the same 2000 rows the app's cold load shows, and the next page) and the
 * app's answer for its Interested filter. Its columns show `fields`, as plain text.
 */
export async function buildFloor(
  root: string,
  outDir: string,
  pages: { first: string; second: string; interested: string },
  fields: readonly string[],
): Promise<void> {
  await build({
    root: path.join(root, 'e2e/bench/floor'),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    define: { FLOOR_FIELDS: JSON.stringify(fields) },
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0 },
  });
  await writeFile(path.join(outDir, FIRST_PAGE_FILE), pages.first);
  await writeFile(path.join(outDir, SECOND_PAGE_FILE), pages.second);
  await writeFile(path.join(outDir, INTERESTED_FILE), pages.interested);
}

/**
 * Serves `dir` as a static site does: every file read once, with a brotli copy made once for a
 * client that accepts it. No work per request beyond picking the copy.
 */
export async function startFloorServer(dir: string, port = 0): Promise<FloorServer> {
  const files = new Map<string, { type: string; raw: Buffer; br: Buffer }>();
  const assets = (await readdir(path.join(dir, 'assets'))).map((name) => `assets/${name}`);
  for (const name of ['index.html', FIRST_PAGE_FILE, SECOND_PAGE_FILE, INTERESTED_FILE, ...assets]) {
    const raw = await readFile(path.join(dir, name));
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    files.set(`/${name}`, { type: TYPES[path.extname(name)] ?? 'application/octet-stream', raw, br });
  }
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://floor').pathname;
    const file = files.get(pathname === '/' ? '/index.html' : pathname);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    const brotli = /\bbr\b/.test(request.headers['accept-encoding'] ?? '');
    const body = brotli ? file.br : file.raw;
    response.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': body.length,
      ...(brotli ? { 'Content-Encoding': 'br' } : {}),
      'Cache-Control': 'no-store',
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The floor server has no port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
