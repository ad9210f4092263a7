import { spawn, type ChildProcess } from 'node:child_process';
import type { CliProcessOptions } from '../../main/cli/cli-process';
import { TEST_PASSCODE } from './core';
import { testCliCommand } from './test-bundle';

export { testCliCommand };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the CLI as users run it (no Electron; the tests' small Argon2id cost), in its own process group so a test
 * can kill all of it at once. The test passcode goes first on stdin, as a person's would, then the command's `stdin`.
 * `env`: the child's environment; testCoreEnv adds the values cli-entry.ts injects (a short lease, a short window).
 */
export function spawnCli(
  dataDir: string,
  args: string[],
  stdin = '',
  passcode: string | null = TEST_PASSCODE,
  wrapper: string[] = [],
  { env = process.env }: { env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  const command = [...wrapper, ...testCliCommand(), '--data-dir', dataDir, ...args];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env });
  child.stdin!.end(passcode === null ? stdin : `${passcode}\n${stdin}`);
  return child;
}

/**
 * The CLI as a person who is not root runs it: root writes through any permission bits, so when the tests run as
 * root the CLI gets root's uid (its keychain still answers) without the capabilities that override them.
 */
/** This process's environment with what cli-entry.ts injects into the CLI's core (its test values, as JSON). */
export function testCoreEnv(values: Omit<CliProcessOptions, 'passcodeKdf'>): NodeJS.ProcessEnv {
  return { ...process.env, GIFTDESK_TEST_CORE: JSON.stringify(values) };
}

export function runCliWithoutRootOverride(dataDir: string, args: string[], stdin = ''): Promise<CliResult> {
  const wrapper = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable', '--'] : [];
  return collect(spawnCli(dataDir, args, stdin, TEST_PASSCODE, wrapper));
}

export function runCli(dataDir: string, args: string[], stdin = '', passcode: string | null = TEST_PASSCODE): Promise<CliResult> {
  const child = spawnCli(dataDir, args, stdin, passcode);
  return collect(child);
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as T);
}

/** Adds a Wpay account pointed at a stand-in provider on loopback; the key goes through stdin. */
export async function addWpayAccount(dataDir: string, name: string, baseUrl: string, apiKey: string, extra: string[] = []): Promise<void> {
  const r = await runCli(dataDir, ['account', 'add', '--name', name, '--provider', 'wpay', '--base-url', baseUrl, ...extra], apiKey);
  if (r.code !== 0) throw new Error(`account add failed: ${r.stderr}`);
}
