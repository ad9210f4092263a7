import { useId, useState, type FormEvent } from 'react';
import { accountApi } from '../../../../shared/account-api';
import { accountEnvironment } from '../../../../shared/account-environment';
import type { ProviderName } from '../../../../shared/domain';
import type { AccountView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf, UiError } from '../../lib/api';
import { withPasscode } from '../../lib/with-passcode';
import { CHECK_EVERY, CURRENCIES, DEFAULT_CURRENCY, PROVIDER_LABEL, SANDBOX_CHECK_EVERY } from './account-defaults';
import { baseUrlOf, HostChoice, hostChoiceOf, type HostChoiceValue } from './HostChoice';

interface Props {
  /** The account being edited; absent when adding. */
  account?: AccountView;
  onDone(account: AccountView): void;
  onCancel(): void;
}

/** The part of a base URL that decides where a key goes (scheme, host and port); null while it is not a URL yet. */
function hostOf(url: string | null): string | null {
  try {
    return url === null ? null : new URL(url).origin;
  } catch {
    return null;
  }
}

type Failure = { message: string; field?: string; connection?: true };

/**
 * Add or edit an account. Secrets typed here go to main once and are never shown again, not even to this form. Main
 * tests the connection before it saves a key; a key that fails is saved only after "Save anyway".
 */
export function AccountForm({ account, onDone, onCancel }: Props) {
  const uid = useId();
  const [provider, setProvider] = useState<ProviderName>(account?.provider ?? 'wpay');
  const [flavor, setFlavor] = useState<'wpay' | 'blackhawk'>(account?.sandboxFlavor ?? 'wpay');
  const [name, setName] = useState(account?.name ?? '');
  const environment = account ? accountEnvironment(account) : null;
  const [host, setHost] = useState<HostChoiceValue>(account && environment !== 'sandbox' ? hostChoiceOf(account.baseUrl, environment === 'test' ? 'test' : 'live') : null);
  const [currency, setCurrency] = useState(account?.currency ?? 'AUD');
  const [merchantId, setMerchantId] = useState(account?.merchantId ?? '');
  const [programNumber, setProgramNumber] = useState(account?.clientProgramNumber ?? '');
  const [checkEvery, setCheckEvery] = useState<number | null>(account?.pollEverySeconds ?? null);
  const [balanceRate, setBalanceRate] = useState(String(account?.balanceRatePerMinute ?? 50));
  const [apiKey, setApiKey] = useState('');
  const [certificate, setCertificate] = useState<{ name: string; base64: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState<'testing' | 'saving' | null>(null);

  const api_ = accountApi({ provider, sandboxFlavor: provider === 'sandbox' ? flavor : null });
  const editing = account !== undefined;
  const baseUrl = provider === 'sandbox' ? null : baseUrlOf(api_, host);
  const currencies = CURRENCIES.some((c) => c.code === currency) ? CURRENCIES : [{ code: currency, name: currency }, ...CURRENCIES];
  const offered = provider === 'sandbox' ? [...SANDBOX_CHECK_EVERY, ...CHECK_EVERY] : CHECK_EVERY;
  const checkChoices = offered.some((c) => c.seconds === checkEvery) ? offered : [...offered, { seconds: checkEvery, label: `Every ${checkEvery} seconds` }];

  const chooseProvider = (p: ProviderName) => {
    setProvider(p);
    setHost(null);
    setCurrency(DEFAULT_CURRENCY[p]);
    setCheckEvery(p === 'sandbox' ? 2 : null);
  };

  const readCertificate = async (file: File | undefined) => {
    if (!file) return setCertificate(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    setCertificate({ name: file.name, base64: btoa(binary) });
  };

  const save = async (connection: 'test' | 'save-anyway') => {
    if (provider !== 'sandbox' && baseUrl === null) return setError({ field: 'baseUrl', message: 'Choose where the orders go: the test host, or live with your live address.' });
    if (baseUrl === '') return setError({ field: 'baseUrl', message: 'Type the live address your account manager gave you.' });
    setBusy(connection === 'test' ? 'testing' : 'saving');
    setError(null);
    const settings = {
      name,
      // A sandbox account always reaches the built-in sandbox, wherever it listens.
      ...(baseUrl === null ? {} : { baseUrl }),
      currency,
      merchantId: api_ === 'blackhawk' && merchantId.trim() ? merchantId.trim() : null,
      clientProgramNumber: api_ === 'blackhawk' && programNumber.trim() ? programNumber.trim() : null,
      sandboxFlavor: provider === 'sandbox' ? flavor : null,
      pollEverySeconds: checkEvery,
      balanceRatePerMinute: Number(balanceRate),
      ...(apiKey ? { apiKey } : {}),
      ...(certificate ? { certificateBase64: certificate.base64 } : {}),
      ...(passphrase ? { certificatePassphrase: passphrase } : {}),
      connection,
    };
    try {
      const saved = editing
        ? await withPasscode(() => api().accounts.edit({ id: account.id, ...settings }))
        : await call(api().accounts.add({ provider, fetchConcurrency: 2, ...settings }));
      // The key leaves this component's memory as soon as main has it.
      setApiKey('');
      setPassphrase('');
      onDone(saved);
    } catch (err) {
      const ui = err instanceof UiError ? err : null;
      setError({ message: messageOf(err), ...(ui?.field ? { field: ui.field } : {}), ...(ui?.kind === 'connection-test-failed' ? { connection: true as const } : {}) });
    } finally {
      setBusy(null);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save('test');
  };

  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const id = (f: string) => `${uid}-${f}`;
  const reachChanged = !editing || apiKey !== '' || certificate !== null || passphrase !== '' || (baseUrl !== null && hostOf(baseUrl) !== hostOf(account.baseUrl));
  const hostWarning =
    editing && hostOf(baseUrl) !== null && hostOf(baseUrl) !== hostOf(account.baseUrl)
      ? 'A new host: the stored key and certificate passphrase are removed when you save, and must be entered again. Giftdesk never sends a key to another host.'
      : null;

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={id('title')}>
      <h2 id={id('title')}>{editing ? `Edit ${account.name}` : 'Add an account'}</h2>
      {!editing && (
        <fieldset className="field">
          <legend>Provider</legend>
          <div className="segmented">
            {(['wpay', 'blackhawk', 'sandbox'] as const).map((p) => (
              <label key={p} className={provider === p ? 'on' : ''}>
                <input type="radio" name={id('provider')} checked={provider === p} onChange={() => chooseProvider(p)} />
                {PROVIDER_LABEL[p]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {provider === 'sandbox' && !editing && (
        <div className="field">
          <label htmlFor={id('flavor')}>The sandbox acts like</label>
          <select id={id('flavor')} value={flavor} onChange={(e) => setFlavor(e.target.value as 'wpay' | 'blackhawk')}>
            <option value="wpay">Wpay</option>
            <option value="blackhawk">Blackhawk Network</option>
          </select>
        </div>
      )}
      <div className="grid2">
        <Field id={id('name')} label="Account name" error={fieldError('name')}>
          <input id={id('name')} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
        </Field>
        <Field id={id('currency')} label="Currency the account pays in" error={fieldError('currency')}>
          <select id={id('currency')} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </Field>
      </div>
      {provider !== 'sandbox' && <HostChoice id={id('host')} api={api_} value={host} onChange={setHost} error={fieldError('baseUrl')} warning={hostWarning} />}
      {api_ === 'blackhawk' && (
        <div className="grid2">
          <Field id={id('merchant')} label="Merchant ID (MID)" error={fieldError('merchantId')}>
            <input id={id('merchant')} value={merchantId} onChange={(e) => setMerchantId(e.target.value)} />
          </Field>
          <Field id={id('program')} label="Client program number" error={fieldError('clientProgramNumber')}>
            <input id={id('program')} value={programNumber} onChange={(e) => setProgramNumber(e.target.value)} />
          </Field>
        </div>
      )}
      {api_ === 'wpay' && (
        <Field
          id={id('key')}
          label="API key"
          error={fieldError('apiKey')}
          hint={
            account?.hasApiKey
              ? `Key stored ••••${account.apiKeyLast4 ?? ''}. Leave empty to keep it; type a new one to replace it.`
              : provider === 'sandbox'
                ? 'Optional for the sandbox. Stored in the system keychain and never shown again.'
                : 'Stored in the system keychain once the connection works. It is never shown again.'
          }
        >
          <input id={id('key')} type="password" value={apiKey} onChange={(e) => setApiKey(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
      )}
      {api_ === 'blackhawk' && provider !== 'sandbox' && (
        <div className="grid2">
          <Field
            id={id('cert')}
            label="Client certificate (.p12)"
            error={fieldError('certificateBase64')}
            hint={account?.hasCertificate ? 'A certificate is stored. Choose a file only to replace it.' : certificate?.name}
          >
            <input id={id('cert')} type="file" accept=".p12,.pfx" onChange={(e) => void readCertificate(e.target.files?.[0])} />
          </Field>
          <Field
            id={id('pass')}
            label="Certificate passphrase"
            error={fieldError('certificatePassphrase')}
            hint={account?.hasCertificatePassphrase ? 'A passphrase is stored. Leave empty to keep it.' : undefined}
          >
            <input id={id('pass')} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
          </Field>
        </div>
      )}
      <Field id={id('check')} label="How often Giftdesk checks an order in progress" error={fieldError('pollEverySeconds')}>
        <select id={id('check')} value={checkEvery ?? ''} onChange={(e) => setCheckEvery(e.target.value === '' ? null : Number(e.target.value))}>
          {checkChoices.map((c) => (
            <option key={c.seconds ?? 'advice'} value={c.seconds ?? ''}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      {api_ === 'wpay' && (
        <Field id={id('rate')} label="Card balance checks a minute, at most" hint="Wpay allows 50 unless your account manager changed it." error={fieldError('balanceRatePerMinute')}>
          <input id={id('rate')} inputMode="numeric" value={balanceRate} onChange={(e) => setBalanceRate(e.target.value.replace(/\D/g, ''))} />
        </Field>
      )}
      {error?.connection ? (
        <div className="connection-failed" role="alert">
          <p className="error">{error.message}</p>
          <p className="muted">Check the key and the address, then test again. Save anyway only if you know why it fails (for example, the provider is down right now).</p>
        </div>
      ) : (
        <ErrorText message={error && !error.field ? error.message : null} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'testing' ? 'Testing the connection…' : error?.connection ? 'Test again' : !reachChanged ? 'Save changes' : editing ? 'Test and save' : 'Test and add account'}
        </button>
        {error?.connection && (
          <button type="button" className="danger" disabled={busy !== null} onClick={() => void save('save-anyway')}>
            {busy === 'saving' ? 'Saving…' : 'Save anyway'}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
