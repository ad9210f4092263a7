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

/** The scripts tests start as processes of their own, and the name of each in the suite's bundle. */
export const BUNDLED_SCRIPTS = {
  'test/support/cli-entry.ts': 'cli',
  'main/sandbox/serve.ts': 'sandbox-serve',
  'test/support/handout-child.ts': 'handout-child',
  'test/support/backup-child.ts': 'backup-child',
  'test/support/restore-child.ts': 'restore-child',
  'test/support/lease-holder-child.ts': 'lease-holder-child',
  'test/support/open-core-child.ts': 'open-core-child',
  'test/support/blackhawk-status-child.ts': 'blackhawk-status-child',
} as const;

export type TestScript = keyof typeof BUNDLED_SCRIPTS;

/** How to start one of them: bundled by the suite's setup, or from source through tsx in a run without it. */
export function scriptCommand(source: TestScript): string[] {
  const dir = process.env[TEST_BUNDLE_ENV];
  return dir ? [process.execPath, path.join(dir, `${BUNDLED_SCRIPTS[source]}.mjs`)] : [process.execPath, '--import', 'tsx', source];
}

/** The test CLI (cli-entry.ts). */
export const testCliCommand = (): string[] => scriptCommand('test/support/cli-entry.ts');
