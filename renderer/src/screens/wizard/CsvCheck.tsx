import { LinesTable } from './LinesTable';
import type { CsvParse } from '../../../../shared/ipc/views';

/** What main found in a CSV of order lines: every bad row with its number, then the lines that will be ordered. */
export function CsvCheck({ result, fileName, currency }: { result: CsvParse; fileName: string; currency: string }) {
  return (
    <>
      {result.errors.length > 0 && (
        <div className="row-errors" role="alert" aria-label="Rows to fix">
          <p>
            <strong>
              {result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`} in {fileName}. Nothing will be
              ordered until the file is fixed.
            </strong>
          </p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                {e.row > 0 ? `Row ${e.row}` : 'The whole file'}
                {e.field !== 'row' ? ` (${e.field})` : ''}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.lines.length > 0 && (
        <LinesTable
          lines={result.lines}
          currency={currency}
          caption={`${result.lines.length} valid ${result.lines.length === 1 ? 'line' : 'lines'}`}
          limit={200}
        />
      )}
    </>
  );
}
