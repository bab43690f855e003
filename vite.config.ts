import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

/**
 * The page request's own entry, a script of its own before the app's (see index.html): it asks
 * for the bookmarked page as soon as this small chunk has arrived, not once the whole app has.
 */
const PAGE_REQUEST_ENTRY = '/src/app/early-page-request.ts';

/** The modules the page runs at start: the entries and what they import statically, transitively. */
const startupModules = new Set<string>();
/** Of those, the page request's entry and what it imports. */
const pageRequestModules = new Set<string>();

/** Fills both sets once the module graph is known, before the chunks are made. */
const findStartupModules: Plugin = {
  name: 'find-startup-modules',
  apply: 'build',
  buildEnd() {
    const visit = (modules: Set<string>, id: string) => {
      if (modules.has(id)) return;
      modules.add(id);
      for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(modules, imported);
    };
    startupModules.clear();
    pageRequestModules.clear();
    for (const id of this.getModuleIds()) {
      if (this.getModuleInfo(id)?.isEntry) visit(startupModules, id);
      if (id.endsWith(PAGE_REQUEST_ENTRY)) visit(pageRequestModules, id);
    }
  },
};

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    findStartupModules,
    // Brotli and gzip copies beside each file, which the server sends in its place. Maximum levels:
    // paid once per build, saved on every visit.
    compression({
      threshold: 1024,
      algorithms: [
        defineAlgorithm('brotliCompress', {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
  build: {
    outDir: 'dist',
    // The server's CSP forbids inline scripts, so nothing may be inlined as a data: module.
    assetsInlineLimit: 0,
    sourcemap: false,
    // Every browser the app supports preloads modules itself: no polyfill in the first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the start needs in one chunk. Left alone, rolldown moves the modules a
          // lazy chunk shares with the start (React, zod, the API client) into a chunk of their
          // own that index.html preloads: more bytes at start, not fewer (rolldown issue 10731).
          // The page request's modules go in a chunk before it, which the app's chunk imports.
          groups: [
            { name: 'page-request', test: (id) => pageRequestModules.has(id), priority: 2 },
            { name: 'index', test: (id) => startupModules.has(id), priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
