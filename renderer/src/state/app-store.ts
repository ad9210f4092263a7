import { create } from 'zustand';
import { SETTLED_STATES } from '../../../shared/order-state-machine';
import type { AccountView, OrderProgressView, OrderView } from '../../../shared/ipc/views';
import type { LockView, VaultStatusView } from '../../../shared/ipc/vault-views';
import type { Settings } from '../../../shared/settings';
import { api, call } from '../lib/api';
import { setClipboardSeconds } from '../lib/clipboard';
import { notifySettled } from '../lib/notify';
import type { WizardPrefill } from '../screens/wizard/prefill';

export type Screen = 'overview' | 'orders' | 'order' | 'new-order' | 'cards' | 'stock' | 'handouts' | 'balances' | 'accounts' | 'audit' | 'reports' | 'settings';

interface AppState {
  screen: Screen;
  /** Set when "view cards" on an order opens the card browser filtered to it. */
  cardsOrderId: number | null;
  /** The hand-out the Hand-outs screen opens at (its desk), when one was chosen elsewhere. */
  handoutId: number | null;
  /** The order the order page shows. */
  orderPageId: number | null;
  /** What "Order again" or "Edit and retry" opens the wizard with (null: a blank order). */
  wizardPrefill: WizardPrefill | null;
  /** Changes each time "New order" is chosen, so the wizard starts afresh even when it is already showing. */
  wizardRun: number;
  accounts: AccountView[];
  orders: OrderView[];
  cardTotal: number | null;
  /** Locked (or still opening at start) until main says otherwise: nothing is shown before that. */
  locked: boolean;
  /** What main says of the lock and, at start, of the store being opened; null until it has answered. */
  lock: LockView | null;
  /** The vault's state, for the Security screen and the overdue-backup banner. */
  vault: VaultStatusView | null;
  /** The Settings page's preferences (clipboard time, default layout…); null until main has answered. */
  settings: Settings | null;
  loadSettings(): Promise<void>;
  setSettings(settings: Settings): void;
  go(screen: Screen, options?: { cardsOrderId?: number | null; handoutId?: number | null; orderId?: number | null; prefill?: WizardPrefill | null }): void;
  loadAccounts(): Promise<void>;
  loadOrders(): Promise<void>;
  upsertOrder(order: OrderView): void;
  applyProgress(p: OrderProgressView): void;
  setCardTotal(total: number): void;
  setLock(lock: LockView): void;
  /** Asks main for the lock's state again (after each lock event, and after an answer). */
  refreshLock(): Promise<void>;
  loadVault(): Promise<void>;
  /** An act asked for the passcode again: the dialog on screen, and how it ends (typed and confirmed, or cancelled). */
  passcodeAsk: { message: string; settle(confirmed: boolean): void } | null;
  askPasscode(message: string): Promise<boolean>;
}

export const useApp = create<AppState>((set, get) => ({
  // What the app opens on (the first-run guide, until there is an order).
  screen: 'overview',
  cardsOrderId: null,
  handoutId: null,
  orderPageId: null,
  wizardPrefill: null,
  wizardRun: 0,
  accounts: [],
  orders: [],
  cardTotal: null,
  locked: true,
  lock: null,
  vault: null,
  settings: null,
  passcodeAsk: null,
  go: (screen, options) =>
    set((s) => ({
      screen,
      cardsOrderId: options?.cardsOrderId ?? null,
      handoutId: options?.handoutId ?? null,
      orderPageId: options?.orderId ?? null,
      wizardPrefill: options?.prefill ?? null,
      wizardRun: screen === 'new-order' ? s.wizardRun + 1 : s.wizardRun,
    })),
  loadAccounts: async () => set({ accounts: await call(api().accounts.list({})) }),
  loadOrders: async () => set({ orders: await call(api().orders.list({})) }),
  upsertOrder: (order) => {
    const others = get().orders.filter((o) => o.id !== order.id);
    set({ orders: [order, ...others].sort((a, b) => b.id - a.id) });
  },
  applyProgress: (p) => {
    const order = get().orders.find((o) => o.id === p.orderId);
    if (!order) {
      // An order this window has not listed yet (placed elsewhere, or resumed at start): fetch it whole.
      void call(api().orders.get({ orderId: p.orderId })).then(get().upsertOrder, () => undefined);
      return;
    }
    const wasSettled = SETTLED_STATES.includes(order.progress.state);
    get().upsertOrder({ ...order, state: p.state, progress: p });
    if (!wasSettled && SETTLED_STATES.includes(p.state)) {
      notifySettled(p);
      // canCancel and the like may have changed with the state.
      void call(api().orders.get({ orderId: p.orderId })).then(get().upsertOrder, () => undefined);
    }
  },
  setCardTotal: (total) => set({ cardTotal: total }),
  setLock: (lock) => {
    const wasLocked = get().locked;
    // Locked: every card, order and account the window holds goes, so nothing is behind the lock screen.
    if (lock.locked) get().passcodeAsk?.settle(false);
    set(lock.locked ? { lock, locked: true, accounts: [], orders: [], cardTotal: null, vault: null } : { lock, locked: false });
    if (wasLocked && !lock.locked) {
      const s = get();
      void s.loadAccounts().catch(() => undefined);
      void s.loadOrders().catch(() => undefined);
      void s.loadVault().catch(() => undefined);
      void s.loadSettings().catch(() => undefined);
      void api().cards.count({}).then((r) => r.ok && s.setCardTotal(r.value.total));
    }
  },
  refreshLock: async () => {
    const r = await api().lock.status({});
    if (r.ok) get().setLock(r.value);
  },
  loadVault: async () => set({ vault: await call(api().vault.status({})) }),
  loadSettings: async () => get().setSettings(await call(api().settings.get({}))),
  setSettings: (settings) => {
    setClipboardSeconds(settings.clipboardSeconds);
    set({ settings });
  },
  askPasscode: (message) =>
    new Promise<boolean>((resolve) =>
      set({
        passcodeAsk: {
          message,
          settle: (confirmed) => {
            set({ passcodeAsk: null });
            resolve(confirmed);
          },
        },
      }),
    ),
}));
