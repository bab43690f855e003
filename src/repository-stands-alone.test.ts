import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A user's clone has nothing beside it: no code, test, script or config may reach outside the
// repository for a file, whether by import, URL or path.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scanned = ['src', 'e2e', 'scripts', '.ci'];
const rootFiles = [
  'package.json',
  'vite.config.ts',
  'playwright.config.ts',
  'eslint.config.js',
  'index.html',
];
const sourceFile = /\.(ts|tsx|js|mjs|cjs|json|html|css|sh)$|^run$/;

/** Relative paths in a file's string literals that resolve outside the repository. */
export function pathsLeavingRepository(file: string, text: string, repositoryRoot: string): string[] {
  const found: string[] = [];
  for (const [, literal = ''] of text.matchAll(/["'`](\.\.?\/[^"'`\s]*)["'`]/g)) {
    const target = resolve(dirname(file), literal);
    if (relative(repositoryRoot, target).startsWith('..')) found.push(literal);
  }
  return found;
}

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && sourceFile.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the repository stands on its own', () => {
  it('finds a path that climbs out of the repository', () => {
    const file = join(root, 'src', 'feature', 'thing.test.ts');
    const up = (levels: number) => '../'.repeat(levels);
    const text = `readFileSync(new URL('${up(3)}shared/examples/a.json', import.meta.url));
      import { x } from '${up(2)}shared/contract';`;
    expect(pathsLeavingRepository(file, text, root)).toEqual([`${up(3)}shared/examples/a.json`]);
  });

  it('reads nothing outside it in code, tests, scripts or configuration', () => {
    const files = [...scanned.flatMap(filesUnder), ...rootFiles.map((name) => join(root, name))];
    expect(files.length).toBeGreaterThan(100);
    const leaks = files.flatMap((file) =>
      pathsLeavingRepository(file, readFileSync(file, 'utf8'), root).map(
        (literal) => `${relative(root, file).split(sep).join('/')}: ${literal}`,
      ),
    );
    expect(leaks).toEqual([]);
  });
});
