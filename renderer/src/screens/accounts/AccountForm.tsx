import { useId, useState, type FormEvent } from 'react';
import type { ProviderName } from '../../../../shared/domain';
import type { AccountView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf, UiError } from '../../lib/api';
import { withPasscode } from '../../lib/with-passcode';
import { accountApi } from '../../../../shared/account-api';
import { DEFAULT_BASE_URL, DEFAULT_CURRENCY, PROVIDER_LABEL } from './account-defaults';

interface Props {
  /** The account being edited; absent when adding. */
  account?: AccountView;
  onDone(account: AccountView): void;
  onCancel(): void;
}

/** The part of a base URL that decides where a key goes (scheme, host and port); null while it is not a URL yet. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Add or edit an account. Secrets typed here go to main once and are never shown again, not even to this form. */
export function AccountForm({ account, onDone, onCancel }: Props) {
  const uid = useId();
  const [provider, setProvider] = useState<ProviderName>(account?.provider ?? 'wpay');
  const [flavor, setFlavor] = useState<'wpay' | 'blackhawk'>(account?.sandboxFlavor ?? 'wpay');
  const [name, setName] = useState(account?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(account?.baseUrl ?? DEFAULT_BASE_URL.wpay);
  const [currency, setCurrency] = useState(account?.currency ?? 'AUD');
  const [merchantId, setMerchantId] = useState(account?.merchantId ?? '');
  const [programNumber, setProgramNumber] = useState(account?.clientProgramNumber ?? '');
  const [pollEvery, setPollEvery] = useState(account?.pollEverySeconds ? String(account.pollEverySeconds) : '');
  const [balanceRate, setBalanceRate] = useState(String(account?.balanceRatePerMinute ?? 50));
  const [apiKey, setApiKey] = useState('');
  const [certificate, setCertificate] = useState<{ name: string; base64: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const api_ = accountApi({ provider, sandboxFlavor: provider === 'sandbox' ? flavor : null });
  const editing = account !== undefined;

  const chooseProvider = (p: ProviderName) => {
    setProvider(p);
    setBaseUrl(DEFAULT_BASE_URL[p]);
    setCurrency(DEFAULT_CURRENCY[p]);
  };

  const readCertificate = async (file: File | undefined) => {
    if (!file) return setCertificate(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    setCertificate({ name: file.name, base64: btoa(binary) });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const pollEverySeconds = pollEvery.trim() === '' ? null : Number(pollEvery);
    const settings = {
      name,
      // A sandbox account always reaches the built-in sandbox, wherever it listens.
      ...(provider === 'sandbox' ? {} : { baseUrl }),
      currency: currency.trim().toUpperCase(),
      merchantId: api_ === 'blackhawk' && merchantId.trim() ? merchantId.trim() : null,
      clientProgramNumber: api_ === 'blackhawk' && programNumber.trim() ? programNumber.trim() : null,
      sandboxFlavor: provider === 'sandbox' ? flavor : null,
      pollEverySeconds,
      balanceRatePerMinute: Number(balanceRate),
      ...(apiKey ? { apiKey } : {}),
      ...(certificate ? { certificateBase64: certificate.base64 } : {}),
      ...(passphrase ? { certificatePassphrase: passphrase } : {}),
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
      setError({ message: messageOf(err), ...(err instanceof UiError && err.field ? { field: err.field } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const id = (f: string) => `${uid}-${f}`;

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
          <label htmlFor={id('flavor')}>Sandbox speaks</label>
          <select id={id('flavor')} value={flavor} onChange={(e) => setFlavor(e.target.value as 'wpay' | 'blackhawk')}>
            <option value="wpay">Wpay API</option>
            <option value="blackhawk">Blackhawk API</option>
          </select>
        </div>
      )}
      <div className="grid2">
        <Field id={id('name')} label="Account name" error={fieldError('name')}>
          <input id={id('name')} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
        </Field>
        <Field id={id('currency')} label="Currency" error={fieldError('currency')}>
          <input id={id('currency')} value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} required />
        </Field>
      </div>
      {provider !== 'sandbox' && (
        <Field
          id={id('baseUrl')}
          label="Base URL"
          error={fieldError('baseUrl')}
          hint={
            editing && hostOf(baseUrl) !== hostOf(account.baseUrl)
              ? 'A new host: the stored key and certificate passphrase are removed when you save, and must be entered again. Giftdesk never sends a key to another host.'
              : 'The provider’s test host until you are ready for real orders.'
          }
        >
          <input id={id('baseUrl')} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required spellCheck={false} />
        </Field>
      )}
      {api_ === 'blackhawk' && (
        <div className="grid2">
          <Field id={id('merchant')} label="Merchant ID" error={fieldError('merchantId')}>
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
                : 'Stored in the system keychain. It is never shown again.'
          }
        >
          <input
            id={id('key')}
            type="password"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
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
      <Field id={id('poll')} label="Seconds between status checks (empty: the provider’s advice)" error={fieldError('pollEverySeconds')}>
        <input id={id('poll')} inputMode="numeric" value={pollEvery} onChange={(e) => setPollEvery(e.target.value.replace(/\D/g, ''))} />
      </Field>
      <Field id={id('rate')} label="Balance checks per minute" hint="Wpay allows 50 unless your account manager changed it." error={fieldError('balanceRatePerMinute')}>
        <input id={id('rate')} inputMode="numeric" value={balanceRate} onChange={(e) => setBalanceRate(e.target.value.replace(/\D/g, ''))} />
      </Field>
      <ErrorText message={error && !error.field ? error.message : null} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? 'Save changes' : 'Add account'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
