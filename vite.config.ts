import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

/** The modules the page runs at start: the entry and what it imports statically, transitively. */
const startupModules = new Set<string>();

/** Fills startupModules once the module graph is known, before the chunks are made. */
const findStartupModules: Plugin = {
  name: 'find-startup-modules',
  apply: 'build',
  buildEnd() {
    startupModules.clear();
    const visit = (id: string) => {
      if (startupModules.has(id)) return;
      startupModules.add(id);
      for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported);
    };
    for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) visit(id);
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
          groups: [{ name: 'index', test: (id) => startupModules.has(id) }],
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
