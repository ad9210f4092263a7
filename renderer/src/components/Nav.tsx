import { api } from '../lib/api';
import { useApp, type Screen } from '../state/app-store';

const ITEMS: { screen: Screen; label: string }[] = [
  { screen: 'overview', label: 'Overview' },
  { screen: 'orders', label: 'Orders' },
  { screen: 'new-order', label: 'New order' },
  { screen: 'cards', label: 'Cards' },
  { screen: 'stock', label: 'Stock' },
  { screen: 'handouts', label: 'Hand-outs' },
  { screen: 'balances', label: 'Balances' },
  { screen: 'accounts', label: 'Accounts' },
  { screen: 'audit', label: 'Audit log' },
  { screen: 'reports', label: 'Reports' },
  { screen: 'settings', label: 'Settings' },
];

export function Nav() {
  const screen = useApp((s) => s.screen);
  const go = useApp((s) => s.go);
  const cardTotal = useApp((s) => s.cardTotal);
  const setLock = useApp((s) => s.setLock);
  const lockNow = async () => {
    const r = await api().lock.lock({});
    if (r.ok) setLock(r.value);
  };
  return (
    <nav className="nav" aria-label="Main">
      <div className="brand">Giftdesk</div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === item.screen || (screen === 'order' && item.screen === 'orders') ? 'page' : undefined}
              onClick={() => go(item.screen)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      <div className="nav-foot">
        {cardTotal !== null && <p>{cardTotal.toLocaleString()} cards stored</p>}
        <button type="button" className="nav-item" onClick={() => void lockNow()}>
          Lock now
        </button>
      </div>
    </nav>
  );
}
