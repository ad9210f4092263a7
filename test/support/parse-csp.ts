/**
 * Parses a serialized CSP the way browsers do (CSP Level 3, "parse a serialized CSP"): directives split on ';',
 * names are ASCII-lowercased, the first occurrence of a directive wins and later duplicates are ignored.
 */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const token of policy.split(';')) {
    const parts = token.trim().split(/[\t\n\f\r ]+/).filter(Boolean);
    const [name, ...values] = parts;
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, values);
  }
  return directives;
}

const FETCH_DIRECTIVES = ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'media-src', 'object-src', 'frame-src', 'worker-src', 'child-src', 'manifest-src'];

/** The sources that govern `directive`, following the CSP3 fallback list to default-src. */
export function effectiveSources(csp: Map<string, string[]>, directive: string): string[] | undefined {
  const fallbacks: Record<string, string[]> = {
    'script-src': ['script-src', 'default-src'],
    'style-src': ['style-src', 'default-src'],
    'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
    'frame-src': ['frame-src', 'child-src', 'default-src'],
  };
  for (const name of fallbacks[directive] ?? [directive, 'default-src']) {
    const sources = csp.get(name);
    if (sources) return sources;
  }
  return undefined;
}

export { FETCH_DIRECTIVES };
