// The CLI as users run it, with what tests inject: the small Argon2id cost (see core.ts) and, when a test sets
// GIFTDESK_TEST_CORE (JSON; see testCoreEnv in cli.ts), a short engine lease, request timeout or balance rate
// window to match its own provider and clock.
// Bundled by the suite's setup (bundle-test-cli.ts), it starts the workers bundled with it.
import { runCliProcess, type CliProcessOptions } from '../../main/cli/cli-process';
import { TEST_KDF } from './core';
import { bundledWorkers } from './test-bundle';

const injected = process.env.GIFTDESK_TEST_CORE;
await runCliProcess({
  passcodeKdf: TEST_KDF,
  ...bundledWorkers(),
  ...(injected ? (JSON.parse(injected) as Omit<CliProcessOptions, 'passcodeKdf' | 'workers'>) : {}),
});
