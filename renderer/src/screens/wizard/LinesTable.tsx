import { formatMoney } from '../../lib/format';

interface Line {
  row?: number;
  sku: string;
  faceValueCents: number;
  quantity: number;
}

/** An order's lines as a table; a long list says how many lines are not shown rather than ending silently. */
export function LinesTable({ lines, currency, caption, limit }: { lines: readonly Line[]; currency: string; caption?: string; limit: number }) {
  const withRows = lines.some((l) => l.row !== undefined);
  const hidden = lines.length - Math.min(lines.length, limit);
  return (
    <table className="table compact">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {withRows && <th scope="col">Row</th>}
          <th scope="col">SKU</th>
          <th scope="col">Value</th>
          <th scope="col">Cards</th>
        </tr>
      </thead>
      <tbody>
        {lines.slice(0, limit).map((l, i) => (
          <tr key={l.row ?? i}>
            {withRows && <td>{l.row}</td>}
            <td>{l.sku}</td>
            <td>{formatMoney(l.faceValueCents, currency)}</td>
            <td>{l.quantity.toLocaleString()}</td>
          </tr>
        ))}
        {hidden > 0 && (
          <tr>
            <td colSpan={withRows ? 4 : 3} className="muted">
              …and {hidden.toLocaleString()} more {hidden === 1 ? 'line' : 'lines'}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
