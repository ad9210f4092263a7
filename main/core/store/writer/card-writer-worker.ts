// The card writer thread: stores pages of cards on its own connection, so that encrypting, writing, fsyncing and
// checkpointing tens of megabytes of cards never blocks the main thread's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { MIGRATIONS } from '../migrations';
import { openDatabase } from '../open-database';
import { createCardPagesRepo } from '../repos/card-pages';
import { createCardsRepo } from '../repos/cards';
import { createQuarantinedCardsRepo } from '../repos/quarantined-cards';
import { createLeaseFence } from '../lease-fence';
import { transferError } from '../../workers/worker-error';
import type { FromWriter, ToWriter, WriteResult, WriterConnection } from './writer-protocol';

const { file, key } = workerData as WriterConnection;
const db = openDatabase({ file, key, create: false, migrations: MIGRATIONS });
const cards = createCardsRepo(db);
const pages = createCardPagesRepo(db);
const quarantine = createQuarantinedCardsRepo(db);
const fence = createLeaseFence(db);
const store = db.transaction((orderId: number, batch: Extract<ToWriter, { batch: unknown }>['batch']): WriteResult => {
  fence(batch.lease);
  const { added, heldElsewhere } = cards.store(orderId, batch.cards, batch.now);
  const quarantined = quarantine.add(orderId, batch.quarantined, batch.now);
  if (batch.page) pages.record(orderId, batch.page.offset, batch.page.limit, batch.cards.length, batch.now);
  return { added, heldElsewhere, quarantined };
});

parentPort!.on('message', (m: ToWriter) => {
  if ('close' in m) {
    db.close();
    parentPort!.postMessage({ id: m.id, closed: true } satisfies FromWriter);
    return;
  }
  if ('check' in m) {
    parentPort!.postMessage({ id: m.id, problems: integrityProblems() } satisfies FromWriter);
    return;
  }
  try {
    const added = store.immediate(m.batch.orderId, m.batch);
    parentPort!.postMessage({ id: m.id, added } satisfies FromWriter);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: transferError(err, 'store-write-failed') } satisfies FromWriter);
  }
});

/**
 * SQLCipher's check of every page's authentication code, then SQLite's quick structural check: reads the whole file,
 * writes nothing. Damage read on the way is a finding too, not a crash.
 */
function integrityProblems(): string[] {
  try {
    const cipher = db.pragma('cipher_integrity_check') as Record<string, unknown>[];
    const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    return [...cipher.map((r) => String(Object.values(r)[0])), ...quick];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}
