import type { OrderProgressView } from '../../../shared/ipc/views';

/**
 * A desktop notification when an order settles, so staff need not watch the window. It names no order and no
 * amount: a notification shows on a locked screen and to whoever passes by.
 */
export function notifySettled(p: OrderProgressView): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const title =
    p.state === 'complete'
      ? 'An order is complete'
      : p.state === 'cancelled'
        ? 'An order was cancelled'
        : p.state === 'failed'
          ? 'An order failed'
          : 'An order needs your attention';
  new Notification(title, { body: 'Open Giftdesk to see it.', tag: `order-${p.orderId}` });
}

export function askForNotifications(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
}
