// Asks a Blackhawk order's status from a process of its own, so a test can give it NODE_EXTRA_CA_CERTS.
// Everything, certificate and passphrase included, arrives on stdin: nothing secret goes on a command line.
import { readFileSync } from 'node:fs';
import { createProviderClient } from '../../main/core/providers/create-provider-client';
import { ProviderError } from '../../main/core/providers/provider-error';
import { account } from './provider-fixtures';

interface Input {
  url: string;
  p12Base64: string;
  passphrase: string;
  /** One status call per entry, each with a client given these extra CAs. */
  runs: { extraTrustedCa?: string[] }[];
}

const input = JSON.parse(readFileSync(0, 'utf8')) as Input;
const results = [];
for (const run of input.runs) {
  const client = createProviderClient(
    account('blackhawk', input.url),
    { certificate: { p12: new Uint8Array(Buffer.from(input.p12Base64, 'base64')), passphrase: input.passphrase } },
    { extraTrustedCa: run.extraTrustedCa, retry: { maxAttempts: 1 } },
  );
  try {
    const status = await client.status({ reference: 'req-1', providerOrderId: '401087290' });
    results.push({ ok: true, phase: status.phase });
  } catch (err) {
    results.push({ ok: false, errorClass: err instanceof ProviderError ? err.errorClass : 'unexpected', message: (err as Error).message });
  } finally {
    await client.close();
  }
}
process.stdout.write(JSON.stringify(results));
