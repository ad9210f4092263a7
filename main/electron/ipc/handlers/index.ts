import { accountHandlers } from './accounts';
import { auditHandlers } from './audit';
import { balanceHandlers } from './balances';
import { cardHandlers } from './cards';
import { custodyHandlers, handoutHandlers } from './custody';
import type { AppHandlers } from './handler-types';
import { lockHandlers } from './lock';
import { orderHandlers } from './orders';
import { overviewHandlers } from './overview';
import { reportHandlers, settingsHandlers } from './reports';
import { vaultHandlers } from './vault';

/** The desktop app's handler for every contract channel: zod-parsed requests turned into application commands. */
export const handlers: AppHandlers = { ...accountHandlers, ...orderHandlers, ...cardHandlers, ...custodyHandlers, ...handoutHandlers, ...auditHandlers, ...reportHandlers, ...settingsHandlers, ...lockHandlers, ...vaultHandlers, ...balanceHandlers, ...overviewHandlers };
