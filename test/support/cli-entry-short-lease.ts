// The CLI as users run it, with the tests' small Argon2id cost, an engine lease of 1.5 s instead of 30 s and
// provider requests that time out after 2 s: a test can then freeze one process and see another take its orders over
// within seconds, and the frozen one's unanswered request time out when it is let go.
import { runCliProcess } from '../../main/cli/cli-process';
import { TEST_KDF } from './core';

await runCliProcess({ passcodeKdf: TEST_KDF, leaseTtlMs: 1_500, providerClient: { timeoutMs: 2_000 } });
