// Encrypted card files: an AES-256 ZIP or an age file (the CSV, for programs), a password-protected XLSX (for
// spreadsheets), or a password-protected PDF sheet. Every export is audited, and the passphrase goes nowhere but into
// the worker that encrypts with it.
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/card-outputs';
import { Encrypter } from 'age-encryption';
import { ValidationError } from '../errors';
import { checkOutPath } from '../sheets/check-paths';
import { isSandboxOrder, orderCards, sheetJob, type CardOutputCore, type CardOutputDeps } from '../sheets/print-sheet';
import type { SheetOptions } from '../sheets/render-sheet';
import { checkPassphrase } from './passphrase';
import { runCardWorker } from './run-card-worker';
import { XLSX_MAX_PASSWORD } from './xlsx';
import type { CardJob } from './worker-protocol';

export { EXPORT_FORMATS, type ExportFormat };

export interface ExportRequest {
  orderId: number;
  format: ExportFormat;
  outPath: string;
  /** Required for zip, xlsx and pdf; for age, either this or recipients. Checked against the passphrase rule. */
  passphrase?: string | null;
  /** age X25519 recipients ("age1…"); the file opens only with one of their identities. */
  recipients?: string[];
  /** ZIP only: add the card sheet as cards.pdf beside cards.csv. */
  includeSheet?: boolean;
  /** Layout and options of the sheet (pdf, or zip with includeSheet). Defaults to a4-10. */
  sheet?: Partial<SheetOptions>;
  /** CSV with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
}

export interface ExportResult {
  format: ExportFormat;
  cards: number;
  pages: number | null;
  bytes: number;
}

export async function exportCards(core: CardOutputCore, request: ExportRequest, deps: CardOutputDeps): Promise<ExportResult> {
  const order = core.orders.get(request.orderId);
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

  const sandbox = isSandboxOrder(core, order.accountId);
  const csv = { orderReference: order.clientReference, currency: order.currency, sandbox, bom: request.bom ?? false };
  const sheetRequest = { layout: 'a4-10', ...request.sheet, orderId: order.id };
  let job: CardJob;
  switch (request.format) {
    case 'zip':
      job = { kind: 'zip', outPath: request.outPath, password: passphrase!, csv, sheet: request.includeSheet ? sheetJob(core, sheetRequest) : null };
      break;
    case 'age':
      job = { kind: 'age', outPath: request.outPath, passphrase, recipients, csv };
      break;
    case 'xlsx':
      job = { kind: 'xlsx', outPath: request.outPath, password: passphrase!, file: csv };
      break;
    case 'pdf':
      job = { kind: 'sheet-file', outPath: request.outPath, sheet: sheetJob(core, sheetRequest, { openPassword: passphrase! }) };
      break;
  }
  const result = await runCardWorker(job, orderCards(core, order.id), { worker: core.cardJobWorker, ...deps });
  core.audit.append({
    actor: deps.actor,
    action: 'cards.export',
    subject: `order:${order.id}`,
    details: {
      orderId: order.id,
      reference: order.clientReference,
      format: request.format,
      cards: result.cards,
      ...(result.pages !== null ? { pages: result.pages } : {}),
      protection: recipients.length > 0 ? 'age-recipients' : 'passphrase',
      ...(recipients.length > 0 ? { recipients } : {}),
      ...(request.format === 'zip' ? { withSheet: Boolean(request.includeSheet) } : {}),
      file: path.basename(request.outPath),
    },
  });
  return { format: request.format, cards: result.cards, pages: result.pages, bytes: result.bytes };
}

function checkRecipient(recipient: string): void {
  try {
    new Encrypter().addRecipient(recipient);
  } catch (err) {
    throw new ValidationError('recipient', `"${recipient}" is not an age recipient (age1…): ${err instanceof Error ? err.message : String(err)}`);
  }
}
