import { useEffect } from 'react';
import { BackupBanner } from './components/BackupBanner';
import { LockGate } from './components/lock/LockGate';
import { Nav } from './components/Nav';
import { PasscodeDialog } from './components/PasscodeDialog';
import { api } from './lib/api';
import { AccountsScreen } from './screens/accounts/AccountsScreen';
import { AuditScreen } from './screens/audit/AuditScreen';
import { BalancesScreen } from './screens/balances/BalancesScreen';
import { watchExpiringStock } from './lib/expiry-notice';
import { CardsScreen } from './screens/cards/CardsScreen';
import { HandoutsScreen } from './screens/handouts/HandoutsScreen';
import { StockScreen } from './screens/stock/StockScreen';
import { OrdersScreen } from './screens/orders/OrdersScreen';
import { OrderPage } from './screens/orders/OrderPage';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { OrderWizard } from './screens/wizard/OrderWizard';
import { OverviewScreen } from './screens/overview/OverviewScreen';
import { useApp } from './state/app-store';

export function App() {
  const screen = useApp((s) => s.screen);
  const locked = useApp((s) => s.locked);
  const wizardRun = useApp((s) => s.wizardRun);
  const orderPageId = useApp((s) => s.orderPageId);

  useEffect(() => {
    const { applyProgress, setCardTotal, refreshLock, loadVault } = useApp.getState();
    // Main pushes nothing but the lock's event while locked; after it, ask what the lock says now.
    void refreshLock();
    const off = [
      api().on('order.progress', applyProgress),
      api().on('cards.count', (c) => setCardTotal(c.total)),
      api().on('lock.state', () => void refreshLock()),
      api().on('vault.backup', () => void loadVault().catch(() => undefined)),
    ];
    return () => off.forEach((f) => f());
  }, []);

  // Once unlocked, the daily word about stock that expires soon (main decides it is due at most once a day).
  useEffect(() => (locked ? undefined : watchExpiringStock()), [locked]);

  // Locked, or the store still opening: the lock screen is all there is, without the side menu.
  if (locked) return <LockGate />;
  return (
    <div className="shell">
      <Nav />
      <main className="content" id="content" tabIndex={-1}>
        <BackupBanner />
        {screen === 'overview' && <OverviewScreen />}
        {screen === 'orders' && <OrdersScreen />}
        {screen === 'order' && orderPageId !== null && <OrderPage key={orderPageId} orderId={orderPageId} />}
        {screen === 'new-order' && <OrderWizard key={wizardRun} />}
        {screen === 'cards' && <CardsScreen />}
        {screen === 'stock' && <StockScreen />}
        {screen === 'handouts' && <HandoutsScreen />}
        {screen === 'balances' && <BalancesScreen />}
        {screen === 'accounts' && <AccountsScreen />}
        {screen === 'audit' && <AuditScreen />}
        {screen === 'reports' && <ReportsScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      <PasscodeDialog />
    </div>
  );
}
