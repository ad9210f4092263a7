import path from 'node:path';
import type { Actor } from '../../audit/vocabulary';
import { exportJob, type ExportFormat, type ExportRequest } from '../../exports/export-cards';
import { generatePassphrase } from '../../exports/passphrase';
import type { AppDeps } from '../app-deps';
import { cardSetOf, runCardJob, type CardJobControl, type OutputTarget } from './card-job-source';

export type ExportInput = Omit<ExportRequest, 'passphrase'> &
  OutputTarget & {
    /** Typed by the person; absent (and no recipients): Giftdesk makes one, returned once and kept nowhere. */
    passphrase?: string | null;
  };

export interface ExportResult {
  format: ExportFormat;
  cards: number;
  pages: number | null;
  bytes: number;
  /** The passphrase Giftdesk made, for the person to see this once; null when they typed one or chose recipients. */
  generatedPassphrase: string | null;
}

/** Writes an order's or a hand-out's cards to an encrypted file; the passphrase goes nowhere but into the worker. Audited once written. */
export async function exportCards(deps: AppDeps, actor: Actor, input: ExportInput, control?: CardJobControl): Promise<ExportResult> {
  deps.passcodeEntry.assertRecent('export cards');
  const set = cardSetOf(deps, input, 'a card file');
  const recipients = input.recipients ?? [];
  const generated = !input.passphrase && recipients.length === 0 ? generatePassphrase() : null;
  const job = exportJob(set.source, { ...input, passphrase: input.passphrase || generated });
  const result = await runCardJob(deps, set, job, control);
  set.recordExport(actor, {
    format: input.format,
    cards: result.cards,
    pages: result.pages,
    protection: recipients.length > 0 ? 'age-recipients' : generated ? 'generated-passphrase' : 'passphrase',
    recipients,
    withSheet: input.format === 'zip' && Boolean(input.includeSheet),
    file: path.basename(input.outPath),
  });
  return { format: input.format, cards: result.cards, pages: result.pages, bytes: result.bytes, generatedPassphrase: generated };
}
