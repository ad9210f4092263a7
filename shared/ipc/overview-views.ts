import { z } from 'zod';
import { ORDER_STATES } from '../domain';
import { moneySchema } from './views';

// What the overview shows, as it crosses IPC: local figures in one answer, each account's prepaid balance in its own.

const day = z.string();
const currencyFigure = z.object({ currency: z.string(), cents: z.number().int(), cards: z.number().int() });
const spendFigure = z.object({ from: day, to: day, spend: z.array(currencyFigure.extend({ orders: z.number().int() })) });
const orderPointer = z.object({
  id: z.number().int(),
  reference: z.string(),
  name: z.string().nullable(),
  accountName: z.string(),
  state: z.enum(ORDER_STATES),
  reason: z.string().nullable(),
  quantity: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string(),
  updatedAt: z.number(),
});
const pointers = z.object({ count: z.number().int(), first: z.array(orderPointer) });

export const overviewSchema = z.object({
  hasOrders: z.boolean(),
  lowBalanceCents: z.number().int().nullable(),
  month: spendFigure,
  quarter: spendFigure,
  needsAttention: pointers,
  failed: pointers,
  inStock: z.array(currencyFigure),
  expiringSoon: z.array(currencyFigure),
  sandboxInStock: z.number().int(),
});
export type OverviewView = z.infer<typeof overviewSchema>;
export type OrderPointerView = z.infer<typeof orderPointer>;

export const accountBalanceSchema = z.object({
  accountId: z.string(),
  balance: moneySchema.nullable(),
  note: z.string().nullable(),
  /** The provider could not be asked or refused (not: it reports no balance). */
  failed: z.boolean(),
  checkedAt: z.number(),
});
export type AccountBalanceView = z.infer<typeof accountBalanceSchema>;
