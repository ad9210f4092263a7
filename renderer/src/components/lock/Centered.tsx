import type { ReactNode } from 'react';

/** The lock and start screens: one panel in the middle of the window, nothing else around it. */
export function Centered({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="gate" aria-labelledby="gate-title">
      <div className="gate-panel">
        <h1 id="gate-title">{title}</h1>
        {children}
      </div>
    </section>
  );
}
