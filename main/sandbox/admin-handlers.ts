import type { Reply, SandboxRequest } from './http-kit';
import { faultsPatchSchema } from './faults';
import type { SandboxFaults, SandboxStats } from './types';

/** `/__sandbox/faults` (GET, PUT a partial JSON) and `/__sandbox/stats` (GET), for tests running the sandbox elsewhere. */
export function handleAdmin(
  req: SandboxRequest,
  sandbox: { faults(): SandboxFaults; setFaults(patch: Partial<SandboxFaults>): void; stats(): SandboxStats },
): Reply | null {
  if (req.path === '/__sandbox/faults' && req.method === 'GET') return { status: 200, body: sandbox.faults() };
  if (req.path === '/__sandbox/faults' && req.method === 'PUT') {
    const parsed = faultsPatchSchema.safeParse(req.body);
    if (req.invalidJson || !parsed.success) {
      return { status: 400, body: { message: 'Faults must be a JSON object of known knobs', issues: parsed.error?.issues ?? [] } };
    }
    sandbox.setFaults(parsed.data);
    return { status: 200, body: sandbox.faults() };
  }
  if (req.path === '/__sandbox/stats' && req.method === 'GET') return { status: 200, body: sandbox.stats() };
  return req.path.startsWith('/__sandbox/') ? { status: 404, body: { message: 'No such sandbox admin endpoint' } } : null;
}
