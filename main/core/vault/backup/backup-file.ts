import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { PRIVATE_FILE } from '../../store/private-files';
import { WrappedKeySchema } from '../key-wrap';
import { VaultRecordSchema } from '../vault-record';
import { BackupInvalid } from './errors';

// One self-contained backup file:
//
//   "GIFTDESK BACKUP\n"   16 bytes
//   header length         4 bytes, big-endian
//   header                JSON (below): nothing secret in it
//   database              the SQLCipher database, as VACUUM INTO wrote it (still encrypted with the database key)
//
// The header carries the recovery copy of the database key, so the recovery key alone opens the file, and a sealed
// part (AES-256-GCM under the database key) with the row counts and, only when asked for, the account secrets.

const MAGIC = Buffer.from('GIFTDESK BACKUP\n', 'latin1');
const CHUNK = 1 << 20;

export const BackupHeaderSchema = z.object({
  format: z.literal(1),
  storeId: z.string().uuid(),
  storeCreatedAt: z.number(),
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.number(),
  database: z.object({ bytes: z.number().int().min(512), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  recovery: VaultRecordSchema.shape.recovery,
  sealed: WrappedKeySchema,
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

export const BackupCountsSchema = z.object({ orders: z.number().int(), cards: z.number().int(), events: z.number().int() });
export type BackupCounts = z.infer<typeof BackupCountsSchema>;

const AccountSecretsSchema = z.record(z.string(), z.object({ apiKey: z.string().optional(), certificatePassphrase: z.string().optional() }));
export type BackupSecrets = z.infer<typeof AccountSecretsSchema>;

const SealedSchema = z.object({ counts: BackupCountsSchema, secrets: AccountSecretsSchema.optional() });
export type BackupSealed = z.infer<typeof SealedSchema>;

const sealedAad = (storeId: string) => `giftdesk/v1/${storeId}/backup-sealed`;
/** A key of its own for the sealed part, derived from the database key (which SQLCipher uses as is). */
const sealingKey = (databaseKey: Buffer) => Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'giftdesk backup sealed v1', 32));

export function seal(databaseKey: Buffer, storeId: string, content: BackupSealed): BackupHeader['sealed'] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(databaseKey), iv);
  cipher.setAAD(Buffer.from(sealedAad(storeId), 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal(file: string, databaseKey: Buffer, header: BackupHeader): BackupSealed {
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(databaseKey), Buffer.from(header.sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(sealedAad(header.storeId), 'utf8'));
    decipher.setAuthTag(Buffer.from(header.sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(header.sealed.data, 'base64')), decipher.final()]).toString('utf8');
    return SealedSchema.parse(JSON.parse(text));
  } catch {
    throw new BackupInvalid(file, 'its sealed manifest does not open with the key');
  }
}

/** Writes header and database into `out` (created 0600, must not exist) and fsyncs it. */
export function writeBackupFile(out: string, header: BackupHeader, databaseFile: string): void {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const fd = openSync(out, 'wx', PRIVATE_FILE);
  try {
    writeAll(fd, Buffer.concat([MAGIC, length, json]));
    copyBytes(databaseFile, 0, header.database.bytes, (chunk) => writeAll(fd, chunk));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The header, and where the database starts; BackupInvalid for anything that is not a whole backup. */
export function readBackupHeader(file: string): { header: BackupHeader; databaseOffset: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, start, 0, start.length, 0) !== start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new BackupInvalid(file, 'it does not start like a Giftdesk backup');
    }
    const length = start.readUInt32BE(MAGIC.length);
    if (length > 1 << 20 || start.length + length > size) throw new BackupInvalid(file, 'its header is cut short');
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, start.length);
    const parsed = BackupHeaderSchema.safeParse(safeJson(json.toString('utf8')));
    if (!parsed.success) throw new BackupInvalid(file, 'its header is not one this Giftdesk can read');
    const databaseOffset = start.length + length;
    if (size !== databaseOffset + parsed.data.database.bytes) {
      throw new BackupInvalid(file, `it is ${size} bytes long where ${databaseOffset + parsed.data.database.bytes} were expected`);
    }
    return { header: parsed.data, databaseOffset };
  } finally {
    closeSync(fd);
  }
}

/** Copies the database out of a backup into `out` (created 0600), checking its SHA-256 on the way. */
export function extractDatabase(file: string, header: BackupHeader, databaseOffset: number, out: string): void {
  const hash = createHash('sha256');
  const fd = openSync(out, 'wx', PRIVATE_FILE);
  try {
    copyBytes(file, databaseOffset, header.database.bytes, (chunk) => {
      hash.update(chunk);
      writeAll(fd, chunk);
    });
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (hash.digest('hex') !== header.database.sha256) throw new BackupInvalid(file, 'its database does not match its checksum');
}

export function sha256OfFile(file: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  let bytes = 0;
  copyBytes(file, 0, Infinity, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  return { bytes, sha256: hash.digest('hex') };
}

function copyBytes(file: string, offset: number, length: number, sink: (chunk: Buffer) => void): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(CHUNK);
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, 0, Math.min(CHUNK, length - done), offset + done);
      if (n === 0) break;
      sink(buffer.subarray(0, n));
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
