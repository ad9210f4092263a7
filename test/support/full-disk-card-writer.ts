// A card writer thread on a disk with no room left: the real store, opened as the real writer opens it, whose
// database may not grow by a page (SQLite's max_page_count), so storing cards fails with SQLite's own "database or
// disk is full". Passed to the engine through createCore's workers, as the desktop build passes its bundled writer.
import { parentPort, workerData } from 'node:worker_threads';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { openDatabase } from '../../main/core/store/open-database';
import { createCardPagesRepo } from '../../main/core/store/repos/card-pages';
import { createCardsRepo } from '../../main/core/store/repos/cards';
import { createQuarantinedCardsRepo } from '../../main/core/store/repos/quarantined-cards';
import { createLeaseFence } from '../../main/core/store/lease-fence';
import type { FromWriter, ToWriter, WriteResult, WriterConnection } from '../../main/core/store/writer/writer-protocol';
import { transferError } from '../../main/core/workers/worker-error';

const { file, key } = workerData as WriterConnection;
const db = openDatabase({ file, key, create: false, migrations: MIGRATIONS });
const cards = createCardsRepo(db);
const pages = createCardPagesRepo(db);
const quarantine = createQuarantinedCardsRepo(db);
const fence = createLeaseFence(db);

parentPort!.on('message', (m: ToWriter) => {
  if ('close' in m) {
    db.close();
    parentPort!.postMessage({ id: m.id, closed: true } satisfies FromWriter);
    return;
  }
  if ('check' in m) {
    parentPort!.postMessage({ id: m.id, problems: [] } satisfies FromWriter);
    return;
  }
  try {
    // Whatever the file has grown to meanwhile (the main thread writes too), not a page more.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const added = db.transaction((): WriteResult => {
      fence(m.batch.lease);
      const { added, heldElsewhere } = cards.store(m.batch.orderId, m.batch.cards, m.batch.now);
      const quarantined = quarantine.add(m.batch.orderId, m.batch.quarantined, m.batch.now);
      if (m.batch.page) pages.record(m.batch.orderId, m.batch.page.offset, m.batch.page.limit, m.batch.cards.length, m.batch.now);
      return { added, heldElsewhere, quarantined };
    }).immediate();
    parentPort!.postMessage({ id: m.id, added } satisfies FromWriter);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: transferError(err, 'store-write-failed') } satisfies FromWriter);
  }
});
