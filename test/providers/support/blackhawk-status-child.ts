// Asks a Blackhawk order's status from a process of its own, so a test can give it NODE_EXTRA_CA_CERTS.
// Everything, certificate and passphrase included, arrives on stdin: nothing secret goes on a command line.
import { readFileSync } from 'node:fs';
import { createProviderClient } from '../../../main/core/providers/create-provider-client';
import { ProviderError } from '../../../main/core/providers/provider-error';
import { account } from './provider-fixtures';

interface Input {
  url: string;
  p12Base64: string;
  passphrase: string;
  extraTrustedCa?: string[];
}

const input = JSON.parse(readFileSync(0, 'utf8')) as Input;
const client = createProviderClient(
  account('blackhawk', input.url),
  { certificate: { p12: new Uint8Array(Buffer.from(input.p12Base64, 'base64')), passphrase: input.passphrase } },
  { extraTrustedCa: input.extraTrustedCa, retry: { maxAttempts: 1 } },
);
try {
  const status = await client.status({ reference: 'req-1', providerOrderId: '401087290' });
  process.stdout.write(JSON.stringify({ ok: true, phase: status.phase }));
} catch (err) {
  const e = err as Error;
  process.stdout.write(JSON.stringify({ ok: false, errorClass: err instanceof ProviderError ? err.errorClass : 'unexpected', message: e.message }));
} finally {
  await client.close();
}
