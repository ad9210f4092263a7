import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import { GiftdeskError } from '../errors';
import { exportCards } from '../exports/export-cards';
import { generatePassphrase } from '../exports/passphrase';
import { renderSheetToFile } from '../sheets/print-sheet';
import type { AppContext, AppOutputs } from './app-core';

class OutputsUnavailable extends GiftdeskError {
  readonly kind = 'unavailable';
}

function outputsOf(context: AppContext): AppOutputs {
  if (!context.outputs) throw new OutputsUnavailable('Printing and saving files is only possible in the desktop app.');
  return context.outputs;
}

/** An order's card sheet: previewed in a window, sent to the print dialog, or saved where the person chooses. */
export async function cardSheet(request: ParsedRequest<'cards.sheet'>, context: AppContext): Promise<Response<'cards.sheet'>> {
  const outputs = outputsOf(context);
  const { core } = context;
  const order = core.orders.get(request.orderId);
  const sheet = { orderId: order.id, layout: request.layout, scratch: request.scratch };
  if (request.action === 'save') {
    const target = await outputs.chooseSavePath({ title: 'Save card sheet', suggestedName: `${order.clientReference}-cards.pdf`, extension: 'pdf' });
    if (!target) return { done: false, reason: 'cancelled', cards: 0 };
    const made = await renderSheetToFile(core, { ...sheet, outPath: target }, { actor: 'user' });
    return { done: true, reason: null, cards: made.cards };
  }
  // Printing and previewing need a file for Chromium's PDF viewer: a private folder, removed once it is done with.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-sheet-'));
  try {
    const file = path.join(dir, `${order.clientReference}-cards.pdf`);
    const made = await renderSheetToFile(core, { ...sheet, outPath: file }, { actor: 'user' });
    if (request.action === 'preview') {
      await outputs.preview(file, `Card sheet ${order.clientReference}`);
      return { done: true, reason: null, cards: made.cards };
    }
    const printed = await outputs.print(file);
    return { done: printed.done, reason: printed.reason, cards: made.cards };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An encrypted card file saved where the person chooses; a passphrase main made is shown to them this once. */
export async function cardExport(request: ParsedRequest<'cards.export'>, context: AppContext): Promise<Response<'cards.export'>> {
  const outputs = outputsOf(context);
  const { core } = context;
  const order = core.orders.get(request.orderId);
  const generated = request.passphrase === undefined && request.recipient === undefined ? generatePassphrase() : null;
  const target = await outputs.chooseSavePath({
    title: 'Save encrypted card file',
    suggestedName: `${order.clientReference}-cards.${request.format === 'age' ? 'csv.age' : request.format}`,
    extension: request.format === 'age' ? 'age' : request.format,
  });
  if (!target) return { done: false, reason: 'cancelled', cards: 0, generatedPassphrase: null };
  const made = await exportCards(
    core,
    {
      orderId: order.id,
      format: request.format,
      outPath: target,
      passphrase: request.passphrase ?? generated,
      recipients: request.recipient ? [request.recipient] : [],
    },
    { actor: 'user' },
  );
  return { done: true, reason: null, cards: made.cards, generatedPassphrase: generated };
}
