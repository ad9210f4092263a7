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
  const parts = issues.slice(0, 4).map((issue) => describeIssue(body, issue));
  const more = issues.length > 4 ? ` (and ${issues.length - 4} more)` : '';
  return `answer was not as expected: ${parts.join('; ')}${more}`;
}

/** One issue as "path: what", the path relative to `root`, with a missing field said as "missing". */
export function describeIssue(root: unknown, issue: z.core.$ZodIssue, prefix = ''): string {
  const path = `${prefix}${formatPath(issue.path, prefix !== '')}`;
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(root, issue.path) === undefined;
  const what = missing ? 'missing' : issueWords(issue);
  return path ? `${path}: ${what}` : what;
}

function issueWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') {
    const inner = issue.errors.flat();
    // A rule that the value broke says more than the list of types it was not.
    const specific = inner.find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_union');
    if (specific) return issueWords(specific);
    const expected = [...new Set(inner.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : [])))];
    if (expected.length > 0) return `expected ${expected.join(' or ')}`;
  }
  return issue.message.replace(/^Invalid input: /, '').replace(/, received .*$/, '');
}

function formatPath(path: readonly PropertyKey[], continued: boolean): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 && !continued ? String(p) : `.${String(p)}`))
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
