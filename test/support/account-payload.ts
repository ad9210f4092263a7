/** The `accounts.add` payload the desktop's form sends for a Wpay account: a name, a host, a key, and defaults. */
export function wpayAccountPayload(apiKey: string, fields: { name?: string; baseUrl?: string } = {}) {
  return {
    provider: 'wpay' as const,
    name: fields.name ?? 'Shop Wpay',
    baseUrl: fields.baseUrl ?? 'https://pt-api.wpay.com.au',
    merchantId: null,
    clientProgramNumber: null,
    sandboxFlavor: null,
    currency: 'AUD',
    fetchConcurrency: 2,
    pollEverySeconds: null,
    apiKey,
    // These tests are about where the key goes, on hosts that answer nothing useful: saved as after "Save anyway".
    connection: 'save-anyway' as const,
  };
}
