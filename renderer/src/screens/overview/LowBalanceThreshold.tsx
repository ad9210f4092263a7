import { useEffect, useState, type FormEvent } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { parseThreshold, thresholdSaved, thresholdText } from '../../lib/low-balance-threshold';
import { useApp } from '../../state/app-store';

/** The low-balance threshold, set right where the balances are (the same setting as on the Settings page). */
export function LowBalanceThreshold() {
  const threshold = useApp((s) => s.settings?.lowBalanceCents ?? null);
  const setSettings = useApp((s) => s.setSettings);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setText(thresholdText(threshold)), [threshold]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const typed = parseThreshold(text);
    if ('error' in typed) return setError(typed.error);
    try {
      setSettings(await call(api().settings.change({ key: 'lowBalanceCents', value: typed.cents })));
      setSaved(thresholdSaved(typed.cents));
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
