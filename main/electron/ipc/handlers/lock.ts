import type { LockView, StartStepView } from '../../../../shared/ipc/vault-views';
import { saveFirstRecoveryKit } from '../../../core/app/vault/first-run-kit';
import { NothingAsked, type StartStep } from '../../start/start-gate';
import type { IpcContext } from '../ipc-context';
import type { HandlerGroup } from './handler-types';
import { outputsOf } from './outputs-of';

/** The lock screen's view: the start's question while the store opens, then the lock's state. */
export function lockView(context: IpcContext): LockView {
  if (!context.opened) {
    const step = context.start?.step() ?? { step: 'working' };
    const retryAt = step.step === 'question' ? step.retryAt : null;
    return {
      locked: true,
      idleMinutes: null,
      retryInSeconds: retryAt ? Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)) : 0,
      quickUnlock: false,
      start: startView(step),
    };
  }
  return { ...context.app.lock.status(context.actor, context.lock, context.quickUnlock), start: null };
}

function startView(step: StartStep): StartStepView {
  if (step.step === 'question') {
    const { retryAt: _, ...question } = step;
    return question;
  }
  return step.step === 'open' ? { step: 'working' } : step;
}

function gateOf(context: IpcContext) {
  if (!context.start || context.opened) throw new NothingAsked('an answer');
  return context.start;
}

export const lockHandlers: HandlerGroup<'lock'> = {
  'lock.status': async (_, context) => lockView(context),
  'lock.lock': async (_, context) => {
    if (context.opened) context.app.lock.lock(context.actor, context.lock);
    return lockView(context);
  },
  'lock.unlock': async ({ passcode }, context) => {
    if (!context.opened) throw new NothingAsked('an unlock: the store is still opening');
    await context.app.lock.unlock(context.actor, context.lock, passcode);
    return lockView(context);
  },
  'lock.unlockQuickly': async (_, context) => {
    if (!context.opened) throw new NothingAsked('Touch ID');
    await context.app.lock.unlockQuickly(context.actor, context.lock, context.quickUnlock);
    return lockView(context);
  },
  'lock.setIdleMinutes': async ({ minutes }, context) => {
    context.app.settings.setLockIdleMinutes(context.actor, minutes, context.lock);
    return lockView(context);
  },

  'lock.answer': async (answer, context) => {
    const gate = gateOf(context);
    if ('keyKept' in answer) await gate.keyKept();
    else if ('cancel' in answer) await gate.cancel();
    else await gate.answer(answer);
    return lockView(context);
  },
  'lock.restore': async (_, context) => {
    const gate = gateOf(context);
    const step = gate.step();
    if (step.step !== 'question' || step.reason !== 'new-store') throw new NothingAsked('a backup to restore');
    const file = await outputsOf(context).chooseOpenPath({ title: 'Restore Giftdesk from a backup', extension: 'gdbackup' });
    if (file) await gate.restoreFrom(file);
    return lockView(context);
  },
  'lock.saveRecoveryKit': async (_, context) => {
    const step = gateOf(context).step();
    if (step.step !== 'recovery-key') throw new NothingAsked('the recovery kit to be saved');
    const file = await outputsOf(context).chooseSavePath({ title: 'Save recovery kit', suggestedName: 'Giftdesk recovery kit.pdf', extension: 'pdf' });
    if (!file) return { done: false };
    await saveFirstRecoveryKit(step, file);
    return { done: true };
  },
};
