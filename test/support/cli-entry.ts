// The CLI as users run it, with what tests inject: the small Argon2id cost (see core.ts) and, when a test sets
// GIFTDESK_TEST_CORE (JSON; see testCoreEnv in cli.ts), a short engine lease, request timeout or balance rate
// window to match its own provider and clock.
// Bundled by the suite's setup (bundle-test-cli.ts), its worker threads are bundled beside it; from source, the core
// starts them from source.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCliProcess, type CliProcessOptions } from '../../main/cli/cli-process';
import { TEST_KDF } from './core';

const beside = (name: string) => fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
const workers = existsSync(beside('card-writer'))
  ? { cardWriter: { file: beside('card-writer') }, cardJob: { file: beside('card-worker') }, backup: { file: beside('backup-worker') } }
  : undefined;
const injected = process.env.GIFTDESK_TEST_CORE;
await runCliProcess({
  passcodeKdf: TEST_KDF,
  ...(workers ? { workers } : {}),
  ...(injected ? (JSON.parse(injected) as Omit<CliProcessOptions, 'passcodeKdf' | 'workers'>) : {}),
});
