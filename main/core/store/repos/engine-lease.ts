import { createLeaseFence } from '../lease-fence';
import type { Db } from '../open-database';

export interface LeaseHolder {
  holder: string;
  pid: number;
  host: string;
  label: string;
  expiresAt: number;
}

/** The row that says which process drives the orders of this store. Taken and renewed compare-and-swap style. */
export function createEngineLeaseRepo(db: Db) {
  const read = db.prepare<[], { holder: string; pid: number; host: string; label: string; expires_at: number }>(
    'SELECT holder, pid, host, label, expires_at FROM engine_lease WHERE id = 1',
  );
  const upsert = db.prepare(
    `INSERT INTO engine_lease (id, holder, pid, host, label, expires_at) VALUES (1, @holder, @pid, @host, @label, @expiresAt)
     ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, host = excluded.host,
                                    label = excluded.label, expires_at = excluded.expires_at`,
  );
  const renew = db.prepare('UPDATE engine_lease SET expires_at = ? WHERE id = 1 AND holder = ?');
  const release = db.prepare('DELETE FROM engine_lease WHERE id = 1 AND holder = ?');
  const fence = createLeaseFence(db);

  return {
    current(): LeaseHolder | null {
      const r = read.get();
      return r ? { holder: r.holder, pid: r.pid, host: r.host, label: r.label, expiresAt: r.expires_at } : null;
    },
    /** Takes the lease when `canTake(current)` says so, atomically with the read. Returns the holder after. */
    takeIf(me: LeaseHolder, canTake: (current: LeaseHolder | null) => boolean): LeaseHolder | null {
      return db
        .transaction(() => {
          const r = read.get();
          const current = r ? { holder: r.holder, pid: r.pid, host: r.host, label: r.label, expiresAt: r.expires_at } : null;
          if (!canTake(current)) return current;
          upsert.run(me);
          return me;
        })
        .immediate();
    },
    renew(holder: string, expiresAt: number): boolean {
      return renew.run(expiresAt, holder).changes === 1;
    },
    release(holder: string): void {
      release.run(holder);
    },
    /** Runs an engine write only while `holder` is the current lease, checked in the write's own transaction. */
    fenced<T>(holder: string | null, write: () => T): T {
      return db
        .transaction(() => {
          fence(holder);
          return write();
        })
        .immediate();
    },
  };
}

export type EngineLeaseRepo = ReturnType<typeof createEngineLeaseRepo>;
