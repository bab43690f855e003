import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the browser bundle is made of; server code and tests do not change it. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const NOT_IN_BUNDLE = /(^|\/)src\/server(\/|$)|\.test\.tsx?$/;

/** The newest modification time among the app's sources, in ms (0 when there are none). */
export async function newestSourceTime(root: string): Promise<number> {
  let newest = 0;
  for (const entry of SOURCES) {
    const absolute = path.join(root, entry);
    const info = await stat(absolute).catch(() => null);
    if (info === null) continue;
    if (info.isFile()) newest = Math.max(newest, info.mtimeMs);
    if (!info.isDirectory()) continue;
    // Files only: a folder's time also moves when a test file is added to it.
    for (const file of await readdir(absolute, { recursive: true, withFileTypes: true })) {
      const relative = path.relative(root, path.join(file.parentPath, file.name)).split(path.sep).join('/');
      if (!file.isFile() || NOT_IN_BUNDLE.test(relative)) continue;
      newest = Math.max(newest, (await stat(path.join(root, relative))).mtimeMs);
    }
  }
  return newest;
}

/** True when dist/ is missing or older than any source of the app. */
export async function isBuildStale(root: string): Promise<boolean> {
  const built = await stat(path.join(root, 'dist', 'index.html')).catch(() => null);
  return built === null || built.mtimeMs < (await newestSourceTime(root));
}

/**
 * Builds the app when dist/ is missing or stale, into a folder that replaces dist/ only once
 * complete: a build cut short never leaves half an app behind.
 */
export async function ensureBuilt(root: string, log: (line: string) => void): Promise<void> {
  if (!(await isBuildStale(root))) return;
  log('Building the app (dist/ is missing or older than its sources)...');
  const { build } = await import('vite');
  const dist = path.join(root, 'dist');
  const temporary = path.join(root, `dist.building-${process.pid}`);
  try {
    await build({ root, logLevel: 'warn', build: { outDir: temporary, emptyOutDir: true } });
    await rm(dist, { recursive: true, force: true });
    await rename(temporary, dist);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}
