import type { Order } from '../../../shared/domain';
import { checkLogo } from './check-paths';
import { resolveLayout } from './layouts';
import type { SheetJob, SheetOptions } from './render-sheet';

/** The worker's job for an order's sheet, checked (layout, logo), with the page total known before the first page. */
export function sheetJob(order: Order, cardCount: number, options: SheetOptions, extra: Partial<SheetJob> = {}): SheetJob {
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
    ...extra,
  };
}
