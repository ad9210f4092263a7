import type { Order } from '../../../shared/domain';
import { checkLogo } from './check-paths';
import { resolveLayout } from './layouts';
import type { SheetJob, SheetOptions } from './render-sheet';

/** What a sheet or card file is made of: the order, how many cards it holds, and whether they are sandbox cards. */
export interface OutputSource {
  order: Order;
  cardCount: number;
  /** Cards of a sandbox account are worth nothing: every sheet and file of them says so. */
  sandbox: boolean;
}

/** The worker's job for an order's sheet, checked (layout, logo), with the page total known before the first page. */
export function sheetJob({ order, cardCount, sandbox }: OutputSource, options: SheetOptions, extra: Partial<SheetJob> = {}): SheetJob {
  resolveLayout(options.layout);
  if (options.logoPath) checkLogo(options.logoPath);
  return {
    layout: options.layout,
    scratch: options.scratch ?? false,
    cropMarks: options.cropMarks ?? false,
    header: options.header ?? true,
    logoPath: options.logoPath ?? null,
    orderReference: order.clientReference,
    currency: order.currency,
    cardCount,
    sandbox,
    ...extra,
  };
}
