import { readFileSync } from 'node:fs';
import { ValidationError } from '../../core/errors';
import { PROVIDERS, type ProviderName } from '../../../shared/domain';
import { EXIT, type CliCommand } from '../cli-context';
import { optionalNumber } from '../command-args';
import { parseCommandArgs } from '../run-cli';
import { printAccount } from './print-account';

export const accountAdd: CliCommand = {
  name: 'account add',
  usage: 'account add --name N --provider wpay|blackhawk|sandbox [--flavor wpay|blackhawk] [--base-url URL] [--merchant-id ID] [--client-program N] [--cert FILE.p12] [--currency AUD] [--poll-every S] [--concurrency N] [--balance-rate N] [--test]',
  summary: 'Add an account. stdin: the Wpay API key, or the Blackhawk certificate passphrase. --test: ask the provider first, and store nothing if the connection fails.',
  flags: {
    sandboxFlavor: 'flavor',
    baseUrl: 'base-url',
    merchantId: 'merchant-id',
    clientProgramNumber: 'client-program',
    certificate: 'cert',
    certificatePassphrase: 'cert',
    apiKey: 'api-key',
    pollEverySeconds: 'poll-every',
    fetchConcurrency: 'concurrency',
    balanceRatePerMinute: 'balance-rate',
  },
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, {
      name: { type: 'string' },
      provider: { type: 'string' },
      flavor: { type: 'string' },
      'base-url': { type: 'string' },
      'merchant-id': { type: 'string' },
      'client-program': { type: 'string' },
      cert: { type: 'string' },
      currency: { type: 'string' },
      'poll-every': { type: 'string' },
      concurrency: { type: 'string' },
      'balance-rate': { type: 'string' },
      test: { type: 'boolean' },
    });
    if (!values.name) throw new ValidationError('name', '--name is required.');
    const provider = values.provider as ProviderName | undefined;
    if (!provider || !PROVIDERS.includes(provider)) throw new ValidationError('provider', '--provider must be wpay, blackhawk or sandbox.');
    if (values.flavor !== undefined && values.flavor !== 'wpay' && values.flavor !== 'blackhawk') {
      throw new ValidationError('flavor', '--flavor must be wpay or blackhawk.');
    }
    const secret = (await ctx.readStdin()).replace(/\r?\n$/, '');
    let certificate: Uint8Array | undefined;
    if (values.cert) {
      try {
        certificate = readFileSync(values.cert);
      } catch {
        throw new ValidationError('cert', `Cannot read the certificate file ${values.cert}.`);
      }
    }
    const account = await ctx.app.accounts.add(ctx.actor, {
      name: values.name,
      provider,
      sandboxFlavor: values.flavor as 'wpay' | 'blackhawk' | undefined,
      baseUrl: values['base-url'],
      merchantId: values['merchant-id'],
      clientProgramNumber: values['client-program'],
      currency: values.currency,
      apiKey: provider === 'blackhawk' ? undefined : secret,
      certificate,
      certificatePassphrase: certificate ? secret : undefined,
      pollEverySeconds: optionalNumber('poll-every', values['poll-every']),
      fetchConcurrency: optionalNumber('concurrency', values.concurrency) ?? undefined,
      // Balance checks sent per minute at most (Wpay's 50 unless the account manager changed it).
      balanceRatePerMinute: optionalNumber('balance-rate', values['balance-rate']) ?? undefined,
      // Without --test the key is stored as before (scripts depend on it); with it, a failing key is not stored at all.
      ...(values.test ? { connection: 'test' as const } : {}),
    });
    printAccount(ctx, account);
    return EXIT.ok;
  },
};
