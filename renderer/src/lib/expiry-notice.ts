import { api, call } from './api';

const HOUR = 60 * 60_000;

/**
 * While the app runs, asks main once an hour whether stock expires within 30 days; main answers a notice at most once
 * a day (whichever window or process asked first), naming no card. Returns the function that stops asking.
 */
export function watchExpiringStock(): () => void {
  const ask = () =>
    call(api().balances.expiryNotice({})).then(
      ({ notice }) => {
        if (notice && typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification(notice.title, { body: notice.body, tag: 'expiring-stock' });
      },
      () => undefined,
    );
  void ask();
  const timer = setInterval(() => void ask(), HOUR);
  return () => clearInterval(timer);
}
