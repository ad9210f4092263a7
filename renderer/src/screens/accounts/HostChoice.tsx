import { TEST_HOSTS } from '../../../../shared/account-environment';
import { ErrorText } from '../../components/ErrorText';
import { PROVIDER_LABEL } from './account-defaults';

/** Where a real account's orders go: the provider's documented test host, or the live address typed by the person. */
export type HostChoiceValue = { kind: 'test' } | { kind: 'live'; url: string } | null;

interface Props {
  id: string;
  api: 'wpay' | 'blackhawk';
  value: HostChoiceValue;
  onChange(value: HostChoiceValue): void;
  error: string | null;
  /** Shown under the live address when it would move the stored key to another host. */
  warning?: string | null;
}

/**
 * Never guesses a production host: neither provider's documents name one, so the live address is typed as the
 * provider's account manager gave it, and the test host is a choice labelled as such.
 */
export function HostChoice({ id, api, value, onChange, error, warning }: Props) {
  const provider = PROVIDER_LABEL[api];
  return (
    <fieldset className="field host-choice">
      <legend>Where this account’s orders go</legend>
      <label className={`choice ${value?.kind === 'test' ? 'on' : ''}`}>
        <input type="radio" name={`${id}-host`} checked={value?.kind === 'test'} onChange={() => onChange({ kind: 'test' })} />
        <span className="choice-title">
          {provider}’s test host <span className="badge env env-test">Test</span>
        </span>
        <span className="muted">
          <span className="mono">{TEST_HOSTS[api]}</span> — for trying the account out: no real money moves and the cards are not real.
        </span>
      </label>
      <label className={`choice ${value?.kind === 'live' ? 'on' : ''}`}>
        <input type="radio" name={`${id}-host`} checked={value?.kind === 'live'} onChange={() => onChange({ kind: 'live', url: value?.kind === 'live' ? value.url : '' })} />
        <span className="choice-title">
          Live, with real money <span className="badge env env-live">Live</span>
        </span>
        <span className="muted">The production address your {provider} account manager gave you. Orders debit your prepaid account.</span>
      </label>
      {value?.kind === 'live' && (
        <div className="field">
          <label htmlFor={`${id}-live`}>Live address from {provider}</label>
          <input
            id={`${id}-live`}
            value={value.url}
            onChange={(e) => onChange({ kind: 'live', url: e.target.value })}
            placeholder="https://…"
            spellCheck={false}
            autoComplete="off"
          />
          <p className="hint">Giftdesk does not fill this in: neither provider publishes its production address. Copy it from your account manager’s email.</p>
          {warning && <p className="warning">{warning}</p>}
        </div>
      )}
      <ErrorText message={error} />
    </fieldset>
  );
}

/** The choice an existing account's address stands for. */
export function hostChoiceOf(baseUrl: string, environment: 'test' | 'live'): HostChoiceValue {
  return environment === 'test' ? { kind: 'test' } : { kind: 'live', url: baseUrl };
}

/** The address a choice sends; null while none is chosen. */
export function baseUrlOf(api: 'wpay' | 'blackhawk', choice: HostChoiceValue): string | null {
  if (!choice) return null;
  return choice.kind === 'test' ? TEST_HOSTS[api] : choice.url.trim();
}
