import type { Clock } from '../core/clock';
import type { BalanceRateConfig, BalanceWindow } from './balance-window';
import type { CardGenerator } from './card-generator';
import type { SandboxStateStore } from './state-store';
import type { SandboxStatsRecorder } from './stats';
import type { ProcessingConfig } from './types';

/** What every handler works with. */
export interface SandboxContext {
  store: SandboxStateStore;
  cards: CardGenerator;
  clock: Clock;
  processing: ProcessingConfig;
  stats: SandboxStatsRecorder;
  /** Wpay's rate limit on balance checks, and how the sandbox's cards get spent over time. */
  balances: BalanceRateConfig;
  balanceWindow: BalanceWindow;
}
