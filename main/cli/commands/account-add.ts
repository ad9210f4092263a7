import { readFileSync } from 'node:fs';
import { addAccount } from '../../core/accounts/add-account';
import { ValidationError } from '../../core/errors';
import { PROVIDERS, type ProviderName } from '../../../shared/domain';
import { EXIT, type CliCommand } from '../cli-context';
import { optionalNumber } from '../command-args';
import { parseCommandArgs } from '../run-cli';
import { printAccount } from './print-account';

export const accountAdd: CliCommand = {
  name: 'account add',
  usage: 'account add --name N --provider wpay|blackhawk|sandbox [--flavor wpay|blackhawk] [--base-url URL] [--merchant-id ID] [--client-program N] [--cert FILE.p12] [--currency AUD] [--poll-every S] [--concurrency N]',
  summary: 'Add an account. stdin: the Wpay API key, or the Blackhawk certificate passphrase.',
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
    });
    if (!values.name) throw new ValidationError('name', '--name is required.');
    const provider = values.provider as ProviderName | undefined;
    if (!provider || !PROVIDERS.includes(provider)) throw new ValidationError('provider', '--provider must be wpay, blackhawk or sandbox.');
    if (values.flavor !== undefined && values.flavor !== 'wpay' && values.flavor !== 'blackhawk') {
      throw new ValidationError('flavor', '--flavor must be wpay or blackhawk.');
    }
    const secret = (await ctx.readStdin()).replace(/\r?\n$/, '');
    let certificate: { p12: Uint8Array; passphrase: string } | undefined;
    if (values.cert) {
      try {
        certificate = { p12: readFileSync(values.cert), passphrase: secret };
      } catch {
        throw new ValidationError('cert', `Cannot read the certificate file ${values.cert}.`);
      }
    }
    const account = await addAccount(
      { accounts: ctx.core.accounts, secrets: ctx.core.secrets, now: ctx.core.clock.now() },
      {
        name: values.name,
        provider,
        flavor: values.flavor as 'wpay' | 'blackhawk' | undefined,
        baseUrl: values['base-url'],
        merchantId: values['merchant-id'],
        clientProgramNumber: values['client-program'],
        currency: values.currency,
        apiKey: provider === 'blackhawk' ? undefined : secret,
        certificate,
        pollEverySeconds: optionalNumber('poll-every', values['poll-every']),
        fetchConcurrency: optionalNumber('concurrency', values.concurrency) ?? undefined,
      },
    );
    ctx.core.audit.append({ actor: 'cli', action: 'account.add', subject: `account:${account.id}`, details: { name: account.name, provider } });
    await printAccount(ctx, account);
    return EXIT.ok;
  },
};
