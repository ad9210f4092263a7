import { useEffect, useRef } from 'react';
import { Field } from '../Field';

/** A passcode (or recovery key) typed without echo, focused when it appears. */
export function PasscodeField(props: { id: string; label: string; value: string; onChange(v: string): void; error?: string | null; hint?: string; autoComplete?: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <Field id={props.id} label={props.label} error={props.error ?? null} hint={props.hint}>
      <input
        id={props.id}
        ref={input}
        type="password"
        autoComplete={props.autoComplete ?? 'current-password'}
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}
