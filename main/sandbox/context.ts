import type { Clock } from '../core/clock';
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
}
