// The audit log in words: one sentence per entry, made from its fields alone, and who did it. The one place this is
// done: the desktop app's audit screen, the CLI's `audit` command and the audit CSV all call it. Entries written
// before the vocabulary arrive translated, with only the fields that could be read, so every field may be missing.
import type { AuditAction, AuditDetails } from '../main/core/audit/vocabulary';
import { layoutWords } from './card-outputs';
import { formatMoney } from './money';
import { SETTING_NAMES } from './settings';

/** An entry as any front door holds it (core's AuditEntry, or the IPC view of it). */
export interface SentenceEntry {
  action: string;
  recorded: string | null;
  details: Record<string, unknown>;
}

type Maybe<T> = { [K in keyof T]?: T[K] | undefined };
type Sentences = { [A in AuditAction]: (d: Maybe<AuditDetails[A]>) => string };

/** A Giftdesk-made reference (gd-20261201…) says nothing to a person; one a person gave is the order's name. */
const GENERATED_REFERENCE = /^gd-\d{14}-[0-9a-z]{20}$/;

function order(orderId: number | undefined, reference?: string | null): string {
  const name = reference && !GENERATED_REFERENCE.test(reference) ? ` '${reference}'` : '';
  return orderId === undefined ? `an order${name}` : `order ${orderId}${name}`;
}

function count(n: number | null | undefined, one: string, many = `${one}s`): string | null {
  return typeof n === 'number' ? `${n.toLocaleString('en')} ${n === 1 ? one : many}` : null;
}

/** " (40 cards, 4 pages, A4, 10 per page (2 × 5), scratch-off)": the parts that are known, or nothing. */
function parts(...items: (string | null | undefined | false)[]): string {
  const known = items.filter((i): i is string => typeof i === 'string' && i.length > 0);
  return known.length > 0 ? ` (${known.join(', ')})` : '';
}

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const quoted = (text: string | null | undefined, fallback: string) => (text ? `'${text}'` : fallback);
const file = (name: string | null | undefined) => (name ? ` to ${name}` : '');
const money = (cents: number | undefined, currency: string | undefined) => (cents !== undefined && currency ? formatMoney(cents, currency) : null);
const words = (code: string | null | undefined) => (code ? code.replace(/-/g, ' ') : null);
const handout = (d: { handoutId?: number | undefined; name?: string | undefined }) => (d.name ? `hand-out '${d.name}'` : d.handoutId !== undefined ? `hand-out ${d.handoutId}` : 'a hand-out');
const card = (d: { cardId?: number | null | undefined; last4?: string | null | undefined }) => (d.last4 ? `card ending ${d.last4}` : typeof d.cardId === 'number' ? `card ${d.cardId}` : 'a card');
const protection = (p: string | undefined) =>
  p === 'age-recipients' ? 'for age recipients' : p === 'generated-passphrase' ? 'with a passphrase Giftdesk made' : p === 'passphrase' ? 'with a passphrase' : null;
const sheetParts = (d: Maybe<{ cards: number; pages: number; layout: string; scratch: boolean }>) =>
  parts(count(d.cards, 'card'), count(d.pages, 'page'), d.layout ? layoutWords(d.layout) : null, d.scratch ? 'scratch-off' : null);
const connectionWords = (c: string | undefined) => (c === 'tested' ? 'connection tested' : c === 'saved-anyway' ? 'saved anyway after a failed connection test' : null);
const when = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));

const SENTENCES: Sentences = {
  'account.add': (d) => `Added the account ${quoted(d.name, 'an account')}${parts(d.provider, d.apiKeyStored ? 'API key stored in the keychain' : null, d.certificateStored ? 'certificate stored' : null, connectionWords(d.connection))}`,
  'account.edit': (d) =>
    `Changed the account ${quoted(d.name, d.accountId ?? 'an account')}${parts(
      d.fields && d.fields.length > 0 ? `changed: ${d.fields.join(', ')}` : null,
      d.apiKeyReplaced ? 'API key replaced' : null,
      d.certificateReplaced ? 'certificate replaced' : null,
      d.secretsRemoved ? 'new host: stored key removed' : null,
      connectionWords(d.connection),
    )}`,
  'account.remove': (d) => `Removed the account ${quoted(d.name, d.accountId ?? 'an account')}`,
  'order.place': (d) => `Placed ${order(d.orderId, d.name ?? d.reference)} on ${quoted(d.account, 'an account')}${parts(count(d.quantity, 'card'), money(d.totalCents, d.currency), d.lines && d.lines > 1 ? count(d.lines, 'line') : null)}`,
  'order.transition': (d) => `${capital(order(d.orderId, d.reference))} went ${d.from ? `from ${words(d.from)} ` : ''}to ${words(d.to) ?? 'a new state'}${d.reason ? `: ${d.reason}` : ''}`,
  'order.reverse': (d) => `Asked the provider to reverse ${order(d.orderId, d.reference)}${parts(d.state ? `it was ${words(d.state)}` : null)}`,
  'order.name': (d) => {
    const fields = d.fields ?? [];
    const was = d.previousName ? ` (it was '${d.previousName}')` : '';
    const named = fields.includes('name') ? (d.name ? `Named ${order(d.orderId)} '${d.name}'${was}` : `Removed the name of ${order(d.orderId)}${was}`) : null;
    const memo = fields.includes('memo') ? (d.memo ? 'wrote its memo' : 'cleared its memo') : null;
    if (named) return memo ? `${named}, and ${memo}` : named;
    const it = order(d.orderId, d.name ?? d.reference);
    return memo ? `${d.memo ? 'Wrote the memo of' : 'Cleared the memo of'} ${it}` : `Changed the name or memo of ${it}`;
  },
  'cards.reveal': (d) =>
    d.cardId !== null && d.cardId !== undefined ? `Revealed the number and PIN of ${card(d)} of ${order(d.orderId, d.reference)}` : `Revealed ${count(d.cards, 'card') ?? 'the cards'} of ${order(d.orderId, d.reference)}`,
  'sheet.preview': (d) => `Previewed a card sheet of ${order(d.orderId, d.reference)}${sheetParts(d)}`,
  'sheet.print': (d) => `${d.sent === false ? 'Opened the print dialog for' : 'Printed'} a card sheet of ${order(d.orderId, d.reference)}${sheetParts(d)}${d.sent === false ? ', not printed' : ''}`,
  'sheet.save': (d) => `Saved a card sheet of ${order(d.orderId, d.reference)}${file(d.file)}${sheetParts(d)}`,
  'cards.export': (d) => `Exported ${count(d.cards, 'card') ?? 'the cards'} of ${order(d.orderId, d.reference)} as ${d.format ? d.format.toUpperCase() : 'a file'}${file(d.file)}${parts(protection(d.protection), d.withSheet ? 'with the card sheet' : null)}`,
  'settings.lock-idle-minutes': (d) => `Set the auto-lock to ${count(d.minutes, 'minute') ?? 'a new time'} of no use`,
  'settings.change': (d) => {
    const name = d.setting ? `the ${(SETTING_NAMES as Record<string, string>)[d.setting] ?? d.setting}` : 'a setting';
    const value = (v: unknown) => (v === null ? 'none' : d.setting === 'defaultLayout' && typeof v === 'string' ? layoutWords(v) : String(v));
    return `Changed ${name}${d.from !== undefined ? ` from ${value(d.from)}` : ''} to ${d.to === undefined ? 'a new value' : value(d.to)}`;
  },
  'records.export': (d) =>
    `Saved ${d.kind === 'audit' ? 'the audit log' : d.kind === 'spend' ? 'a spend report' : d.kind === 'orders' ? 'the order history' : 'records'} as ${d.format ? d.format.toUpperCase() : 'a file'}${file(d.file)}${parts(count(d.rows, 'row'), d.from || d.to ? `${d.from ?? 'the start'} to ${d.to ?? 'today'}` : null)}`,
  'lock.lock': (d) => `Locked Giftdesk${d.reason ? ` (${words(d.reason)})` : ''}`,
  'lock.unlock': (d) => `Unlocked Giftdesk${d.method === 'touch-id' ? ' with Touch ID' : d.method === 'passcode' ? ' with the passcode' : ''}`,
  'handout.create': (d) => `Made ${handout(d)}${parts(count(d.cards, 'card'), d.source === 'recipients' ? 'from a recipient list' : d.source === 'count' ? 'by count' : null)}`,
  'handout.return': (d) => `Returned ${count(d.cards, 'card') ?? 'the cards'} of ${handout(d)} to stock`,
  'handout.sheet': (d) =>
    `${d.mode === 'preview' ? 'Previewed' : d.mode === 'save' ? 'Saved' : d.sent === false ? 'Opened the print dialog for' : 'Printed'} a card sheet of ${handout(d)}${d.mode === 'save' ? file(d.file) : ''}${sheetParts(d)}`,
  'handout.export': (d) => `Exported ${count(d.cards, 'card') ?? 'the cards'} of ${handout(d)} as ${d.format ? d.format.toUpperCase() : 'a file'}${file(d.file)}${parts(protection(d.protection), d.recipientColumns ? "with the recipients' columns" : null)}`,
  'handout.record': (d) => `Saved the hand-out record of ${handout(d)}${file(d.file)}${parts(count(d.cards, 'card'))}`,
  'card.issue': (d) => `Handed out ${card(d)}${d.to ? ` to ${d.to}` : ''}${parts(d.by === 'scan' ? 'scanned' : d.by === 'last-digits' ? 'by its last digits' : null)}`,
  'card.unissue': (d) => `Put ${card(d)} back into its hand-out${d.wasIssuedTo ? ` (it was issued to ${d.wasIssuedTo})` : ''}${d.reason ? `: ${d.reason}` : ''}`,
  'card.void': (d) => `Recorded ${card(d)} void${d.from ? ` (it was ${words(d.from)})` : ''}${d.reason ? `: ${d.reason}` : ''}`,
  'cards.release': (d) => `Released ${count(d.cards, 'card') ?? 'cards'}${d.orderId !== null && d.orderId !== undefined ? ` of ${order(d.orderId)}` : ''} for hand-outs again`,
  'vault.passcode-failures': (d) => `${count(d.count, 'wrong passcode was', 'wrong passcodes were') ?? 'Wrong passcodes were'} typed${d.firstAt !== undefined ? ` between ${when(d.firstAt)} and ${when(d.lastAt)}` : ''}`,
  'vault.passcode-change': () => 'Changed the passcode',
  'vault.recovery-key': (d) => `Made a new recovery key (the old one no longer opens the store)${d.kit && d.file ? `; saved its kit to ${d.file}` : ''}`,
  'vault.restore': (d) => `Made this store from the backup ${d.file ?? ''}${parts(count(d.orders, 'order'), count(d.cards, 'card'))}`.replace('  ', ' '),
  'backup.made': (d) => `${d.scheduled ? 'Made the daily backup' : 'Made a backup'}${file(d.file)}${parts(count(d.orders, 'order'), count(d.cards, 'card'), d.withSecrets ? 'with the API keys' : null)}`,
  'backup.failed': (d) => `${d.scheduled ? 'The daily backup' : 'A backup'} failed${d.reason ? `: ${d.reason}` : ''}`,
  'backup.schedule': (d) => (d.enabled ? `Turned daily backups on${d.folder ? ` into ${d.folder}` : ''}${d.keep ? `, keeping the last ${d.keep}` : ''}` : 'Turned daily backups off'),
  'backup.include-secrets': (d) => (d.include ? 'Chose to include the API keys in backups' : 'Chose to leave the API keys out of backups'),
  'balance.sweep': (d) => `Asked the provider for the balances of ${count(d.cards, 'card') ?? 'cards'}${sweepScope(d.scope, d.target)}${d.sweepId !== undefined ? ` (balance check ${d.sweepId})` : ''}`,
  'balance.transition': (d) =>
    `Balance check ${d.sweepId ?? ''} ${d.to === 'done' ? 'finished' : `is ${words(d.to) ?? 'changed'}`}${parts(typeof d.cards === 'number' ? `${(d.answered ?? 0).toLocaleString('en')} of ${count(d.cards, 'card')} answered` : null)}`.replace('  ', ' '),
  'card.expiry': (d) => `The provider gave ${card(d)} another expiry${parts(d.from ? `was ${d.from}` : 'had none', d.to ? `now ${d.to}` : null)}`,
};

function sweepScope(scope: string | undefined, target: number | null | undefined): string {
  if (scope === 'handout') return ` of ${handout({ handoutId: target ?? undefined })}`;
  if (scope === 'order') return ` of ${order(target ?? undefined)}`;
  if (scope === 'issued') return ' handed out';
  return '';
}

/** Whether a sentence is written for this action (the vocabulary's test checks each one has). */
export function hasSentence(action: string): action is AuditAction {
  return Object.hasOwn(SENTENCES, action);
}

/** The entry as a sentence: "Printed a card sheet of order 12 'Staff-party' (40 cards, 4 pages, A4, 10 per page (2 × 5))". */
export function auditSentence(entry: SentenceEntry): string {
  return sentenceOf(entry, null);
}

/**
 * Sentences that name each order by the name it has now (orderName: null where it has none): an order named after
 * the fact is recognised in its older entries too, which were written with its reference.
 */
export function auditSentencesNaming(orderName: (orderId: number) => string | null): (entry: SentenceEntry) => string {
  return (entry) => {
    const orderId = entry.details['orderId'];
    return sentenceOf(entry, entry.action !== 'order.name' && typeof orderId === 'number' ? orderName(orderId) : null);
  };
}

function sentenceOf(entry: SentenceEntry, name: string | null): string {
  if (!hasSentence(entry.action)) return `Recorded "${entry.recorded ?? entry.action}" (an entry Giftdesk does not know)`;
  const sentence = SENTENCES[entry.action] as (d: Record<string, unknown>) => string;
  // An order's entries name it by reference, and its placing by the name it had then: both give way to the name it has now.
  return sentence(name ? { ...entry.details, reference: name, name } : entry.details);
}

const VIA_WORDS = { desktop: 'desktop app', cli: 'command line', engine: 'order engine', system: 'Giftdesk' } as const;

/** Who: "alice, desktop app"; "unknown user, desktop app" for entries written before the OS user was kept. */
export function auditWho(actor: { via: keyof typeof VIA_WORDS; user: string | null }): string {
  return `${actor.user ?? 'unknown user'}, ${VIA_WORDS[actor.via]}`;
}

export { VIA_WORDS };

/** Each action in a word or two, for the audit screen's filter (every action has one, or this does not compile). */
export const ACTION_NAMES: Record<AuditAction, string> = {
  'account.add': 'Account added',
  'account.edit': 'Account changed',
  'account.remove': 'Account removed',
  'order.place': 'Order placed',
  'order.transition': 'Order state changed',
  'order.reverse': 'Reversal asked for',
  'order.name': 'Order named',
  'cards.reveal': 'Cards revealed',
  'sheet.preview': 'Card sheet previewed',
  'sheet.print': 'Card sheet printed',
  'sheet.save': 'Card sheet saved',
  'cards.export': 'Card file exported',
  'settings.lock-idle-minutes': 'Auto-lock changed',
  'settings.change': 'Setting changed',
  'records.export': 'Report or log saved',
  'lock.lock': 'Locked',
  'lock.unlock': 'Unlocked',
  'handout.create': 'Hand-out made',
  'handout.return': 'Hand-out returned',
  'handout.sheet': 'Hand-out sheet',
  'handout.export': 'Hand-out file exported',
  'handout.record': 'Hand-out record saved',
  'card.issue': 'Card handed out',
  'card.unissue': 'Card put back',
  'card.void': 'Card void',
  'cards.release': 'Cards released',
  'vault.passcode-failures': 'Wrong passcodes',
  'vault.passcode-change': 'Passcode changed',
  'vault.recovery-key': 'Recovery key made',
  'vault.restore': 'Store restored',
  'backup.made': 'Backup made',
  'backup.failed': 'Backup failed',
  'backup.schedule': 'Daily backups changed',
  'backup.include-secrets': 'Backup keys choice',
  'balance.sweep': 'Balances asked for',
  'balance.transition': 'Balance check state changed',
  'card.expiry': 'Expiry changed by the provider',
};
