// The audit log's one vocabulary: every action Giftdesk records, who did it, and the fields its entry carries. The
// store's append takes only these actions with exactly these fields, so the two front doors cannot drift apart, and a
// later reader (the audit screen, reports) can turn every entry into a sentence from its fields alone.
//
// Never a secret in an entry: no card number (last four digits at most), no PIN, no key, no passphrase, no path
// beyond a file's own name. Entries written before this vocabulary are translated when read (legacy-entries.ts).
import type { SweepEvent, SweepScope, SweepState } from '../../../shared/balance-sweep-state-machine';
import type { CustodyState } from '../../../shared/custody-state-machine';
import type { OrderEvent, OrderState } from '../../../shared/order-state-machine';

/** The front door an act came through: the desktop app, the CLI, the order engine on its own, or the app itself. */
export const ACTOR_VIAS = ['desktop', 'cli', 'engine', 'system'] as const;
export type ActorVia = (typeof ACTOR_VIAS)[number];

/** Who acts: the front door and the operating-system user running it. Every command takes one first. */
export interface Actor {
  via: ActorVia;
  user: string;
}

type SheetDetails = {
  orderId: number;
  reference: string;
  layout: string;
  scratch: boolean;
  cards: number;
  pages: number;
};

type HandoutRef = { handoutId: number; name: string };

/** One card's custody change: the card by Giftdesk's id and its last four digits, never its number. */
type CardRef = { cardId: number; last4: string | null; handoutId: number | null };

/** Each action and its fields. */
export interface AuditDetails {
  /** An account was added; its secrets went to the keychain (only whether they did is recorded). */
  /** connection: tested before the key was saved, or saved anyway after the test failed (absent: not tested, as by older CLIs). */
  'account.add': { accountId: string; name: string; provider: string; api: 'wpay' | 'blackhawk'; apiKeyStored: boolean; certificateStored: boolean; connection?: 'tested' | 'saved-anyway' };
  /**
   * Settings changed (their names), a key or certificate replaced. secretsRemoved: the host changed, so the stored key
   * and certificate passphrase were removed (never sent to the new host) and must be entered again.
   */
  'account.edit': { accountId: string; name: string; fields: string[]; apiKeyReplaced: boolean; certificateReplaced: boolean; secretsRemoved?: boolean; connection?: 'tested' | 'saved-anyway' };
  'account.remove': { accountId: string; name: string };
  /** A draft committed with its client reference, before anything was sent. */
  'order.place': { orderId: number; reference: string; name?: string | null; accountId: string; account: string; lines: number; quantity: number; totalCents: number; currency: string };
  /** One state change of an order, by the event of the state machine that caused it. */
  'order.transition': { orderId: number; reference: string; from: OrderState; to: OrderState; event: OrderEvent | null; reason: string | null };
  /** A person asked the provider to reverse an order (written before the request goes out). */
  'order.reverse': { orderId: number; reference: string; state: OrderState };
  /** A person named an order or wrote its memo (fields: what changed); the name and memo as they now are (null: none). */
  'order.name': { orderId: number; reference: string; fields: ('name' | 'memo')[]; name: string | null; previousName: string | null; memo: string | null };
  /** Card numbers and PINs shown: one card (cardId, last four) or all of an order's. */
  'cards.reveal': { orderId: number; reference: string | null; cards: number; cardId: number | null; last4: string | null };
  /** A card sheet shown in a preview window. */
  'sheet.preview': SheetDetails;
  /** A card sheet handed to the print dialog; sent says whether the person went through with it. */
  'sheet.print': SheetDetails & { sent: boolean };
  /** A card sheet saved as a plain PDF, for printing. */
  'sheet.save': SheetDetails & { file: string };
  /** An encrypted card file written. */
  'cards.export': {
    orderId: number;
    reference: string;
    format: string;
    cards: number;
    pages: number | null;
    protection: 'passphrase' | 'generated-passphrase' | 'age-recipients';
    /** age public keys (not secret): who can open the file. */
    recipients: string[];
    withSheet: boolean;
    file: string;
  };
  'settings.lock-idle-minutes': { minutes: number };
  /** One preference changed on the Settings page (or by the CLI): its key and the value chosen (never a secret). */
  'settings.change': { setting: string; from: string | number | boolean | null; to: string | number | boolean | null };
  /** A file of records written for the bookkeeper or an auditor: no card secret is ever in one. */
  'records.export': { kind: 'audit' | 'spend' | 'orders'; format: 'csv' | 'xlsx'; rows: number; from: string | null; to: string | null; file: string };
  /** Card data hidden: by a person (manual). */
  'lock.lock': { reason: string };
  /** Card data shown again: after the passcode, or Touch ID (only once the passcode was typed in this run). */
  'lock.unlock': { method?: 'passcode' | 'touch-id' };
  /** A hand-out made: its cards taken from stock (by count, or one per recipient of a list). Each card's own history has it too. */
  'handout.create': HandoutRef & {
    source: 'count' | 'recipients';
    cards: number;
    lines: { accountId: string; sku: string; amountCents: number; count: number }[];
  };
  /** The hand-out's cards that were not handed out, back in stock. */
  'handout.return': HandoutRef & { cards: number };
  /** A card sheet of a hand-out's cards (the copy-th sheet or file made of it). */
  'handout.sheet': HandoutRef & { mode: 'save' | 'print' | 'preview'; layout: string; scratch: boolean; cards: number; pages: number; file: string | null; sent: boolean | null; copy: number };
  /** An encrypted card file of a hand-out's cards (with the recipients' columns for a recipient list). */
  'handout.export': HandoutRef & {
    format: string;
    cards: number;
    pages: number | null;
    protection: 'passphrase' | 'generated-passphrase' | 'age-recipients';
    recipients: string[];
    withSheet: boolean;
    recipientColumns: boolean;
    file: string;
    copy: number;
  };
  /** The printable record of who got which card (last four digits only). */
  'handout.record': HandoutRef & { cards: number; file: string };
  /** A card handed out at the event, to the person named when one was. */
  'card.issue': CardRef & { to: string | null; by: 'scan' | 'last-digits' };
  /** An issued card put back into its hand-out (a mistake), explicitly. */
  'card.unissue': CardRef & { reason: string | null; wasIssuedTo: string | null };
  /** A card lost, damaged or withdrawn: a record, nothing asked of the provider. */
  'card.void': CardRef & { from: CustodyState; reason: string };
  /** A person cleared "printed/exported before" from cards, so they can be handed out again. */
  'cards.release': { cards: number; orderId: number | null; cardIds: number[]; line: { accountId: string; sku: string; amountCents: number } | null };
  /** A person asked for the balances of these cards: a sweep recorded, to be driven by the process holding the lease. */
  'balance.sweep': { sweepId: number; scope: SweepScope['kind']; target: number | null; cards: number };
  /** One state change of a balance sweep, by the event of its state machine; answered: cards with their answer then. */
  'balance.transition': { sweepId: number; from: SweepState; to: SweepState; event: SweepEvent; answered: number; cards: number };
  /** The provider reported another expiry for a card than the one stored: the card's expiry follows the provider. */
  'card.expiry': CardRef & { from: string | null; to: string; sweepId: number };
  /** Wrong passcodes (at start, at an unlock, before a sensitive act), copied in at the next right one. */
  'vault.passcode-failures': { count: number; firstAt: number; lastAt: number };
  'vault.passcode-change': Record<string, never>;
  /** A new recovery key made: the one before it no longer opens the store. kit: written as a printable PDF (its name). */
  'vault.recovery-key': { kit: boolean; file: string | null };
  /** This store was made from a backup (the entry is written into the restored store itself). */
  'vault.restore': { backupCreatedAt: number; file: string; orders: number; cards: number; events: number; secretsRestored: number; replacedFolder: boolean };
  /** A verified backup written: by a person, or by the daily schedule. */
  'backup.made': { file: string; scheduled: boolean; withSecrets: boolean; orders: number; cards: number; events: number; bytes: number };
  /** A backup that could not be made or did not check out (nothing is left of it). */
  'backup.failed': { file: string; scheduled: boolean; reason: string };
  /** Daily backups turned on (into the folder of that name, keeping the last `keep`) or off. */
  'backup.schedule': { enabled: boolean; folder: string | null; keep: number | null };
  /** Whether backups carry the accounts' API keys and certificate passphrase (sealed inside). */
  'backup.include-secrets': { include: boolean };
}

export type AuditAction = keyof AuditDetails;

/** Every action, at run time (filters, the sentence test); the type below fails to compile when one is missing. */
export const AUDIT_ACTIONS = [
  'account.add',
  'account.edit',
  'account.remove',
  'order.place',
  'order.transition',
  'order.reverse',
  'order.name',
  'cards.reveal',
  'sheet.preview',
  'sheet.print',
  'sheet.save',
  'cards.export',
  'settings.lock-idle-minutes',
  'settings.change',
  'records.export',
  'lock.lock',
  'lock.unlock',
  'handout.create',
  'handout.return',
  'handout.sheet',
  'handout.export',
  'handout.record',
  'card.issue',
  'card.unissue',
  'card.void',
  'cards.release',
  'vault.passcode-failures',
  'vault.passcode-change',
  'vault.recovery-key',
  'vault.restore',
  'backup.made',
  'backup.failed',
  'backup.schedule',
  'backup.include-secrets',
  'balance.sweep',
  'balance.transition',
  'card.expiry',
] as const satisfies readonly AuditAction[];
type MissingActions = Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>;
const everyActionListed: [MissingActions] extends [never] ? true : MissingActions = true;
void everyActionListed;

/** One entry to append: an action with its own fields. */
export type AuditRecord = { [A in AuditAction]: { action: A; details: AuditDetails[A] } }[AuditAction];

/** What an entry is about, for finding an order's or a card's history: derived from the entry, never typed twice. */
export function subjectOf(record: AuditRecord): string {
  switch (record.action) {
    case 'account.add':
    case 'account.edit':
    case 'account.remove':
      return `account:${record.details.accountId}`;
    case 'cards.reveal':
      return record.details.cardId !== null ? `card:${record.details.cardId}` : `order:${record.details.orderId}`;
    case 'settings.lock-idle-minutes':
    case 'settings.change':
    case 'records.export':
    case 'lock.lock':
    case 'lock.unlock':
      return 'app';
    case 'vault.passcode-failures':
    case 'vault.passcode-change':
    case 'vault.recovery-key':
    case 'vault.restore':
    case 'backup.made':
    case 'backup.failed':
    case 'backup.schedule':
    case 'backup.include-secrets':
      return 'vault';
    case 'handout.create':
    case 'handout.return':
    case 'handout.sheet':
    case 'handout.export':
    case 'handout.record':
      return `handout:${record.details.handoutId}`;
    case 'balance.sweep':
    case 'balance.transition':
      return `balance-sweep:${record.details.sweepId}`;
    case 'card.issue':
    case 'card.unissue':
    case 'card.void':
    case 'card.expiry':
      return `card:${record.details.cardId}`;
    case 'cards.release':
      return record.details.orderId !== null ? `order:${record.details.orderId}` : 'cards';
    default:
      return `order:${record.details.orderId}`;
  }
}

/**
 * An entry as read back. One written in this vocabulary has every field of its action (`recorded` is null); one
 * written before it is translated, keeps the action it was written under in `recorded`, and has the fields that could
 * be read from it. The OS user is unknown on those older entries.
 */
export type AuditEntry = { id: number; at: number; subject: string; actor: { via: ActorVia; user: string | null } } & (
  | { [A in AuditAction]: { action: A; recorded: null; details: AuditDetails[A] } }[AuditAction]
  | { [A in AuditAction]: { action: A; recorded: string; details: Partial<AuditDetails[A]> } }[AuditAction]
  | { action: 'unknown'; recorded: string; details: Record<string, unknown> }
);
