import { hashRaw } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What one Argon2id derivation costs. Injected through createCore: tests use a small one, everything else the real one. */
export interface KdfCost {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * 128 MiB and 6 passes, one lane: about 0.35 s on the two-core bench machine (`npm run bench`: vault.unlockSeconds),
 * well above the 64 MiB / 0.25 s floor and under a second, so an unlock still feels immediate. One lane because the
 * derivation runs on a libuv thread beside the app's own work, and more lanes buy an attacker with more cores nothing.
 */
export const PASSCODE_KDF: KdfCost = { memoryKiB: 128 * 1024, iterations: 6, parallelism: 1 };

/** @node-rs/argon2's `Algorithm.Argon2id`, a const enum that isolated modules cannot read. */
const ARGON2ID = 2;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
export const KdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().min(8),
  iterations: z.number().int().min(1),
  parallelism: z.number().int().min(1).max(16),
  salt: base64,
});
/** The cost and salt a passcode copy was made with; they are stored beside it, so a later cost change still opens it. */
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export function newKdfParams(cost: KdfCost): KdfParams {
  return { algorithm: 'argon2id', ...cost, salt: randomBytes(16).toString('base64') };
}

/**
 * 32 bytes from the passcode. @node-rs/argon2 runs it on a libuv worker thread, so the main process (Electron's
 * included) stays responsive during the derivation. The passcode is NFC-normalised: the same characters typed on
 * another keyboard or system give the same key.
 */
export async function derivePasscodeKey(passcode: string, params: KdfParams): Promise<Buffer> {
  const raw = await hashRaw(passcode.normalize('NFC'), {
    algorithm: ARGON2ID,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt: Buffer.from(params.salt, 'base64'),
  });
  return Buffer.from(raw);
}
