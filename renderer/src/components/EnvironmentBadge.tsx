import { accountEnvironment, ENVIRONMENT_LABEL, type AccountEnvironment } from '../../../shared/account-environment';
import type { ProviderName } from '../../../shared/domain';

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
