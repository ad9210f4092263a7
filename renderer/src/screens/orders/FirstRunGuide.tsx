import { useEffect, useState } from 'react';
import type { AccountView, ConnectionTest } from '../../../../shared/ipc/views';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { useApp } from '../../state/app-store';

/** The sandbox's own Woolworths SKU (README, "Trying it without credentials"): a first order that costs nothing. */
const FIRST_ORDER = { sku: 'WWQ651BHNWSH', faceValueCents: 2_500, quantity: 3, productName: 'Woolworths eGift Card' };

/**
 * What a new store opens on, once its passcode is set and its recovery key kept: the sandbox against live in plain
 * words, the accounts (adding one, testing it), and a first sandbox order in one click. It goes once there is an order.
 */
export function FirstRunGuide() {
  const accounts = useApp((s) => s.accounts);
  const go = useApp((s) => s.go);
  const upsertOrder = useApp((s) => s.upsertOrder);
  const [tests, setTests] = useState<Record<string, ConnectionTest | string>>({});
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void useApp.getState().loadAccounts().catch(() => undefined), []);
  const sandbox = accounts.find((a) => a.provider === 'sandbox' && a.sandboxFlavor === 'wpay');

  const test = async (account: AccountView) => {
    setTests((t) => ({ ...t, [account.id]: 'Asking…' }));
    try {
      const answer = await call(api().accounts.testConnection({ accountId: account.id }));
      setTests((t) => ({ ...t, [account.id]: answer }));
    } catch (err) {
      setTests((t) => ({ ...t, [account.id]: messageOf(err) }));
    }
  };
  const placeFirst = async () => {
    if (!sandbox) return;
    setPlacing(true);
    setError(null);
    try {
      const draft = { accountId: sandbox.id, lines: [FIRST_ORDER] };
      const review = await call(api().orders.validate(draft));
      const placed = await call(api().orders.place({ ...draft, reference: review.reference }));
      upsertOrder(placed);
      // Its page follows it until its cards are in.
      go('order', { orderId: placed.id });
    } catch (err) {
      setError(messageOf(err));
      setPlacing(false);
    }
  };

  return (
    <div className="guide" aria-labelledby="guide-title">
      <h2 id="guide-title">Getting started</h2>
      <ol className="guide-steps">
        <li>
          <h3>Sandbox or live</h3>
          <p>
            A <strong>sandbox</strong> account is for practice: its orders go to a stand-in built into Giftdesk, nothing is charged, and every card it makes is fake and printed{' '}
            <strong>SANDBOX — NOT A REAL CARD</strong>. A <strong>live</strong> account is your business’s own Wpay or Blackhawk account: its orders debit your prepaid balance and its cards are
            real money. Giftdesk starts with two sandbox accounts so you can try everything first.
          </p>
        </li>
        <li>
          <h3>Your accounts</h3>
          <ul className="guide-accounts">
            {accounts.map((a) => {
              const result = tests[a.id];
              return (
                <li key={a.id}>
                  <span className="guide-account">
                    {a.name} <EnvironmentBadge account={a} />
                  </span>
                  <button type="button" onClick={() => void test(a)}>
                    Test {a.name}
                  </button>
                  {result && (
                    <span className="hint" role="status">
                      {typeof result === 'string' ? result : result.message}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <p>
            To order real cards, add your live account with the API key (Wpay) or certificate (Blackhawk) your provider gave you, then test it here or on the Accounts screen.{' '}
            <button type="button" className="link" onClick={() => go('accounts')}>
              Add an account…
            </button>
          </p>
        </li>
        <li>
          <h3>A first sandbox order</h3>
          <p>Three A$25.00 Woolworths sandbox cards, to see an order go from sent to complete, then print or export its cards. It costs nothing.</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void placeFirst()} disabled={!sandbox || placing}>
              {placing ? 'Placing…' : 'Place a first sandbox order'}
            </button>
            <button type="button" onClick={() => go('new-order')}>
              Choose my own order…
            </button>
          </div>
          {!sandbox && <p className="hint">The Sandbox (Wpay) account was removed; use “Choose my own order”.</p>}
          <ErrorText message={error} />
        </li>
      </ol>
    </div>
  );
}
