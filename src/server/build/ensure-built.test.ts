import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildStale } from './ensure-built';

let root: string;
const file = (relative: string, secondsAgo: number) => {
  const absolute = path.join(root, relative);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, relative);
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(absolute, time, time);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ensure-built-'));
  file('index.html', 100);
  file('src/main.tsx', 100);
  file('src/server/main.ts', 100);
});

afterEach(() => rmSync(root, { recursive: true }));

describe('isBuildStale', () => {
  it('is stale without a build', async () => {
    expect(await isBuildStale(root)).toBe(true);
  });

  it('is fresh when the build is newer than every source', async () => {
    file('dist/index.html', 50);
    expect(await isBuildStale(root)).toBe(false);
  });

  it('is stale when a browser source changed after the build', async () => {
    file('dist/index.html', 50);
    file('src/features/contacts/table/columns.tsx', 10);
    expect(await isBuildStale(root)).toBe(true);
  });

  it('ignores server code and tests, which are not in the bundle', async () => {
    file('dist/index.html', 50);
    file('src/server/proxy/proxy.ts', 10);
    file('src/features/contacts/filters/filter-params.test.ts', 10);
    expect(await isBuildStale(root)).toBe(false);
  });
});
