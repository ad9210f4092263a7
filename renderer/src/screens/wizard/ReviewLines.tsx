import type { ReviewLineView } from '../../../../shared/ipc/views';
import { formatMoney } from '../../lib/format';

const SHOWN = 50;

/**
 * What is being bought, line by line: product, SKU, face value, quantity and line total. A SKU new to the account
 * (no catalog vouched for it, no card of it delivered here yet) is flagged on its row and named above the table, so
 * a mistyped one is seen before the order is sent, even when it is past the rows shown.
 */
export function ReviewLines({ lines, currency }: { lines: readonly ReviewLineView[]; currency: string }) {
  const newSkus = [...new Set(lines.filter((l) => l.newSku).map((l) => l.sku))];
  const hidden = lines.length - Math.min(lines.length, SHOWN);
  return (
    <>
      {newSkus.length > 0 && (
        <p className="advice" role="note" aria-label="New SKU">
          <strong>
            No card of {newSkus.length === 1 ? newSkus[0] : `these ${newSkus.length} SKUs (${newSkus.join(', ')})`} has come in on this account yet.
          </strong>{' '}
          No catalog vouches for {newSkus.length === 1 ? 'it' : 'them'} (Wpay publishes none): check {newSkus.length === 1 ? 'it' : 'them'} before placing the
          order, because a wrong SKU is refused only once the order has been sent.
        </p>
      )}
      <table className="table compact review-lines">
        <caption>What is being bought</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">SKU</th>
            <th scope="col" className="num">
              Face value
            </th>
            <th scope="col" className="num">
              Cards
            </th>
            <th scope="col" className="num">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.slice(0, SHOWN).map((l, i) => (
            <tr key={i} className={l.newSku ? 'new-sku' : undefined}>
              <td>{l.productName ?? <span className="muted">Not known</span>}</td>
              <td>
                <span className="mono">{l.sku}</span>
                {l.newSku && <span className="badge flag">New SKU</span>}
              </td>
              <td className="num">{formatMoney(l.faceValueCents, currency)}</td>
              <td className="num">{l.quantity.toLocaleString()}</td>
              <td className="num">{formatMoney(l.totalCents, currency)}</td>
            </tr>
          ))}
          {hidden > 0 && (
            <tr>
              <td colSpan={5} className="muted">
                …and {hidden.toLocaleString()} more {hidden === 1 ? 'line' : 'lines'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}
