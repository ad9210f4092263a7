// The CLI as users run it, with what tests inject: the small Argon2id cost (see core.ts) and, when a test sets
// GIFTDESK_TEST_CORE (JSON; see testCoreEnv in cli.ts), a short engine lease, request timeout or balance rate
// window to match its own provider and clock.
import { runCliProcess, type CliProcessOptions } from '../../main/cli/cli-process';
import { TEST_KDF } from './core';

const injected = process.env.GIFTDESK_TEST_CORE;
await runCliProcess({ passcodeKdf: TEST_KDF, ...(injected ? (JSON.parse(injected) as Omit<CliProcessOptions, 'passcodeKdf'>) : {}) });
