import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A wizard step's heading, which takes the focus when the step appears: a screen reader reads where the person is,
 * and the next Tab goes to the step's first control, not back to the top of the page.
 */
export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} id={id} className="step-title" tabIndex={-1}>
      {children}
    </h2>
  );
}
