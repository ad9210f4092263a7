import { api } from '../lib/api';
import { useApp, type Screen } from '../state/app-store';

const ITEMS: { screen: Screen; label: string }[] = [
  { screen: 'orders', label: 'Orders' },
  { screen: 'new-order', label: 'New order' },
  { screen: 'cards', label: 'Cards' },
  { screen: 'accounts', label: 'Accounts' },
  { screen: 'audit', label: 'Audit log' },
];

export function Nav() {
  const screen = useApp((s) => s.screen);
  const go = useApp((s) => s.go);
  const cardTotal = useApp((s) => s.cardTotal);
  const setLocked = useApp((s) => s.setLocked);
  const lockNow = async () => {
    const r = await api().lock.lock({});
    if (r.ok) setLocked(r.value.locked);
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
              aria-current={screen === item.screen ? 'page' : undefined}
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
