import type { OrderProgressView } from '../../../shared/ipc/views';

/** A desktop notification when an order settles, so staff need not watch the window. */
export function notifySettled(p: OrderProgressView, reference: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const title =
    p.state === 'complete'
      ? 'Order complete'
      : p.state === 'cancelled'
        ? 'Order cancelled'
        : p.state === 'failed'
          ? 'Order failed'
          : 'Order needs your attention';
  const body =
    p.state === 'complete'
      ? `${reference}: all ${p.cardsStored.toLocaleString()} cards are stored.`
      : `${reference}: ${p.stateReason ?? p.lastError ?? 'open Giftdesk to see what to do next.'}`;
  new Notification(title, { body, tag: `order-${p.orderId}` });
}

export function askForNotifications(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
}
