import { useEffect, useState, type FormEvent } from 'react';
import { parseAmountToCents } from '../../../../shared/money';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { useApp } from '../../state/app-store';

/** The low-balance threshold, set right where the balances are (the same setting as on the Settings page). */
export function LowBalanceThreshold() {
  const threshold = useApp((s) => s.settings?.lowBalanceCents ?? null);
  const setSettings = useApp((s) => s.setSettings);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setText(threshold === null ? '' : (threshold / 100).toFixed(2)), [threshold]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const typed = text.trim().replace(/^[A-Z]{0,3}\$/, '');
    const cents = typed === '' ? null : parseAmountToCents(typed);
    if (typed !== '' && cents === null) return setError('Enter an amount such as 500 or 500.00, or leave it empty for no warning.');
    try {
      setSettings(await call(api().settings.change({ key: 'lowBalanceCents', value: cents })));
      setSaved(cents === null ? 'No low-balance warning.' : `A balance below ${(cents / 100).toFixed(2)} is flagged.`);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <form className="threshold" onSubmit={(e) => void save(e)}>
      <label htmlFor="overview-threshold">Warn me when a balance is below</label>
      <input id="overview-threshold" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} placeholder="no warning" />
      <button type="submit">Set</button>
      <span className="hint" role="status">
        {saved ?? 'In each account’s own currency. Leave empty for no warning.'}
      </span>
      <ErrorText message={error} />
    </form>
  );
}
