import { accountEnvironment, ENVIRONMENT_LABEL, type AccountEnvironment } from '../../../shared/account-environment';
import type { ProviderName } from '../../../shared/domain';
import { useApp } from '../state/app-store';

const MEANING: Record<AccountEnvironment, string> = {
  sandbox: 'Sandbox: Giftdesk’s built-in stand-in. Nothing is charged; its cards are fake.',
  test: 'Test: the provider’s test host. No real money; its cards are not real.',
  live: 'Live: real orders that debit the prepaid account; its cards are real money.',
};

/**
 * Sandbox, test or live, the same everywhere an account, an order or a card is shown: accounts, the account picker,
 * the review, and (wired where they are built) order and card rows.
 */
export function EnvironmentBadge({ account }: { account: { provider: ProviderName; baseUrl: string } }) {
  const env = accountEnvironment(account);
  return (
    <span className={`badge env env-${env}`} title={MEANING[env]}>
      {ENVIRONMENT_LABEL[env]}
    </span>
  );
}

/** The badge of an order's or a card's account, looked up among the accounts the window holds (none if removed). */
export function AccountEnvironmentBadge({ accountId }: { accountId: string }) {
  const account = useApp((s) => s.accounts.find((a) => a.id === accountId));
  return account ? <EnvironmentBadge account={account} /> : null;
}
