import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Runs a real command-line tool; input goes to its stdin (how secrets reach it). */
export function tool(command: string, args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function mustRun(command: string, args: string[], input?: string): string {
  const r = tool(command, args, input);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Every Code 128 and QR symbol zbarimg finds on every page, rasterised by pdftoppm at the given resolution. */
export function scanPdf(pdf: string, dir: string, dpi = 200): { code128: string[]; qr: string[]; i25: string[] } {
  mustRun('pdftoppm', ['-r', String(dpi), '-gray', pdf, path.join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.pgm')).map((f) => path.join(dir, f));
  const r = tool('zbarimg', ['-q', '-Sdisable', '-Scode128.enable', '-Sqrcode.enable', '-Si25.enable', ...pages]);
  // zbarimg exits 4 when some image has no symbol at all; that is a failure for us too, shown by the counts.
  if (r.status !== 0 && r.status !== 4) throw new Error(`zbarimg failed (${r.status}): ${r.stderr}`);
  const code128: string[] = [];
  const qr: string[] = [];
  const i25: string[] = [];
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('CODE-128:')) code128.push(line.slice('CODE-128:'.length));
    else if (line.startsWith('QR-Code:')) qr.push(line.slice('QR-Code:'.length));
    else if (line.startsWith('I2/5:')) i25.push(line.slice('I2/5:'.length));
  }
  return { code128, qr, i25 };
}

export function pdfText(pdf: string, password?: string): { status: number | null; text: string } {
  // A throwaway test password on the command line: poppler has no other way to take it.
  const r = tool('pdftotext', [...(password ? ['-upw', password] : []), pdf, '-']);
  return { status: r.status, text: r.stdout };
}

export function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
