import type { OrderPointerView } from '../../../../shared/ipc/overview-views';
import { StateBadge } from '../../components/StateBadge';
import { formatDateTime, formatMoney, plural } from '../../lib/format';
import { useApp } from '../../state/app-store';

interface Props {
  title: string;
  empty: string;
  pointers: { count: number; first: OrderPointerView[] };
}

/** Orders a person should look at, each one click from where it can be dealt with. */
export function OrdersToLookAt({ title, empty, pointers }: Props) {
  const go = useApp((s) => s.go);
  const openOrder = (orderId: number) => go('order', { orderId });
  const id = `look-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="panel look-at" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className={`count ${pointers.count > 0 ? 'some' : ''}`}>{pointers.count.toLocaleString()}</span>
      </h2>
      {pointers.count === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="pointer-list">
          {pointers.first.map((o) => (
            <li key={o.id}>
              <button type="button" className="pointer" onClick={() => openOrder(o.id)} aria-label={`Open order ${o.id} (${o.name ?? o.reference})`}>
                <span className="pointer-head">
                  <span>
                    {o.name ?? `Order ${o.id}`} · {o.accountName}
                  </span>
                  <StateBadge state={o.state} />
                </span>
                <span className="muted">
                  {plural(o.quantity, 'card')}, {formatMoney(o.totalCents, o.currency)} · {formatDateTime(o.updatedAt)}
                </span>
                {o.reason && <span className="pointer-reason">{o.reason}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {pointers.count > pointers.first.length && (
        <button type="button" className="link" onClick={() => go('orders')}>
          All {pointers.count.toLocaleString()} in Orders…
        </button>
      )}
    </section>
  );
}
