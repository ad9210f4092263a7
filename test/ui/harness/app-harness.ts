import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Core } from '../../../main/core/create-core';
import type { AutoLock } from '../../../main/electron/auto-lock';
import { toAppLock } from '../../../main/electron/ipc-register';
import { watchAppEvents } from '../../../main/electron/ipc/app-events';
import { dispatch } from '../../../main/electron/ipc/dispatch';
import { handlers } from '../../../main/electron/ipc/handlers';
import type { DesktopOutputs, IpcContext } from '../../../main/electron/ipc/ipc-context';
import { channels, type AppEvent } from '../../../shared/ipc/contract';
import { serveStatic } from './static-server';

const root = path.resolve(import.meta.dirname, '../../..');
export const SCREENS_DIR = path.join(root, 'test-results', 'screens');

export interface AppHarness {
  page: Page;
  /** Every answer and event that reached the page, serialized as it crossed. */
  traffic: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds the renderer into `outDir` with the project's own Vite config. */
export function buildRenderer(outDir: string): void {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
}

async function bridgeScript(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'page-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * The built renderer in Debian's Chromium, talking to a real core through the same bridge the preload exposes and
 * the same dispatch and handlers main registers (the sender check, which needs Electron's frames, is the one part left out).
 */
export async function openApp(core: Core, rendererDir: string, options: { lock?: AutoLock; outputs?: DesktopOutputs } = {}): Promise<AppHarness> {
  const ipc: IpcContext = {
    app: core.app,
    actor: { via: 'desktop', user: core.user },
    lock: options.lock ? toAppLock(options.lock, async () => true) : null,
    outputs: options.outputs ?? null,
  };
  const server = await serveStatic(rendererDir);
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const traffic: string[] = [];
  await context.exposeBinding('__giftdeskInvoke', async (_source, channel: unknown, payload: unknown) => {
    const answer = await dispatch(channels, handlers, channel, payload, ipc);
    traffic.push(JSON.stringify(answer));
    return answer;
  });
  await context.addInitScript({ content: await bridgeScript() });
  const page = await context.newPage();
  // What registerIpc sends to the window, delivered to the page's bridge instead.
  const emit = (event: AppEvent): void => {
    traffic.push(JSON.stringify(event));
    page.evaluate(([name, payload]) => window.__giftdeskEmit(name as string, payload), [event.name, event.payload] as const).catch(() => undefined);
  };
  const stopEvents = watchAppEvents(core.app, ipc.actor, emit);
  const stopLock = options.lock?.subscribe((e) => emit({ name: 'lock.state', payload: { locked: e.state === 'locked' } }));
  await page.goto(server.url);
  mkdirSync(SCREENS_DIR, { recursive: true });
  return {
    page,
    traffic,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
    },
    close: async () => {
      stopEvents();
      stopLock?.();
      await browser.close();
      await server.close();
    },
  };
}
