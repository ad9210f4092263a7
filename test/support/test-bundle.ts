import path from 'node:path';
import type { CoreOptions } from '../../main/core/create-core';

/** Where the suite's setup (bundle-test-cli.ts) put the bundled test CLI and workers; unset in a run without it. */
export const TEST_BUNDLE_ENV = 'GIFTDESK_TEST_BUNDLE';

/** The core's worker threads as the suite's setup bundled them, as the desktop shell passes its own; else from source. */
export function bundledWorkers(): Pick<CoreOptions, 'workers'> {
  const dir = process.env[TEST_BUNDLE_ENV];
  if (!dir) return {};
  const file = (name: string) => ({ file: path.join(dir, `${name}.mjs`) });
  return { workers: { cardWriter: file('card-writer'), cardJob: file('card-worker'), backup: file('backup-worker') } };
}

/** How to start the test CLI (cli-entry.ts): bundled by the suite's setup, or from source through tsx without one. */
export function testCliCommand(): string[] {
  const dir = process.env[TEST_BUNDLE_ENV];
  return dir ? [process.execPath, path.join(dir, 'cli.mjs')] : [process.execPath, '--import', 'tsx', 'test/support/cli-entry.ts'];
}
