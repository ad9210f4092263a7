import { z } from 'zod';
import { amountCents, identifier, looseBoolean, looseNumber } from '../transport/wire-types';

// Wire formats of Blackhawk's rewardsOrderProcessing and rewardsCatalogProcessing. Numbers arrive as strings or numbers.

export const submitAnswer = z.looseObject({
  transactionId: identifier.nullish(),
  isCompleted: looseBoolean,
  percentComplete: looseNumber.nullish(),
  success: looseBoolean.nullish(),
  orderNumber: identifier.nullish(),
});

export const orderInfo = z.looseObject({
  orderNumber: identifier.nullish(),
  requestId: identifier.nullish(),
  clientProgramNumber: identifier.nullish(),
  orderStatus: z.string(),
  numberOfCards: looseNumber.nullish(),
  dateSubmitted: z.string().nullish(),
  orderErrorList: z.unknown().optional(),
});
export type OrderInfo = z.output<typeof orderInfo>;

/** The shape of the byKeys answer is not documented beyond its fields: one record, or a list of them. */
export const orderInfoAnswer = z.union([orderInfo, z.array(orderInfo)]);

export const eGift = z.looseObject({
  url: z.string().nullish(),
  contentProviderCode: z.string().nullish(),
  amount: amountCents,
  pin: identifier.nullish(),
  barCodeValue: identifier.nullish(),
  cardNumber: identifier.nullish(),
});

export const codeRetrievalAnswer = z.looseObject({
  clientProgramNumber: identifier.nullish(),
  orderNumber: identifier.nullish(),
  orderStatus: z.string().nullish(),
  quantity: looseNumber.nullish(),
  eGifts: z.array(z.unknown()).nullish(),
});

export const catalogAnswer = z.looseObject({
  products: z.array(
    z.looseObject({
      contentProviderCode: z.string(),
      productName: z.string().nullish(),
      valueRestrictions: z
        .looseObject({
          minimum: amountCents.nullish(),
          maximum: amountCents.nullish(),
          exclusivelyAllowedValues: z.array(amountCents).nullish(),
        })
        .nullish(),
    }),
  ),
});
