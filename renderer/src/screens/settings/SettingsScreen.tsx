import { useEffect, useState } from 'react';
import { LAYOUT_WORDS, SHEET_LAYOUTS } from '../../../../shared/card-outputs';
import type { SettingChange } from '../../../../shared/settings';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { parseThreshold, thresholdSaved, thresholdText } from '../../lib/low-balance-threshold';
import { useApp } from '../../state/app-store';
import { BackupsSection } from '../security/BackupsSection';
import { ChangePasscode } from '../security/ChangePasscode';
import { RecoveryKeySection } from '../security/RecoveryKeySection';

const IDLE_CHOICES = [1, 5, 15, 30, 60];
const CLIPBOARD_CHOICES = [10, 15, 30, 60, 120];
const POLL_CHOICES = [1, 2, 5, 10, 15, 30, 60];

/** Every preference in one place, each kept in the store (and audited) as soon as it is changed; then the vault's. */
export function SettingsScreen() {
  const vault = useApp((s) => s.vault);
  const settings = useApp((s) => s.settings);
  const idleMinutes = useApp((s) => s.lock?.idleMinutes ?? null);
  const { loadVault, loadSettings, setSettings, setLock } = useApp.getState();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [threshold, setThreshold] = useState('');
  useEffect(() => {
    void loadVault().catch(() => undefined);
    void loadSettings().catch(() => undefined);
  }, [loadVault, loadSettings]);
  useEffect(() => {
    setThreshold(thresholdText(settings?.lowBalanceCents));
  }, [settings?.lowBalanceCents]);

  const change = async (c: SettingChange, words: string) => {
    setError(null);
    try {
      setSettings(await call(api().settings.change(c)));
      setSaved(words);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const chooseIdle = async (minutes: number) => {
    const r = await api().lock.setIdleMinutes({ minutes });
    if (r.ok) {
      setLock(r.value);
      setSaved(`Giftdesk locks after ${minutes} min of no use.`);
    } else setError(r.error.message);
  };
  const saveThreshold = () => {
    const typed = parseThreshold(threshold);
    if ('error' in typed) return setError(typed.error);
    void change({ key: 'lowBalanceCents', value: typed.cents }, thresholdSaved(typed.cents));
  };

  return (
    <section aria-labelledby="settings-title" className="settings">
      <header className="screen-head">
        <h1 id="settings-title">Settings</h1>
      </header>
      <p className="saved-line" role="status" aria-live="polite">
        {saved ?? ''}
      </p>
      <ErrorText message={error} />
      {settings && (
        <div className="settings-grid">
          <section className="panel" aria-labelledby="set-lock">
            <h2 id="set-lock">Locking and copying</h2>
            <div className="field">
              <label htmlFor="idle">Lock after</label>
              <select id="idle" value={idleMinutes ?? 5} onChange={(e) => void chooseIdle(Number(e.target.value))}>
                {[...new Set([...IDLE_CHOICES, idleMinutes ?? 5])].sort((a, b) => a - b).map((m) => (
                  <option key={m} value={m}>
                    {m} min of no use
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="clipboard">Wipe copied numbers, PINs and passphrases after</label>
              <select id="clipboard" value={settings.clipboardSeconds} onChange={(e) => void change({ key: 'clipboardSeconds', value: Number(e.target.value) }, `Copies are wiped after ${e.target.value} s.`)}>
                {[...new Set([...CLIPBOARD_CHOICES, settings.clipboardSeconds])].sort((a, b) => a - b).map((s) => (
                  <option key={s} value={s}>
                    {s} seconds
                  </option>
                ))}
              </select>
            </div>
          </section>
          <section className="panel" aria-labelledby="set-sheets">
            <h2 id="set-sheets">Card sheets</h2>
            <div className="field">
              <label htmlFor="default-layout">Layout to start with</label>
              <select id="default-layout" value={settings.defaultLayout} onChange={(e) => void change({ key: 'defaultLayout', value: e.target.value as (typeof SHEET_LAYOUTS)[number] }, `Sheets start as ${LAYOUT_WORDS[e.target.value as (typeof SHEET_LAYOUTS)[number]]}.`)}>
                {SHEET_LAYOUTS.map((l) => (
                  <option key={l} value={l}>
                    {LAYOUT_WORDS[l]}
                  </option>
                ))}
              </select>
            </div>
            <label className="check">
              <input type="checkbox" checked={settings.defaultScratch} onChange={(e) => void change({ key: 'defaultScratch', value: e.target.checked }, e.target.checked ? 'Sheets start with scratch-off panels.' : 'Sheets start without scratch-off panels.')} />
              Scratch-off panels over PINs by default
            </label>
          </section>
          <section className="panel" aria-labelledby="set-orders">
            <h2 id="set-orders">Orders and balances</h2>
            <div className="field">
              <label htmlFor="poll">Check live orders</label>
              <select
                id="poll"
                value={settings.pollEverySeconds ?? ''}
                onChange={(e) => {
                  const value = e.target.value === '' ? null : Number(e.target.value);
                  void change({ key: 'pollEverySeconds', value }, value === null ? 'Live orders are checked as the provider advises.' : `New live orders are checked every ${value / 60} min.`);
                }}
              >
                <option value="">As the provider advises (by order size)</option>
                {POLL_CHOICES.map((m) => (
                  <option key={m} value={m * 60}>
                    Every {m} min
                  </option>
                ))}
              </select>
              <p className="hint">For orders placed from now on. Sandbox accounts keep their own 2-second rhythm.</p>
            </div>
            <div className="field">
              <label htmlFor="low-balance">Warn when a prepaid balance falls below</label>
              <div className="inline">
                <input id="low-balance" inputMode="decimal" value={threshold} placeholder="No warning" onChange={(e) => setThreshold(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && saveThreshold()} />
                <button type="button" onClick={saveThreshold}>
                  Save
                </button>
              </div>
              <p className="hint">In each account’s own currency.</p>
            </div>
          </section>
        </div>
      )}
      <section aria-labelledby="security-title" className="security" id="security">
        <h2 id="security-title">Security and backups</h2>
        {vault && (
          <>
            <ChangePasscode setAt={vault.passcodeSetAt} />
            <RecoveryKeySection madeAt={vault.recoveryKeyMadeAt} />
            <BackupsSection vault={vault} />
          </>
        )}
      </section>
    </section>
  );
}
