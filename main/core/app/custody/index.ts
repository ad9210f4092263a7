import type { Actor } from '../../audit/vocabulary';
import type { AppDeps } from '../app-deps';
import { releaseCards, unissueCard, voidCard } from './card-actions';
import { checkRecipientsCsv, createHandout, type CreateHandoutInput } from './create-handout';
import { saveHandoutRecord } from './handout-record';
import { handoutDetail, summarizeHandouts } from './handout-views';
import { issueCards, type IssueRequest } from './issue-cards';
import { returnHandout } from './return-handout';
import { stockSummary } from './stock';

export type { CreateHandoutInput, TakeLine } from './create-handout';
export type { HandoutCard, HandoutDetail, HandoutSummary } from './handout-views';
export type { IssueOutcome, IssueRequest } from './issue-cards';
export type { StockLine } from './stock';
export type { Custody, ReleaseTarget } from '../../store/repos/custody';
import type { ReleaseTarget } from '../../store/repos/custody';

/** Card custody: stock, hand-outs (by count or recipient list), issuing at the event, returns, voids, each card's history. */
export function custodyCommands(deps: AppDeps) {
  return {
    stock: (_actor: Actor) => stockSummary(deps),
    checkRecipientsCsv: (_actor: Actor, text: string) => checkRecipientsCsv(text),
    createHandout: (actor: Actor, input: CreateHandoutInput) => createHandout(deps, actor, input),
    listHandouts: (_actor: Actor) => summarizeHandouts(deps, deps.handouts.list()),
    showHandout: (_actor: Actor, handoutId: number) => handoutDetail(deps, handoutId),
    issue: (actor: Actor, handoutId: number, requests: IssueRequest[]) => issueCards(deps, actor, handoutId, requests),
    unissue: (actor: Actor, cardId: number, reason: string | null = null) => unissueCard(deps, actor, cardId, reason),
    returnRest: (actor: Actor, handoutId: number) => returnHandout(deps, actor, handoutId),
    voidCard: (actor: Actor, cardId: number, reason: string) => voidCard(deps, actor, cardId, reason),
    release: (actor: Actor, target: ReleaseTarget) => releaseCards(deps, actor, target),
    saveRecord: (actor: Actor, handoutId: number, outPath: string) => saveHandoutRecord(deps, actor, handoutId, outPath),
    /** A card's custody now and every change before, oldest first. */
    history: (_actor: Actor, cardId: number) => ({ custody: deps.custody.get(cardId), history: deps.custody.history(cardId) }),
  };
}
