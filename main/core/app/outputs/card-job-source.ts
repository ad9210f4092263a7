// The store's side of a card job: the cards a sheet or file is made of (an order's, or a hand-out's), read in
// batches as the worker asks for them, the run itself, and the audit entry each kind of set writes for it.
import type { Order } from '../../../../shared/domain';
import { isSettled } from '../../../../shared/order-state-machine';
import type { Actor, AuditDetails } from '../../audit/vocabulary';
import { GiftdeskError } from '../../errors';
import { runCardWorker, type RunCardJobOptions } from '../../exports/run-card-worker';
import { partialPathFor } from '../../fs/leftovers';
import type { CardJob, CardJobResult } from '../../exports/worker-protocol';
import { toPrintable, type PrintableCard } from '../../sheets/printable-card';
import type { OutputSource } from '../../sheets/sheet-job';
import type { AppDeps } from '../app-deps';
import { productNamer } from '../cards/card-product';
import { accountFacts } from '../custody/handout-views';
import { orderOf } from '../orders/order-of';

/** How a long card job reports and stops: cards handed to the worker so far, a signal to stop at the next batch. */
export type CardJobControl = Pick<RunCardJobOptions, 'batchSize' | 'onProgress' | 'signal'>;

/** What a sheet or card file is being made of, for the sentence that refuses an empty one. */
export type Making = 'a card sheet' | 'a card file';

/** No cards to put in it: an empty sheet or card file would look like success, so none is made. */
export class NoCardsToOutput extends GiftdeskError {
  readonly kind = 'no-cards';
  constructor(what: { order: Pick<Order, 'id' | 'state'> } | { handoutId: number }, making: Making) {
    if ('order' in what) {
      const { order } = what;
      const why = isSettled(order.state) ? `it is ${order.state}` : `it is ${order.state}; try again once its cards are in`;
      super(`Order ${order.id} has no cards (${why}), so there is nothing to put in ${making}. Nothing was written.`, { field: 'orderId' });
    } else {
      super(`Hand-out ${what.handoutId} holds no cards now, so there is nothing to put in ${making}. Nothing was written.`, { field: 'handoutId' });
    }
  }
}

/** Whose cards: one order's (the whole-order path), or one hand-out's. */
export type OutputTarget = { orderId: number; handoutId?: undefined } | { handoutId: number; orderId?: undefined };

export type SheetRecord = Pick<AuditDetails['sheet.save'], 'layout' | 'scratch' | 'cards' | 'pages'> & { mode: 'save' | 'print' | 'preview'; file: string | null; sent: boolean | null };
export type ExportRecord = Omit<AuditDetails['cards.export'], 'orderId' | 'reference'>;

/** A set of cards to make a sheet or a card file of, and how making one is recorded. */
export interface CardSet {
  source: OutputSource;
  /** What a save dialog suggests as the file's name, before its extension. */
  fileStem: string;
  /** A fresh pass over the cards, in the order they print. */
  open(): Iterator<PrintableCard>;
  /** Writes the output's audit entry (and what goes with it) in one transaction. */
  recordSheet(actor: Actor, made: SheetRecord): void;
  recordExport(actor: Actor, made: ExportRecord): void;
}

type Deps = Pick<AppDeps, 'orders' | 'cards' | 'accounts' | 'custody' | 'handouts' | 'audit' | 'transaction' | 'clock'>;

/** The cards of an order or hand-out; refuses an unknown order, and a set without cards, before anything is written. */
export function cardSetOf(deps: Deps, target: OutputTarget, making: Making): CardSet {
  const set = target.handoutId !== undefined ? handoutSet(deps, target.handoutId) : orderSet(deps, target.orderId);
  if (set.source.cardCount === 0) {
    throw new NoCardsToOutput(target.handoutId !== undefined ? { handoutId: target.handoutId } : { order: deps.orders.get(target.orderId) }, making);
  }
  return set;
}

/**
 * An order's cards. Once a sheet or file of them exists outside a hand-out, their cards still in stock are flagged
 * "printed/exported before" in the same transaction, so no hand-out takes them without a person deciding.
 */
function orderSet(deps: Deps, orderId: number): CardSet {
  const order = orderOf(deps, orderId);
  const productName = productNamer(deps);
  const sandbox = deps.accounts.find(order.accountId)?.provider === 'sandbox';
  const ref = { orderId: order.id, reference: order.clientReference };
  const flag = () => deps.custody.flagOrder(order.id, deps.clock.now());
  return {
    source: { heading: `Order ${order.clientReference}`, reference: order.clientReference, currency: order.currency, cardCount: deps.cards.count(order.id), sandbox },
    fileStem: `${order.clientReference}-cards`,
    open: function* () {
      for (const card of deps.cards.iterate(order.id)) yield toPrintable({ ...card, productName: productName(card) });
    },
    recordSheet(actor, { mode, file, sent, ...sheet }) {
      deps.transaction(() => {
        const details = { ...ref, ...sheet };
        if (mode === 'save') deps.audit.append(actor, { action: 'sheet.save', details: { ...details, file: file ?? '' } });
        else if (mode === 'print') deps.audit.append(actor, { action: 'sheet.print', details: { ...details, sent: sent ?? false } });
        else deps.audit.append(actor, { action: 'sheet.preview', details });
        if (mode === 'save' || (mode === 'print' && sent)) flag();
      });
    },
    recordExport(actor, made) {
      deps.transaction(() => {
        deps.audit.append(actor, { action: 'cards.export', details: { ...ref, ...made } });
        flag();
      });
    },
  };
}

/** A hand-out's cards (reserved and issued ones), in recipient-list order; each reprint is counted and audited. */
function handoutSet(deps: Deps, handoutId: number): CardSet {
  const handout = deps.handouts.get(handoutId);
  const facts = accountFacts(deps);
  const productName = productNamer(deps);
  const inHandout = () => deps.custody.ofHandout(handoutId).filter((k) => k.state === 'reserved' || k.state === 'issued');
  const members = inHandout();
  const recipients = new Map(deps.handouts.recipients(handoutId).map((r) => [r.id, r]));
  const rowOf = (recipientId: number | null) => (recipientId !== null ? (recipients.get(recipientId)?.rowNo ?? 0) : 0);
  const currencies = new Set(members.map((k) => facts(k.accountId).currency));
  const ref = { handoutId, name: handout.name };
  const copy = () => deps.handouts.countCopy(handoutId);
  return {
    source: {
      heading: `Hand-out ${handout.name}${handout.eventDate ? `, ${handout.eventDate}` : ''}`,
      reference: handout.name,
      currency: currencies.size === 1 ? [...currencies][0]! : '',
      cardCount: members.length,
      sandbox: false,
      recipientColumns: handout.source === 'recipients',
    },
    fileStem: `handout-${handout.id}-${handout.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'cards'}`,
    open: function* () {
      const references = new Map<number, string>();
      const ordered = inHandout().sort((a, b) => rowOf(a.recipientId) - rowOf(b.recipientId) || a.cardId - b.cardId);
      for (const k of ordered) {
        const card = deps.cards.get(k.cardId)!;
        let reference = references.get(card.orderId);
        if (reference === undefined) references.set(card.orderId, (reference = deps.orders.get(card.orderId).clientReference));
        const { currency, sandbox } = facts(k.accountId);
        const recipient = k.recipientId !== null ? recipients.get(k.recipientId) : undefined;
        yield { ...toPrintable({ ...card, productName: productName(card) }), orderReference: reference, currency, sandbox, recipient: recipient ? { name: recipient.name, contact: recipient.contact, reference: recipient.reference } : null };
      }
    },
    recordSheet(actor, made) {
      deps.transaction(() => deps.audit.append(actor, { action: 'handout.sheet', details: { ...ref, ...made, copy: made.mode === 'preview' ? 0 : copy() } }));
    },
    recordExport(actor, made) {
      deps.transaction(() =>
        deps.audit.append(actor, { action: 'handout.export', details: { ...ref, ...made, recipientColumns: handout.source === 'recipients', copy: copy() } }),
      );
    },
  };
}

/** For a job that prints no cards (an alignment page, a hand-out record). */
export const NO_CARDS: Pick<CardSet, 'open'> = { open: () => [][Symbol.iterator]() };

/**
 * Runs the job in the card worker over the set's cards (a fresh pass each time the worker opens one). A file job's
 * temporary name is noted first, so a crash mid-write leaves nothing the next start does not remove.
 */
export async function runCardJob(deps: Pick<AppDeps, 'cardJobWorker' | 'leftovers'>, set: Pick<CardSet, 'open'>, job: CardJob, control: CardJobControl = {}): Promise<CardJobResult> {
  const open = () => set.open();
  if (!('outPath' in job)) return runCardWorker(job, open, { ...control, worker: deps.cardJobWorker });
  const partialPath = partialPathFor(job.outPath);
  const forget = deps.leftovers.track(partialPath, 'file');
  try {
    return await runCardWorker({ ...job, partialPath }, open, { ...control, worker: deps.cardJobWorker });
  } finally {
    forget();
  }
}
