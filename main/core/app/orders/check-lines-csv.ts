import { ValidationError } from '../../errors';
import { CSV_COLUMN_OF_FIELD, parseOrderLinesCsv, type CsvRowError, type OrderLinesCsv } from '../../orders/parse-lines-csv';
import { checkOrderLines } from '../../providers/order-line-rules';
import { limitsFor } from '../../providers/provider-limits';
import type { AppDeps } from '../app-deps';
import { catalogIfReadable } from './check-order';

/**
 * An order file checked row by row, by the CSV format and by the account's provider rules, so that every bad row is
 * named with its number and column, not only the first; then the lines together (their count, the total quantity).
 * Rows that pass are the order's lines. Sends nothing and writes nothing.
 */
export async function checkLinesCsv(deps: AppDeps, accountId: string, text: string): Promise<OrderLinesCsv> {
  const account = deps.accounts.find(accountId);
  if (!account) throw new ValidationError('accountId', 'No such account.');
  const limits = limitsFor(account);
  const catalog = await catalogIfReadable(deps, accountId, limits);
  const parsed = parseOrderLinesCsv(text);
  const errors: CsvRowError[] = [...parsed.errors];
  const refusal = (row: number, run: () => void) => {
    try {
      run();
      return false;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors.push({ row, field: (err.field && CSV_COLUMN_OF_FIELD[err.field]) ?? 'row', message: err.message });
      return true;
    }
  };
  const lines = parsed.lines.filter((line) => !refusal(line.row, () => checkOrderLines({ lines: [line] }, limits, catalog)));
  if (errors.length === 0 && lines.length > 0) refusal(0, () => checkOrderLines({ lines }, limits, catalog));
  errors.sort((a, b) => a.row - b.row);
  return { lines, errors };
}
