import type { z } from 'zod';
import type { Transport, TransportAnswer, TransportRequest } from './http-transport';

/** Parses an answer body with its wire schema; a mismatch is a ProviderError naming the field, never a crash. */
export function parseAnswer<S extends z.ZodType>(
  transport: Transport,
  req: TransportRequest,
  answer: TransportAnswer,
  schema: S,
): z.output<S> {
  const result = schema.safeParse(answer.body);
  if (result.success) return result.data;
  throw transport.malformed(req, answer.status, describeIssues(answer.body, result.error.issues));
}

/** "cards: missing; cards[2].amount: expected…" — paths and rules only, never the values (they may be secrets). */
function describeIssues(body: unknown, issues: readonly z.core.$ZodIssue[]): string {
  if (body === undefined) return 'answered with an empty body';
  const parts = issues.slice(0, 4).map((issue) => {
    const path = formatPath(issue.path);
    const missing = issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined;
    const what = missing ? 'missing' : issue.message.replace(/, received .*$/, '');
    return path ? `${path}: ${what}` : what;
  });
  const more = issues.length > 4 ? ` (and ${issues.length - 4} more)` : '';
  return `answer was not as expected: ${parts.join('; ')}${more}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
