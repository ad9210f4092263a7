import type { AppEvent } from '../../../shared/ipc/contract';
import type { App } from '../../core/app/create-app';
import type { Actor } from '../../core/audit/vocabulary';

/**
 * What the desktop app does once its store is open: carry every unfinished order and balance sweep on (a crash or a quit mid-order
 * left it where its committed state says), and run the daily backups while it runs. Both go on while it is locked.
 */
export function carryOn(app: App, actor: Actor, emit: (event: AppEvent) => void): void {
  try {
    app.orders.resumeAll(actor);
  } catch (err) {
    // Another process (a CLI run) drives this data folder's orders: it carries them on, and the app shows them.
    console.error(`giftdesk: unfinished orders are not resumed here: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Unfinished balance sweeps carry on here, or in the process that holds the lease.
  app.balances.resumeAll(actor);
  app.backups.startDaily((status) => emit({ name: 'vault.backup', payload: { overdue: status.overdue } }));
}
