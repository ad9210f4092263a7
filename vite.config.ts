import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One file for the renderer build and for vitest, so both resolve modules the same way.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // The CLI the tests start, bundled once for the run.
    globalSetup: ['test/support/bundle-test-cli.ts'],
    environment: 'node',
    // Most files wait on child processes (the CLI, a sandbox provider, a keyring) more than they compute: two at a
    // time use a two-core machine instead of leaving a core idle (vitest's default is one fewer than the cores). The
    // timeouts leave room for a file sharing the machine with another.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
