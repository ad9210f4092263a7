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
      {cardTotal !== null && <p className="nav-foot">{cardTotal.toLocaleString()} cards stored</p>}
    </nav>
  );
}
