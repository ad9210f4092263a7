import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Core } from '../../../main/core/create-core';
import type { UnlockPrompt } from '../../../main/core/app/vault/unlock-dialogue';
import { createAutoLock, type AutoLock } from '../../../main/electron/auto-lock';
import { toAppLock } from '../../../main/electron/ipc-register';
import { dispatch } from '../../../main/electron/ipc/dispatch';
import { createEventPush, type EventPush } from '../../../main/electron/ipc/event-push';
import { handlers } from '../../../main/electron/ipc/handlers';
import { desktopContext, type DesktopOutputs, type IpcContext } from '../../../main/electron/ipc/ipc-context';
import { openThroughGate } from '../../../main/electron/start/open-through-gate';
import { createStartGate } from '../../../main/electron/start/start-gate';
import { storeOpened } from '../../../main/electron/start/store-opened';
import { channels, type AppEvent } from '../../../shared/ipc/contract';
import { bridgeRoutes } from './bridge-server';
import { serveStatic } from './static-server';

const root = path.resolve(import.meta.dirname, '../../..');
export const SCREENS_DIR = path.join(root, 'test-results', 'screens');

export interface AppHarness {
  page: Page;
  /** Every answer and event that reached the page, serialized as it crossed. */
  traffic: string[];
  screenshot(name: string): Promise<void>;
  /**
   * `name-WIDTH-SCHEME` at 1024×768 and 1600×1000, light and dark, each after `ready` (to scroll a part into view),
   * failing where the page scrolls sideways; then back to the usual 1280×800, light.
   */
  screenshotEverySize(name: string, ready?: () => Promise<void>, sizes?: readonly (readonly [{ width: number; height: number }, 'light' | 'dark'])[]): Promise<void>;
  close(): Promise<void>;
}

const EVERY_SIZE = [
  [{ width: 1024, height: 768 }, 'light'],
  [{ width: 1024, height: 768 }, 'dark'],
  [{ width: 1600, height: 1000 }, 'light'],
  [{ width: 1600, height: 1000 }, 'dark'],
] as const;

/** 1024×768 and 1440×900, light and dark: the sizes the records screens (audit, reports, settings) are looked at in. */
export const LAPTOP_SIZES = [
  [{ width: 1024, height: 768 }, 'light'],
  [{ width: 1024, height: 768 }, 'dark'],
  [{ width: 1440, height: 900 }, 'light'],
  [{ width: 1440, height: 900 }, 'dark'],
] as const;

/** Where the browser suite's setup built the renderer once (build-renderer-once.ts); unset in a run without it. */
export const BUILT_RENDERER_ENV = 'GIFTDESK_TEST_RENDERER';

/** Builds the renderer into `outDir` with the project's own Vite config, or copies the build the suite made. */
export function buildRenderer(outDir: string): void {
  const built = process.env[BUILT_RENDERER_ENV];
  if (built) {
    cpSync(built, outDir, { recursive: true });
    return;
  }
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

interface OpenOptions {
  lock?: AutoLock;
  outputs?: DesktopOutputs;
}

/**
 * The built renderer in Debian's Chromium, talking to a real core through the same bridge the preload exposes and
 * the same dispatch, handlers and event push main registers (the sender check, which needs Electron's frames, is the
 * one part left out). This one opens on a core a test already opened: the app starts unlocked.
 */
export async function openApp(core: Core, rendererDir: string, options: OpenOptions = {}): Promise<AppHarness> {
  const lock = options.lock ?? createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0 });
  const context = desktopContext({ core: () => core, lock: toAppLock(lock), outputs: options.outputs ?? null });
  const harness = await launch(rendererDir, context, (send) => createEventPush({ context, lock, send }));
  harness.push.storeOpened();
  await harness.page.goto(harness.url);
  return harness;
}

/**
 * The app as it starts: the window shows the passcode screen (or the first run) while the store is opened through
 * the lock channels, exactly as main does it (start/open-through-gate.ts, start/store-opened.ts). `core` resolves
 * once the person at the page has opened the store.
 */
export async function openAppAtStart(
  rendererDir: string,
  start: { open: (unlock: UnlockPrompt) => Promise<Core>; restore?: (file: string, unlock: UnlockPrompt) => Promise<unknown> },
  options: OpenOptions = {},
): Promise<AppHarness & { core: Promise<Core> }> {
  const lock = options.lock ?? createAutoLock({ idleLimitMs: 60_000, idleMs: () => 0, initialState: 'locked' });
  const gate = createStartGate();
  let core: Core | null = null;
  const context = desktopContext({ core: () => core, lock: toAppLock(lock), outputs: options.outputs ?? null, start: gate });
  const harness = await launch(rendererDir, context, (send) => createEventPush({ context, lock, start: gate, send }));
  const opened = openThroughGate({
    gate,
    open: () => start.open(gate.prompt),
    restore: (file) => (start.restore ? start.restore(file, gate.prompt) : Promise.reject(new Error('no restore in this test'))),
  }).then(async (c) => {
    core = c;
    await storeOpened({ core: c, autoLock: lock, start: gate, push: harness.push });
    return c;
  });
  opened.catch(() => undefined);
  await harness.page.goto(harness.url);
  return { ...harness, core: opened };
}

async function launch(rendererDir: string, ipc: IpcContext, makePush: (send: (event: AppEvent) => void) => EventPush): Promise<AppHarness & { url: string; push: EventPush }> {
  const traffic: string[] = [];
  const bridge = bridgeRoutes(async (channel, payload) => {
    const answer = await dispatch(channels, handlers, channel, payload, ipc);
    traffic.push(JSON.stringify(answer));
    return answer;
  });
  const server = await serveStatic(rendererDir, bridge.handle);
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await context.addInitScript({ content: await bridgeScript() });
  const page = await context.newPage();
  // What registerIpc sends to the window, delivered to the page's bridge instead.
  const push = makePush((event) => {
    traffic.push(JSON.stringify(event));
    bridge.emit(event.name, event.payload);
  });
  mkdirSync(SCREENS_DIR, { recursive: true });
  return {
    page,
    traffic,
    url: server.url,
    push,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
    },
    screenshotEverySize: async (name, ready, sizes = EVERY_SIZE) => {
      for (const [size, scheme] of sizes) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await ready?.();
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > size.width) throw new Error(`${name}: the page is ${scrollWidth} px wide in a ${size.width} px window`);
        await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${size.width}-${scheme}.png`) });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme: 'light' });
    },
    close: async () => {
      push.stop();
      bridge.close();
      await browser.close();
      await server.close();
    },
  };
}
