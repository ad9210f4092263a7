import { accountHandlers } from './accounts';
import { cardHandlers } from './cards';
import { custodyHandlers, handoutHandlers } from './custody';
import type { AppHandlers } from './handler-types';
import { auditHandlers, lockHandlers } from './misc';
import { orderHandlers } from './orders';

/** The desktop app's handler for every contract channel: zod-parsed requests turned into application commands. */
export const handlers: AppHandlers = { ...accountHandlers, ...orderHandlers, ...cardHandlers, ...custodyHandlers, ...handoutHandlers, ...auditHandlers, ...lockHandlers };
