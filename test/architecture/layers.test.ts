import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of design.md, read off the source: where SQL may be written, who may write the audit log, and which
// folder may import which. A file that breaks a rule is named in the failure.

const root = path.resolve(import.meta.dirname, '../..');
const sources = readdirSync(path.join(root, 'main'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => {
    const file = path.posix.join('main', f.split(path.sep).join('/'));
    return { file, text: readFileSync(path.join(root, file), 'utf8') };
  });
const under = (...folders: string[]) => (file: string) => folders.some((f) => file.startsWith(`${f}/`));

/** Every module a file imports, as a path from the project root (or a package name). */
function importsOf({ file, text }: { file: string; text: string }): { target: string; typeOnly: boolean }[] {
  return [...text.matchAll(/^import (type )?[^'"]*?from '([^']+)'/gm)].map((m) => ({
    typeOnly: m[1] !== undefined,
    target: m[2]!.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), m[2]!)) : m[2]!,
  }));
}

function offenders(files: (file: string) => boolean, bad: (text: string) => boolean): string[] {
  return sources.filter((s) => files(s.file) && bad(s.text)).map((s) => s.file);
}

describe('the layers inside main/', () => {
  it('writes SQL only in the store', () => {
    expect(offenders((f) => !under('main/core/store')(f), (t) => /\bprepare\(|\bSELECT\s|\bINSERT\s|\bUPDATE\s+\w+\s+SET\b/.test(t))).toEqual([]);
  });

  it('writes the audit log only in the store and the application layer', () => {
    expect(offenders((f) => !under('main/core/store', 'main/core/app')(f), (t) => /audit\.append\(/.test(t))).toEqual([]);
  });

  it('lets the front doors reach the core only through its application layer', () => {
    // What the composition root is handed (the keychain, the clock) is the front door's to choose; the rest goes through the app.
    const allowed = [/^main\/core\/app\//, /^main\/core\/create-core$/, /^main\/core\/errors$/, /^main\/core\/data-dir$/, /^main\/core\/secrets\/keytar-keychain$/, /^main\/core\/clock$/];
    const typesAllowed = [/^main\/core\/audit\/vocabulary$/, /^main\/core\/engine\/engine-api$/];
    const wrong = sources
      .filter((s) => under('main/cli', 'main/electron')(s.file))
      .flatMap((s) =>
        importsOf(s)
          .filter(({ target, typeOnly }) => target.startsWith('main/core/') && !allowed.some((a) => a.test(target)) && !(typeOnly && typesAllowed.some((a) => a.test(target))))
          .map(({ target }) => `${s.file} -> ${target}`),
      );
    expect(wrong).toEqual([]);
    // …and use of the core object is its app, its user (for the Actor) and closing it.
    const members = offenders(under('main/cli', 'main/electron'), (t) => [...t.matchAll(/\bcore\.(\w+)/g)].some((m) => !['app', 'user', 'close'].includes(m[1]!)));
    expect(members).toEqual([]);
  });

  it('keeps each part of core to its own layer', () => {
    const rules: [string, RegExp][] = [
      ['main/core/providers', /^main\/(core\/(store|app|engine|sheets|exports)|sandbox|cli|electron)\//],
      ['main/core/store', /^main\/(core\/(app|engine|providers|sheets|exports)|sandbox|cli|electron)\//],
      ['main/core/engine', /^main\/(core\/app|sandbox|cli|electron)\//],
      ['main/core/sheets', /^main\/(core\/(app|exports|store|engine)|cli|electron)\/|create-core$/],
      ['main/core/exports', /^main\/(core\/(app|store|engine)|cli|electron)\/|create-core$/],
      ['main/core/app', /^main\/(cli|electron|sandbox)\//],
      ['main/core', /^electron$|^main\/(cli|electron)\//],
      ['main/sandbox', /^main\/core\/(?!clock$|errors$|fs\/)/],
    ];
    const wrong = rules.flatMap(([folder, forbidden]) =>
      sources.filter((s) => under(folder)(s.file)).flatMap((s) => importsOf(s).filter(({ target }) => forbidden.test(target)).map(({ target }) => `${s.file} -> ${target}`)),
    );
    expect(wrong).toEqual([]);
  });

  it('leaves the sandbox’s fault code to tests, the bench and its own process', () => {
    const importers = sources.filter((s) => importsOf(s).some(({ target }) => /^main\/sandbox\/(fault-instruments|faults|admin-handlers)$/.test(target))).map((s) => s.file);
    expect(importers.sort()).toEqual(['main/sandbox/admin-handlers.ts', 'main/sandbox/fault-instruments.ts', 'main/sandbox/serve.ts']);
  });
});
