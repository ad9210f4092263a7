import { withRequestFields, type HandlerGroup } from './handler-types';

/** The certificate travels base64 in the request; the command takes its bytes. */
const REQUEST_FIELDS = { certificate: 'certificateBase64' };
const bytes = (base64: string | undefined) => (base64 === undefined ? undefined : Buffer.from(base64, 'base64'));

export const accountHandlers: HandlerGroup<'accounts'> = {
  'accounts.list': (_, { app, actor }) => app.accounts.list(actor),
  'accounts.add': ({ certificateBase64, ...input }, { app, actor }) =>
    withRequestFields(REQUEST_FIELDS, () => app.accounts.add(actor, { ...input, certificate: bytes(certificateBase64) })),
  'accounts.edit': ({ certificateBase64, ...input }, { app, actor }) =>
    withRequestFields(REQUEST_FIELDS, () => app.accounts.edit(actor, { ...input, certificate: bytes(certificateBase64) })),
  'accounts.remove': async ({ accountId }, { app, actor }) => {
    await app.accounts.remove(actor, accountId);
    return { removed: true };
  },
  'accounts.testConnection': ({ accountId }, { app, actor }) => app.accounts.testConnection(actor, accountId),
  'accounts.products': ({ accountId }, { app, actor }) => app.accounts.products(actor, accountId),
  'accounts.balance': ({ accountId }, { app, actor }) => app.accounts.balance(actor, accountId),
};
