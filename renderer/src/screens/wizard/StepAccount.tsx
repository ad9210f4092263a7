import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { PrepaidBalance } from '../../components/PrepaidBalance';
import { useAccountBalances } from '../../lib/use-account-balances';
import { useApp } from '../../state/app-store';
import { PROVIDER_LABEL } from '../accounts/account-defaults';
import type { Draft } from './draft';
import { StepHeading } from './StepHeading';

export function StepAccount({ draft, update, next }: { draft: Draft; update(p: Partial<Draft>): void; next(): void }) {
  const accounts = useApp((s) => s.accounts);
  const go = useApp((s) => s.go);
  const threshold = useApp((s) => s.settings?.lowBalanceCents ?? null);
  const balances = useAccountBalances(accounts.map((a) => a.id));
  if (accounts.length === 0) {
    return (
      <div className="panel">
        <p>There is no account to order from yet.</p>
        <button type="button" className="primary" onClick={() => go('accounts')}>
          Add an account
        </button>
      </div>
    );
  }
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.accountId) next();
      }}
    >
      <StepHeading>Which account pays for this order?</StepHeading>
      <fieldset aria-label="Accounts">
        <div className="choice-list">
          {accounts.map((a) => (
            <label key={a.id} className={`choice ${draft.accountId === a.id ? 'on' : ''}`}>
              <input
                type="radio"
                name="account"
                checked={draft.accountId === a.id}
                onChange={() => update({ accountId: a.id, sku: '', product: null, csv: null })}
              />
              <span className="choice-title">
                {a.name} <EnvironmentBadge account={a} />
              </span>
              <span className="muted">
                {PROVIDER_LABEL[a.api]} · {a.currency}
                <br />
                Prepaid balance: <PrepaidBalance state={balances[a.id]} thresholdCents={threshold} />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={!draft.accountId}>
          Next
        </button>
      </div>
    </form>
  );
}
