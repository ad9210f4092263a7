// The headless entry: `npm run -s cli -- [--data-dir DIR] [--json] COMMAND`. Same core as the desktop app.
import { COMMANDS } from './commands';
import { runCli } from './run-cli';
import { createKeytarKeychain } from '../core/secrets/keytar-keychain';

// A reader that stops early (`| head`) is not an error of ours: stop writing quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  commands: COMMANDS,
  coreOptions: { keychain: createKeytarKeychain(), label: 'CLI' },
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin,
});
process.exitCode = code;
