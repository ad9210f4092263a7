// The browser suite's global setup: the renderer built once for the run (each file used to build its own, ~3 s
// apiece); buildRenderer copies it where a file asks for it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_RENDERER_ENV, buildRenderer } from './app-harness';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-e2e-renderer-'));
  buildRenderer(dir);
  process.env[BUILT_RENDERER_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
