// A 25,000-card sheet at 10 cards per page, rendered in a worker and streamed to disk.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { measure, peakRssMb, report, round } from '../measure';
import { BENCH, storeWithOrder } from './seeded-store';

const { core, orderId, root } = await storeWithOrder('giftdesk-bench-sheet-');
try {
  const out = path.join(root, 'sheet.pdf');
  const run = await measure(() => core.app.outputs.saveSheet(BENCH, { orderId, outPath: out, layout: 'a4-10' }));
  report({
    sheet: { seconds: round(run.seconds), peakRssMb: peakRssMb(), pages: run.value.pages, megabytes: round(statSync(out).size / 1e6, 1) },
    sheetMaxBlockMs: round(run.maxBlockMs, 1),
  });
} finally {
  await core.close();
  rmSync(root, { recursive: true, force: true });
}
