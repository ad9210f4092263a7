// The CLI as users run it, with what tests inject: the small Argon2id cost (see core.ts) and, when a test sets
// GIFTDESK_TEST_BALANCE_TIMING (JSON), a short balance rate window to match its sandbox's.
import { runCliProcess } from '../../main/cli/cli-process';
import type { BalanceTiming } from '../../main/core/balances/balance-timing';
import { TEST_KDF } from './core';

const timing = process.env.GIFTDESK_TEST_BALANCE_TIMING;
await runCliProcess({ passcodeKdf: TEST_KDF, ...(timing ? { balanceTiming: JSON.parse(timing) as Partial<BalanceTiming> } : {}) });
