// The CLI as users run it, with one difference injected: the tests' small Argon2id cost (see core.ts).
import { runCliProcess } from '../../main/cli/cli-process';
import { TEST_KDF } from './core';

await runCliProcess({ passcodeKdf: TEST_KDF });
