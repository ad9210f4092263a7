import type { ReactNode } from 'react';
import { ErrorText } from './ErrorText';

/** A labelled form control with its hint and its error underneath. */
export function Field(props: { id: string; label: string; error?: string | null; hint?: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && <p className="hint">{props.hint}</p>}
      <ErrorText message={props.error} />
    </div>
  );
}
