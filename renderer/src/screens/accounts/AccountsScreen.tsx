import { useState } from 'react';
import type { AccountView, ConnectionTest } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { useApp } from '../../state/app-store';
import { AccountForm } from './AccountForm';
import { PROVIDER_LABEL } from './account-defaults';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { PrepaidBalance } from '../../components/PrepaidBalance';
import { useAccountBalances, type BalanceState } from '../../lib/use-account-balances';

type Editing = { mode: 'add' } | { mode: 'edit'; account: AccountView } | null;

export function AccountsScreen() {
  const accounts = useApp((s) => s.accounts);
  const loadAccounts = useApp((s) => s.loadAccounts);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const threshold = useApp((s) => s.settings?.lowBalanceCents ?? null);
  // Asked again whenever the list changes: a key saved anyway shows here what its provider says of it.
  const balances = useAccountBalances(accounts.map((a) => a.id), accounts);

  const done = async (saved: AccountView) => {
    setEditing(null);
    setNotice(`${saved.name} saved.`);
    await loadAccounts();
  };

  return (
    <section aria-labelledby="accounts-title">
      <header className="screen-head">
        <h1 id="accounts-title">Accounts</h1>
        {!editing && (
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'add' })}>
            Add account
          </button>
        )}
      </header>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {editing && (
        <AccountForm
          key={editing.mode === 'edit' ? editing.account.id : 'new'}
          account={editing.mode === 'edit' ? editing.account : undefined}
          onDone={(a) => void done(a)}
          onCancel={() => setEditing(null)}
        />
      )}
      {accounts.length === 0 ? (
        <p className="empty">No accounts yet. Add the Wpay or Blackhawk account you order from.</p>
      ) : (
        <ul className="account-list">
          {accounts.map((a) => (
            <AccountItem key={a.id} account={a} balance={balances[a.id]} threshold={threshold} onEdit={() => setEditing({ mode: 'edit', account: a })} onRemoved={loadAccounts} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  account: AccountView;
  balance: BalanceState | undefined;
  threshold: number | null;
  onEdit(): void;
  onRemoved(): Promise<void>;
}

function AccountItem({ account, balance, threshold, onEdit, onRemoved }: ItemProps) {
  const [test, setTest] = useState<{ busy: boolean; result?: ConnectionTest; error?: string }>({ busy: false });
  const [removeError, setRemoveError] = useState<string | null>(null);

  const testConnection = async () => {
    setTest({ busy: true });
    try {
      setTest({ busy: false, result: await call(api().accounts.testConnection({ accountId: account.id })) });
    } catch (err) {
      setTest({ busy: false, error: messageOf(err) });
    }
  };
  const remove = async () => {
    if (!window.confirm(`Remove the account “${account.name}” and its stored key?`)) return;
    try {
      await call(api().accounts.remove({ accountId: account.id }));
      await onRemoved();
    } catch (err) {
      setRemoveError(messageOf(err));
    }
  };

  const flavour = account.api;
  return (
    <li className="panel account" aria-label={account.name}>
      <div className="account-main">
        <h2>
          {account.name} <EnvironmentBadge account={account} />
        </h2>
        <p className="muted">
          {PROVIDER_LABEL[account.provider]}
          {account.provider === 'sandbox' ? ` (speaks ${PROVIDER_LABEL[flavour]})` : ''} · {account.currency} · {account.provider === 'sandbox' ? 'built-in sandbox' : account.baseUrl}
        </p>
        <p className="secret-status">
          {flavour === 'wpay' &&
            (account.hasApiKey ? (
              <span>Key stored ••••{account.apiKeyLast4 ?? ''}</span>
            ) : (
              <span className="muted">{account.provider === 'sandbox' ? 'No key needed' : 'No API key stored'}</span>
            ))}
          {flavour === 'blackhawk' &&
            (account.hasCertificate ? (
              <span>Certificate stored</span>
            ) : (
              <span className="muted">{account.provider === 'sandbox' ? 'No certificate needed' : 'No certificate stored'}</span>
            ))}
        </p>
        <p className="account-balance">
          Prepaid balance: <PrepaidBalance state={balance} thresholdCents={threshold} />
        </p>
        {test.result && (
          <p className="ok" role="status">
            {test.result.message}
          </p>
        )}
        <ErrorText message={test.error ?? removeError} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => void testConnection()} disabled={test.busy}>
          {test.busy ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          Remove
        </button>
      </div>
    </li>
  );
}
