// `npm run bench`: every phase in a process of its own (so each peak memory figure is its own), a table of the
// figures against their targets, and with --json one JSON object on the last line.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const PHASES = ['store', 'ingest', 'sheet', 'export', 'vault', 'custody', 'audit', 'overview', 'ui'] as const;
const json = process.argv.includes('--json');

const figures: Record<string, unknown> = {};
for (const phase of PHASES) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/phases/${phase}.ts`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`bench phase ${phase} failed (exit ${r.status})\n`);
    process.exit(1);
  }
  const reported = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  // Two phases report under `ui` (the audit pages through main's dispatch, the screens in the browser): merged.
  for (const [key, value] of Object.entries(reported)) figures[key] = typeof value === 'object' && value !== null ? { ...(figures[key] as object), ...value } : value;
}

const { ingestMaxBlockMs, sheetMaxBlockMs, ...rest } = figures as Record<string, number> & Record<string, unknown>;
const result = { ...rest, eventLoopMaxBlockMs: Math.max(Number(ingestMaxBlockMs), Number(sheetMaxBlockMs)), machine: machine() };

type Row = [figure: string, value: number, target: string, met: boolean];
const f = result as unknown as {
  ingest: Record<string, number>;
  store: Record<string, number>;
  sheet: Record<string, number>;
  export: Record<string, number>;
  vault: Record<string, number>;
  custody: Record<string, number>;
  ui: Record<string, number>;
  overview: Record<string, number>;
  eventLoopMaxBlockMs: number;
};
const rows: Row[] = [
  ['ingest.seconds', f.ingest.seconds!, '', true],
  ['ingest.documentedLoopSeconds', f.ingest.documentedLoopSeconds!, '', true],
  ['ingest.ratio', f.ingest.ratio!, '≥ 10', f.ingest.ratio! >= 10],
  ['ingest.requests', f.ingest.requests!, '≤ 60', f.ingest.requests! <= 60],
  ['ingest.peakRssMb', f.ingest.peakRssMb!, '', true],
  ['store.insertSeconds', f.store.insertSeconds!, '≤ 0.3', f.store.insertSeconds! <= 0.3],
  ['store.openSeconds', f.store.openSeconds!, '≤ 0.3', f.store.openSeconds! <= 0.3],
  ['store.searchMs', f.store.searchMs!, '≤ 50', f.store.searchMs! <= 50],
  ['sheet.seconds', f.sheet.seconds!, '≤ 15', f.sheet.seconds! <= 15],
  ['sheet.peakRssMb', f.sheet.peakRssMb!, '≤ 400', f.sheet.peakRssMb! <= 400],
  ['sheet.pages', f.sheet.pages!, '', true],
  ['sheet.megabytes', f.sheet.megabytes!, '', true],
  ['export.zipSeconds', f.export.zipSeconds!, '≤ 3', f.export.zipSeconds! <= 3],
  ['export.ageSeconds', f.export.ageSeconds!, '', true],
  ['export.xlsxSeconds', f.export.xlsxSeconds!, '', true],
  ['export.pdfSeconds', f.export.pdfSeconds!, '', true],
  ['vault.unlockSeconds', f.vault.unlockSeconds!, '0.25 – 1', f.vault.unlockSeconds! >= 0.25 && f.vault.unlockSeconds! <= 1],
  ['vault.backupVerifySeconds', f.vault.backupVerifySeconds!, '≤ 5', f.vault.backupVerifySeconds! <= 5],
  ['vault.backupMegabytes', f.vault.backupMegabytes!, '', true],
  ['custody.reserveSeconds', f.custody.reserveSeconds!, '≤ 0.5', f.custody.reserveSeconds! <= 0.5],
  ['custody.stockSummaryMs', f.custody.stockSummaryMs!, '≤ 50', f.custody.stockSummaryMs! <= 50],
  ['custody.scanLookupMs', f.custody.scanLookupMs!, '≤ 10', f.custody.scanLookupMs! <= 10],
  ['ui.startMs', f.ui.startMs!, '≤ 1000', f.ui.startMs! <= 1000],
  ['ui.ordersOpenMs', f.ui.ordersOpenMs!, '≤ 150', f.ui.ordersOpenMs! <= 150],
  ['ui.ordersLongestTaskMs', f.ui.ordersLongestTaskMs!, '≤ 50', f.ui.ordersLongestTaskMs! <= 50],
  ['ui.ordersIdleCpuPercent', f.ui.ordersIdleCpuPercent!, '≤ 2', f.ui.ordersIdleCpuPercent! <= 2],
  ['ui.cardsOpenMs', f.ui.cardsOpenMs!, '≤ 150', f.ui.cardsOpenMs! <= 150],
  ['ui.cardsJumpMs', f.ui.cardsJumpMs!, '≤ 200', f.ui.cardsJumpMs! <= 200],
  ['ui.cardsSearchMs', f.ui.cardsSearchMs!, '≤ 100', f.ui.cardsSearchMs! <= 100],
  ['ui.auditPageMs', f.ui.auditPageMs!, '≤ 100', f.ui.auditPageMs! <= 100],
  ['ui.peakMemoryMb', f.ui.peakMemoryMb!, '≤ 300', f.ui.peakMemoryMb! <= 300],
  ['ui.auditDispatchPageMs', f.ui.auditDispatchPageMs!, '', true],
  ['ui.auditFilteredPageMs', f.ui.auditFilteredPageMs!, '', true],
  // The overview's one query, within the second from unlock to the overview painted (ui.startMs).
  ['overview.queryMs', f.overview.queryMs!, '≤ 300', f.overview.queryMs! <= 300],
  ['eventLoopMaxBlockMs', f.eventLoopMaxBlockMs, '≤ 50', f.eventLoopMaxBlockMs <= 50],
];
const lines = ['| figure | value | target | |', '| --- | ---: | --- | --- |', ...rows.map(([name, value, target, met]) => `| ${name} | ${value} | ${target} | ${target ? (met ? 'met' : 'MISSED') : ''} |`)];
process.stdout.write(`${lines.join('\n')}\n\nmachine: ${result.machine}\n`);
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
