import path from 'node:path';
import type { Actor } from '../../audit/vocabulary';
import { ValidationError } from '../../errors';
import { dayRange } from '../../reports/date-range';
import { orderHistoryTable } from '../../reports/order-history';
import { SPEND_DIMENSIONS, spendRows, spendTable, type SpendDimension, type SpendRow } from '../../reports/spend';
import { writeTableFile, type Table } from '../../reports/table-file';
import type { AppDeps } from '../app-deps';

/** A range of days as people give it (YYYY-MM-DD, both included, in the machine's time zone). */
export interface DaysQuery {
  from?: string | null;
  to?: string | null;
}

/** The dimensions asked for, each once, in the order given; none asked: by account and month. */
function dimensionsOf(by: readonly string[] | undefined): SpendDimension[] {
  const wrong = (by ?? []).find((d) => !(SPEND_DIMENSIONS as readonly string[]).includes(d));
  if (wrong !== undefined) throw new ValidationError('by', `"${wrong}" is not a way to group spend; choose account, product or month.`);
  const given = [...new Set(by ?? [])] as SpendDimension[];
  return given.length > 0 ? given : ['account', 'month'];
}

/** What a bookkeeper asks of the store: spend over a range, and the order history, on screen or as a file. */
export function reportCommands(deps: AppDeps) {
  const save = async (actor: Actor, kind: 'spend' | 'orders', query: DaysQuery, table: Table, outPath: string) => {
    const format = await writeTableFile(outPath, table);
    const file = path.basename(outPath);
    deps.transaction(() =>
      deps.audit.append(actor, { action: 'records.export', details: { kind, format, rows: table.rows.length, from: query.from ?? null, to: query.to ?? null, file } }),
    );
    return { rows: table.rows.length, file, format };
  };
  const spendOf = (query: DaysQuery & { by?: readonly string[] }) => {
    const by = dimensionsOf(query.by);
    return { by, rows: spendRows(deps.reports.acceptedLines(dayRange(query.from, query.to)), by) };
  };
  return {
    /** Spend by the dimensions asked for, over the days given (open at either end). */
    spend: (_actor: Actor, query: DaysQuery & { by?: readonly string[] }): { by: SpendDimension[]; rows: SpendRow[] } => spendOf(query),
    /** The spend report as CSV or XLSX (by the file's name); recorded in the audit log. */
    async saveSpend(actor: Actor, query: DaysQuery & { by?: readonly string[] }, outPath: string) {
      const { by, rows } = spendOf(query);
      return { ...(await save(actor, 'spend', query, spendTable(rows, by), outPath)), by, spend: rows };
    },
    /** Every order placed in the days given, line by line, as CSV or XLSX; recorded in the audit log. */
    saveOrderHistory: (actor: Actor, query: DaysQuery, outPath: string) =>
      save(actor, 'orders', query, orderHistoryTable(deps.reports.placedLines(dayRange(query.from, query.to))), outPath),
  };
}
