import type { Actor } from '../../audit/vocabulary';
import type { OrderProgress } from '../../engine/engine-api';
import { resumeEvent } from '../../engine/resume';
import type { AppDeps } from '../app-deps';
import { orderOf } from './order-of';

/**
 * "Check now": asks the provider now instead of at the next scheduled time. On an order that needed a person it is
 * also the person's word that they fixed something, so the order resumes (a state change, recorded as theirs).
 */
export function checkNow(deps: AppDeps, actor: Actor, orderId: number): OrderProgress {
  const order = orderOf(deps, orderId);
  if (order.state === 'needs-attention') {
    deps.engine.claim();
    const now = deps.clock.now();
    deps.engine.announce(deps.orders.transition(orderId, resumeEvent(order), { stateReason: null, nextPollAt: now }, actor, now));
  }
  deps.engine.wake(orderId);
  return deps.engine.progress(orderId);
}
