import { create } from 'zustand';
import { SETTLED_STATES } from '../../../shared/order-state-machine';
import type { AccountView, OrderProgressView, OrderView } from '../../../shared/ipc/views';
import { api, call } from '../lib/api';
import { notifySettled } from '../lib/notify';

export type Screen = 'orders' | 'new-order' | 'cards' | 'stock' | 'handouts' | 'accounts' | 'audit';

interface AppState {
  screen: Screen;
  /** Set when "view cards" on an order opens the card browser filtered to it. */
  cardsOrderId: number | null;
  /** The hand-out the Hand-outs screen opens at (its desk), when one was chosen elsewhere. */
  handoutId: number | null;
  /** Changes each time "New order" is chosen, so the wizard starts afresh even when it is already showing. */
  wizardRun: number;
  accounts: AccountView[];
  orders: OrderView[];
  cardTotal: number | null;
  locked: boolean;
  go(screen: Screen, options?: { cardsOrderId?: number | null; handoutId?: number | null }): void;
  loadAccounts(): Promise<void>;
  loadOrders(): Promise<void>;
  upsertOrder(order: OrderView): void;
  applyProgress(p: OrderProgressView): void;
  setCardTotal(total: number): void;
  setLocked(locked: boolean): void;
}

export const useApp = create<AppState>((set, get) => ({
  screen: 'orders',
  cardsOrderId: null,
  handoutId: null,
  wizardRun: 0,
  accounts: [],
  orders: [],
  cardTotal: null,
  locked: false,
  go: (screen, options) =>
    set((s) => ({ screen, cardsOrderId: options?.cardsOrderId ?? null, handoutId: options?.handoutId ?? null, wizardRun: screen === 'new-order' ? s.wizardRun + 1 : s.wizardRun })),
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
      notifySettled(p, order.clientReference);
      // canCancel and the like may have changed with the state.
      void call(api().orders.get({ orderId: p.orderId })).then(get().upsertOrder, () => undefined);
    }
  },
  setCardTotal: (total) => set({ cardTotal: total }),
  setLocked: (locked) => set({ locked }),
}));
