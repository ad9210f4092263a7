import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import type { AppContext } from './app-core';

export async function listAudit(q: ParsedRequest<'audit.list'>, { core }: AppContext): Promise<Response<'audit.list'>> {
  return core.audit.list({ beforeId: q.beforeId, limit: q.limit ?? 200 });
}
