import path from 'node:path';
import { writeRecoveryKit } from '../../vault/recovery-kit';

/**
 * The printable kit of the recovery key a new store shows once, while it is shown (the store is opening, so there is
 * no core yet): the same one-page PDF as a kit made later, of the same key.
 */
export async function saveFirstRecoveryKit(shown: { storeId: string; recoveryKey: string }, file: string, now = Date.now()): Promise<void> {
  await writeRecoveryKit(path.resolve(file), { storeId: shown.storeId, recoveryKey: shown.recoveryKey, madeAt: now });
}
