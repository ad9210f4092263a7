// 25,000 cards exported four ways: AES-256 ZIP of the CSV, age file of the CSV, Office-encrypted XLSX, AES-256 password PDF sheet.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from '../../main/core/exports/export-cards';
import { generatePassphrase } from '../../main/core/exports/passphrase';
import { measure, report, round } from '../measure';
import { BENCH, storeWithOrder } from './seeded-store';

const { core, orderId, root } = await storeWithOrder('giftdesk-bench-export-');
try {
  const passphrase = generatePassphrase();
  const seconds: Record<string, number> = {};
  for (const format of ['zip', 'age', 'xlsx', 'pdf'] as ExportFormat[]) {
    const run = await measure(() => core.app.outputs.exportCards(BENCH, { orderId, format, outPath: path.join(root, `cards.${format}`), passphrase }));
    seconds[`${format}Seconds`] = round(run.seconds);
  }
  report({ export: seconds });
} finally {
  await core.close();
  rmSync(root, { recursive: true, force: true });
}
