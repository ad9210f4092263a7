/** The keychain entry of a store's device secret (its own id too, so a restored copy never overwrites the original's). */
export const deviceSecretName = (storeId: string, secretId: string) => `store:${storeId}:device-secret:${secretId}`;
