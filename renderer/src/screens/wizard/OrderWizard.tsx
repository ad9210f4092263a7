import { useState } from 'react';
import type { OrderView } from '../../../../shared/ipc/views';
import { emptyDraft, STEPS, type Draft, type WizardStep } from './draft';
import { StepAccount } from './StepAccount';
import { StepAmounts } from './StepAmounts';
import { StepProduct } from './StepProduct';
import { StepProgress } from './StepProgress';
import { StepReview } from './StepReview';
import { useApp } from '../../state/app-store';

export function OrderWizard() {
  // "Order again" and "Edit and retry" open it filled in from the order, at the step they need.
  const prefill = useApp((s) => s.wizardPrefill);
  const [step, setStep] = useState<WizardStep>(prefill?.step ?? 'account');
  const [draft, setDraft] = useState<Draft>(prefill?.draft ?? emptyDraft);
  const [placed, setPlaced] = useState<OrderView | null>(null);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const index = STEPS.findIndex((s) => s.step === step);

  const restart = () => {
    setDraft(emptyDraft);
    setPlaced(null);
    setStep('account');
  };

  return (
    <section aria-labelledby="wizard-title">
      <header className="screen-head">
        <h1 id="wizard-title">New order</h1>
      </header>
      <ol className="steps" aria-label="Order steps">
        {STEPS.map((s, i) => (
          <li key={s.step} className={i < index ? 'done' : i === index ? 'current' : ''} aria-current={i === index ? 'step' : undefined}>
            <span className="step-no">{i + 1}</span> {s.label}
          </li>
        ))}
      </ol>
      {prefill && step === prefill.step && <p className="notice" role="status">Filled in from order {prefill.fromOrderId}: the same account, product and lines, under a new reference. Check it before you place it.</p>}
      {step === 'account' && <StepAccount draft={draft} update={update} next={() => setStep('product')} />}
      {step === 'product' && <StepProduct draft={draft} update={update} back={() => setStep('account')} next={() => setStep('amounts')} />}
      {step === 'amounts' && <StepAmounts draft={draft} update={update} back={() => setStep('product')} next={() => setStep('review')} />}
      {step === 'review' && (
        <StepReview
          draft={draft}
          update={update}
          back={() => setStep('amounts')}
          placed={(order) => {
            setPlaced(order);
            setStep('progress');
          }}
        />
      )}
      {step === 'progress' && placed && <StepProgress orderId={placed.id} restart={restart} />}
    </section>
  );
}
