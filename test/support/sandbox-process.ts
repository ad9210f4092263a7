import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readSandboxIdentity, type SandboxFaults, type SandboxStats } from '../../main/sandbox';
import type { BalanceRateConfig } from '../../main/sandbox/balance-window';
import type { ProcessingConfig } from '../../main/sandbox/types';
import { scriptCommand } from './test-bundle';

export interface SandboxProcess {
  url: string;
  apiKey: string;
  stats(): Promise<SandboxStats>;
  setFaults(f: Partial<SandboxFaults>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The sandbox as a provider really is: a server in a process of its own, which lives on when the app is killed.
 */
export async function startSandboxProcess(stateDir: string, options: { faults?: Partial<SandboxFaults>; processing?: Partial<ProcessingConfig>; balances?: Partial<BalanceRateConfig> } = {}): Promise<SandboxProcess> {
  const [node, ...script] = scriptCommand('main/sandbox/serve.ts');
  const child: ChildProcess = spawn(
    node!,
    [...script, '--state-dir', stateDir, '--faults', JSON.stringify(options.faults ?? {}), '--processing', JSON.stringify(options.processing ?? {}), '--balances', JSON.stringify(options.balances ?? {})],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const { url } = JSON.parse(first) as { url: string };
  const admin = async (method: string, body?: unknown) => {
    const res = await fetch(`${url}/__sandbox/${method === 'GET' ? 'stats' : 'faults'}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox admin ${method} answered ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  return {
    url,
    apiKey: readSandboxIdentity(stateDir).apiKey,
    stats: async () => (await admin('GET')) as SandboxStats,
    setFaults: async (f) => void (await admin('PUT', f)),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
