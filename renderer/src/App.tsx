import { useEffect } from 'react';
import { LockScreen } from './components/LockScreen';
import { Nav } from './components/Nav';
import { api } from './lib/api';
import { AccountsScreen } from './screens/accounts/AccountsScreen';
import { AuditScreen } from './screens/audit/AuditScreen';
import { CardsScreen } from './screens/cards/CardsScreen';
import { HandoutsScreen } from './screens/handouts/HandoutsScreen';
import { StockScreen } from './screens/stock/StockScreen';
import { OrdersScreen } from './screens/orders/OrdersScreen';
import { OrderWizard } from './screens/wizard/OrderWizard';
import { useApp } from './state/app-store';

export function App() {
  const screen = useApp((s) => s.screen);
  const locked = useApp((s) => s.locked);
  const wizardRun = useApp((s) => s.wizardRun);

  useEffect(() => {
    const { loadAccounts, loadOrders, applyProgress, setCardTotal, setLocked } = useApp.getState();
    void loadAccounts().catch(() => undefined);
    void loadOrders().catch(() => undefined);
    void api().cards.count({}).then((r) => r.ok && setCardTotal(r.value.total));
    void api().lock.status({}).then((r) => r.ok && setLocked(r.value.locked));
    const off = [
      api().on('order.progress', applyProgress),
      api().on('cards.count', (c) => setCardTotal(c.total)),
      api().on('lock.state', (l) => setLocked(l.locked)),
    ];
    return () => off.forEach((f) => f());
  }, []);

  return (
    <div className="shell">
      <Nav />
      <main className="content" id="content" tabIndex={-1}>
        {locked ? (
          <LockScreen />
        ) : (
          <>
            {screen === 'orders' && <OrdersScreen />}
            {screen === 'new-order' && <OrderWizard key={wizardRun} />}
            {screen === 'cards' && <CardsScreen />}
            {screen === 'stock' && <StockScreen />}
            {screen === 'handouts' && <HandoutsScreen />}
            {screen === 'accounts' && <AccountsScreen />}
            {screen === 'audit' && <AuditScreen />}
          </>
        )}
      </main>
    </div>
  );
}
