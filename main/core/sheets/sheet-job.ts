import { ValidationError } from '../errors';
import { checkLogo } from './check-paths';
import { resolveLayout } from './layouts';
import type { SheetJob, SheetOptions } from './render-sheet';

/** What a sheet or card file is made of (an order's cards, or a hand-out's), how many cards, whether sandbox ones. */
export interface OutputSource {
  /** What every page's header names: "Order GD-…", "Hand-out Gala dinner". */
  heading: string;
  /** The order's reference, or the hand-out's name: the file's title, and each row's order_reference by default. */
  reference: string;
  currency: string;
  cardCount: number;
  /** Cards of a sandbox account are worth nothing: every sheet and file of them says so. */
  sandbox: boolean;
  /** A recipient list's cards: its file gets the recipient columns. */
  recipientColumns?: boolean;
}

const MAX_MESSAGE = 80;

/** The worker's job for a sheet, checked (layout, logo, message), with the page total known before the first page. */
export function sheetJob({ heading, reference, currency, cardCount, sandbox }: OutputSource, options: SheetOptions, extra: Partial<SheetJob> = {}): SheetJob {
  resolveLayout(options.layout);
  if (options.logoPath) checkLogo(options.logoPath);
  const message = options.message?.trim() || null;
  if (message && (message.length > MAX_MESSAGE || !/^[\x20-\x7e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026]+$/.test(message))) {
    throw new ValidationError('message', `The line printed on each card must be at most ${MAX_MESSAGE} characters, in Latin letters (the sheet's fonts have no others).`);
  }
  return {
    message,
    heading,
    layout: options.layout,
    scratch: options.scratch ?? false,
    cropMarks: options.cropMarks ?? false,
    header: options.header ?? true,
    logoPath: options.logoPath ?? null,
    orderReference: reference,
    currency,
    cardCount,
    sandbox,
    ...extra,
  };
}
