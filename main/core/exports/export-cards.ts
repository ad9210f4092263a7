// Encrypted card files: an AES-256 ZIP or an age file (the CSV, for programs), a password-protected XLSX (for
// spreadsheets), or a password-protected PDF sheet. This file checks a request and turns it into the worker's job;
// the export command (app/outputs) runs it and writes the audit entry.
import { Encrypter } from 'age-encryption';
import { EXPORT_FORMATS } from '../../../shared/card-outputs';
import { ValidationError } from '../errors';
import { checkOutPath } from '../sheets/check-paths';
import type { SheetOptions } from '../sheets/render-sheet';
import { sheetJob, type OutputSource } from '../sheets/sheet-job';
import { checkPassphrase } from './passphrase';
import type { CardJob } from './worker-protocol';
import { XLSX_MAX_PASSWORD } from './xlsx-password';

export { EXPORT_FORMATS };
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  outPath: string;
  /** For zip, xlsx and pdf, or for age instead of recipients. Checked against the passphrase rule. */
  passphrase: string | null;
  /** age X25519 recipients ("age1…"); the file opens only with one of their identities. */
  recipients?: string[];
  /** ZIP only: add the card sheet as cards.pdf beside cards.csv. */
  includeSheet?: boolean;
  /** Layout and options of the sheet (pdf, or zip with includeSheet). Defaults to a4-10. */
  sheet?: Partial<SheetOptions>;
  /** CSV with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
}

/** Checks the request (passphrase rule, recipients, destination folder, sheet layout) and makes the worker's job. */
export function exportJob(source: OutputSource, request: ExportRequest): CardJob {
  if (!EXPORT_FORMATS.includes(request.format)) throw new ValidationError('format', `Choose one of: ${EXPORT_FORMATS.join(', ')}.`);
  const recipients = request.recipients ?? [];
  const passphrase = request.passphrase ? checkPassphrase(request.passphrase) : null;
  if (request.format !== 'age' && recipients.length > 0) {
    throw new ValidationError('recipient', 'Recipients are for age files only; a ZIP or PDF opens with a passphrase.');
  }
  if (recipients.length > 0 && passphrase) {
    throw new ValidationError('recipient', 'An age file is encrypted to a passphrase or to recipients, not both.');
  }
  if (!passphrase && recipients.length === 0) {
    throw new ValidationError('passphrase', `A ${request.format} export needs a passphrase${request.format === 'age' ? ' or a recipient' : ''}.`);
  }
  if (request.format === 'xlsx' && passphrase && passphrase.length > XLSX_MAX_PASSWORD) {
    throw new ValidationError('passphrase', `An Excel file's password can be at most ${XLSX_MAX_PASSWORD} characters long.`);
  }
  for (const r of recipients) checkRecipient(r);
  checkOutPath(request.outPath);

  const csv = { orderReference: source.reference, currency: source.currency, sandbox: source.sandbox, bom: request.bom ?? false, recipientColumns: source.recipientColumns ?? false };
  const sheet = { layout: 'a4-10', ...request.sheet };
  switch (request.format) {
    case 'zip':
      return { kind: 'zip', outPath: request.outPath, password: passphrase!, csv, sheet: request.includeSheet ? sheetJob(source, sheet) : null };
    case 'age':
      return { kind: 'age', outPath: request.outPath, passphrase, recipients, csv };
    case 'xlsx':
      return { kind: 'xlsx', outPath: request.outPath, password: passphrase!, file: csv };
    case 'pdf':
      return { kind: 'sheet-file', outPath: request.outPath, sheet: sheetJob(source, sheet, { openPassword: passphrase! }) };
  }
}

function checkRecipient(recipient: string): void {
  try {
    new Encrypter().addRecipient(recipient);
  } catch (err) {
    throw new ValidationError('recipient', `"${recipient}" is not an age recipient (age1…): ${err instanceof Error ? err.message : String(err)}`);
  }
}
