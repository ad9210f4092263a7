// The names alone, without their schemas, so that the preload (which only forwards calls) does not carry zod.
// contract.ts checks that its schemas cover exactly these names.

export const CHANNELS = [
  'accounts.list',
  'accounts.add',
  'accounts.edit',
  'accounts.remove',
  'accounts.testConnection',
  'accounts.products',
  'orders.parseCsv',
  'orders.validate',
  'orders.place',
  'orders.list',
  'orders.get',
  'orders.progress',
  'orders.checkNow',
  'orders.cancel',
  'orders.name',
  'orders.history',
  'orders.detail',
  'cards.search',
  'cards.count',
  'cards.reveal',
  'cards.quarantined',
  'cards.sheet',
  'cards.export',
  'custody.stock',
  'custody.checkRecipients',
  'custody.release',
  'handouts.create',
  'handouts.list',
  'handouts.show',
  'handouts.issue',
  'handouts.unissue',
  'handouts.voidCard',
  'handouts.returnRest',
  'handouts.sheet',
  'handouts.export',
  'handouts.record',
  'cards.alignmentPage',
  'cards.chooseLogo',
  'cards.sheetPlan',
  'cards.jobProgress',
  'cards.cancelJob',
  'audit.list',
  'audit.page',
  'audit.pageFromOldest',
  'audit.saveCsv',
  'reports.spend',
  'reports.saveSpend',
  'reports.saveOrders',
  'settings.get',
  'settings.change',
  'lock.status',
  'lock.lock',
  'lock.unlock',
  'lock.setIdleMinutes',
  'lock.unlockQuickly',
  'lock.answer',
  'lock.restore',
  'lock.saveRecoveryKit',
  'vault.status',
  'vault.confirmPasscode',
  'vault.changePasscode',
  'vault.newRecoveryKit',
  'vault.backupNow',
  'vault.chooseBackupFolder',
  'vault.setBackupKeep',
  'vault.setIncludeSecrets',
  'balances.start',
  'balances.progress',
  'balances.cancel',
  'balances.list',
  'balances.card',
  'balances.handout',
  'balances.expiring',
  'balances.expiryNotice',
  'overview.get',
  'accounts.balance',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENT_NAMES = ['order.progress', 'cards.count', 'lock.state', 'vault.backup'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The one Electron channel main pushes events on; the event's name travels inside. */
export const EVENT_CHANNEL = 'giftdesk:event';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
