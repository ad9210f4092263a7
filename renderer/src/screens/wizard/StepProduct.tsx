import { useEffect, useState } from 'react';
import type { CatalogProductView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useApp } from '../../state/app-store';
import type { Draft } from './draft';
import { StepHeading } from './StepHeading';

interface Props {
  draft: Draft;
  update(p: Partial<Draft>): void;
  back(): void;
  next(): void;
}

export function StepProduct({ draft, update, back, next }: Props) {
  const account = useApp((s) => s.accounts.find((a) => a.id === draft.accountId));
  const [products, setProducts] = useState<{ catalog: CatalogProductView[] | null; usedSkus: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!draft.accountId) return;
    let live = true;
    call(api().accounts.products({ accountId: draft.accountId })).then(
      (p) => {
        if (!live) return;
        setProducts(p);
        // The provider's limits go with the draft, so the amounts step can say what main would refuse.
        update({ limits: p.limits });
      },
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [draft.accountId]);

  const ready = draft.kind === 'csv' || draft.sku.trim() !== '';
  const currency = account?.currency ?? '';
  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) next();
      }}
    >
      <StepHeading>What are you ordering?</StepHeading>
      <fieldset className="field" aria-label="One product or several lines">
        <div className="segmented">
          <label className={draft.kind === 'single' ? 'on' : ''}>
            <input type="radio" name="kind" checked={draft.kind === 'single'} onChange={() => update({ kind: 'single' })} />
            One product
          </label>
          <label className={draft.kind === 'csv' ? 'on' : ''}>
            <input type="radio" name="kind" checked={draft.kind === 'csv'} onChange={() => update({ kind: 'csv' })} />
            Several lines from a CSV file
          </label>
        </div>
      </fieldset>
      {draft.kind === 'csv' && <p className="hint">The file lists one line per row: sku, amount, qty. You choose it in the next step.</p>}
      {draft.kind === 'single' && products === null && !error && <p className="muted">Loading products…</p>}
      <ErrorText message={error} />
      {draft.kind === 'single' && products?.catalog && (
        <fieldset>
          <legend>Product</legend>
          <div className="choice-list products">
            {products.catalog.map((p) => (
              <label key={p.code} className={`choice ${draft.sku === p.code ? 'on' : ''}`}>
                <input type="radio" name="product" checked={draft.sku === p.code} onChange={() => update({ sku: p.code, product: p, value: '' })} />
                <span className="choice-title">{p.name}</span>
                <span className="muted">
                  {p.code} · {valueRule(p, currency)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {draft.kind === 'single' && products && products.catalog === null && (
        <div className="field">
          <label htmlFor="sku">Product SKU</label>
          <input
            id="sku"
            list="used-skus"
            value={draft.sku}
            onChange={(e) => update({ sku: e.target.value, product: null })}
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id="used-skus">
            {products.usedSkus.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <p className="hint">
            {products.usedSkus.length > 0
              ? `Used before: ${products.usedSkus.slice(0, 6).join(', ')}`
              : 'Type the SKU from your provider’s product list.'}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={back}>
          Back
        </button>
        <button type="submit" className="primary" disabled={!ready}>
          Next
        </button>
      </div>
    </form>
  );
}

export function valueRule(p: CatalogProductView, currency: string): string {
  if (p.allowedCents) return p.allowedCents.map((c) => formatMoney(c, currency)).join(', ');
  if (p.minCents !== null && p.maxCents !== null) return `${formatMoney(p.minCents, currency)} – ${formatMoney(p.maxCents, currency)}`;
  return 'any value';
}
