// The desktop screens after a year of use (issue 18's Targets): the built renderer in Chromium, as the e2e harness
// drives it, on a real core seeded with 1,000 orders, 250,000 cards and 100,000 audit entries. Every figure is taken
// in the browser, from the person's act (a click, a key) to the screen painted with what was asked for. Screens are
// found by their roles and labels, not their layout, so a rebuilt table is measured the same way.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { createCore } from '../../main/core/create-core';
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain';
import { maskCardNumber } from '../../shared/mask';
import { testVault } from '../../test/support/core';
import { withRawDb } from '../../test/support/raw-db';
import { buildRenderer, openApp } from '../../test/ui/harness/app-harness';
import { report, round } from '../measure';
import { seedYearOfUse, YEAR } from './year-of-use';

const IDLE_SECONDS = 5;

const root = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-bench-ui-'));
const dataDir = path.join(root, 'app');
try {
  const core = await createCore({ dataDir, keychain: createKeytarKeychain(), ...testVault(), sandbox: false });
  withRawDb(dataDir, (db) => seedYearOfUse(db, core.accounts.list()[0]!.id, Date.now()));
  const rendererDir = path.join(root, 'renderer');
  buildRenderer(rendererDir);
  const app = await openApp(core, rendererDir);
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  // The functions this bench runs in the page are compiled by tsx, which names them through a helper of its own.
  await page.context().addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.evaluate('globalThis.__name = (f) => f;');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  const revealLabel = (id: number) => {
    const c = core.cards.get(id)!;
    return `Reveal ${maskCardNumber(c.number, c.pin)}`;
  };
  const newestReference = `gd-year-${String(YEAR.orders - 1).padStart(4, '0')}`;
  const newestCard = revealLabel(YEAR.orders * YEAR.cardsPerOrder);

  // From an unlocked core to the overview painted with its figures (its stock panel comes with the one overview
  // query): the window loaded afresh, timed from the navigation's start by the page's own clock.
  await page.reload();
  const startMs = await page.evaluate(whenPainted, { text: 'Expiring within 30 days' });

  // Opening Orders from another screen, with every main-thread task of it watched.
  await nav('Settings').click();
  await heading.filter({ hasText: 'Settings' }).waitFor();
  await watchLongTasks(page);
  const ordersOpenMs = await act(page, nav('Orders'), 'click', { text: newestReference });
  await page.waitForTimeout(500);
  const ordersLongestTaskMs = await longestTask(page);
  const ordersIdleCpuPercent = await idleCpuPercent(cdp, page, IDLE_SECONDS);
  await scrollEverythingToTheEnd(page);

  // Cards: opened newest first (from a light screen, so that closing Orders is not counted), each end at once, and a
  // search by last digits.
  await nav('Settings').click();
  await heading.filter({ hasText: 'Settings' }).waitFor();
  const cardsOpenMs = await act(page, nav('Cards'), 'click', { label: newestCard });
  const jumps: number[] = [];
  const scroller = page.getByLabel(/^Card rows/);
  for (let i = 0; i < 3; i++) {
    jumps.push(await act(page, page.getByRole('button', { name: /Oldest$/ }), 'click', { label: revealLabel(1) }));
    jumps.push(await act(page, page.getByRole('button', { name: /Newest$/ }), 'click', { label: newestCard }));
  }
  await keyToTheEnd(scroller, page);
  const searches: number[] = [];
  for (const id of [125_001, 3, 249_998]) {
    const c = core.cards.get(id)!;
    await page.getByLabel('Card number or last digits').fill(c.number!.slice(-4));
    // Found when every card on screen is one of the matches, and as many as fit are there.
    const matches = [...new Set(core.cards.search({ number: c.number!.slice(-4), limit: 1000 }).map((m) => revealLabel(m.id)))];
    searches.push(await act(page, page.getByRole('button', { name: 'Search' }), 'click', { onlyReveals: matches }));
  }
  await act(page, page.getByRole('button', { name: 'Clear' }), 'click', { label: newestCard });

  // Audit log: the first page, the oldest at once, and pages read as the person scrolls either way.
  const entries = page.locator('[role=row][data-entry]');
  const ids = () => entries.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-entry'))));
  const audit: number[] = [];
  audit.push(await act(page, nav('Audit log'), 'click', { entryBelow: YEAR.auditEntries + 1 }));
  const auditScroller = page.getByLabel('Audit entries, scroll for older ones');
  for (let i = 0; i < 5; i++) audit.push(await act(page, auditScroller, 'scrollDown', { entryBelow: Math.min(...(await ids())) - 20 }));
  audit.push(await act(page, page.getByRole('button', { name: /Oldest$/ }), 'click', { entryBelow: 2 }));
  for (let i = 0; i < 5; i++) audit.push(await act(page, auditScroller, 'scrollUp', { entryAbove: Math.max(...(await ids())) }));
  await keyToTheEnd(auditScroller, page);

  // What the harness's stand-in for Electron's IPC adds to each call above: the middle of 21 small calls' round trips.
  const bridgeRoundTripMs = await page.evaluate(async () => {
    const trips: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      await window.giftdesk.settings.get({});
      trips.push(performance.now() - start);
    }
    return trips.sort((a, b) => a - b)[10]!;
  });

  const peakMemoryMb = rendererPeakRssMb();
  const heap = await metric(cdp, 'JSHeapUsedSize');
  await app.close();
  await core.close();
  report({
    ui: {
      startMs: round(startMs, 0),
      ordersOpenMs: round(ordersOpenMs, 0),
      ordersLongestTaskMs: round(ordersLongestTaskMs, 0),
      ordersIdleCpuPercent: round(ordersIdleCpuPercent, 2),
      cardsOpenMs: round(cardsOpenMs, 0),
      cardsJumpMs: round(Math.max(...jumps), 0),
      cardsSearchMs: round(Math.max(...searches), 0),
      auditPageMs: round(Math.max(...audit), 0),
      peakMemoryMb,
      bridgeRoundTripMs: round(bridgeRoundTripMs, 1),
      jsHeapAtEndMb: round(heap / 2 ** 20, 1),
    },
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}

/** What a screen shows once it has answered: text in the main area, a control by its label, entries of the log… */
type Shown = { text: string } | { label: string } | { onlyReveals: string[] } | { entryBelow: number } | { entryAbove: number };

/**
 * Milliseconds from an act (a click, a scroll) to the frame painted after the screen shows what was asked for, by
 * the page's own clock, checked every frame (Playwright's polling would add its own waits to the figure).
 */
async function act(page: Page, target: Locator, how: 'click' | 'scrollDown' | 'scrollUp', shown: Shown): Promise<number> {
  const el = await target.elementHandle();
  return page.evaluate(
    async ({ el, how, shown }) => {
      const start = performance.now();
      const node = el as HTMLElement;
      if (how === 'click') node.click();
      else node.scrollTo({ top: how === 'scrollDown' ? node.scrollHeight : 0 });
      const entryIds = () => [...document.querySelectorAll('[role=row][data-entry]')].map((e) => Number(e.getAttribute('data-entry')));
      const done = (): boolean => {
        if ('text' in shown) return document.querySelector('main')?.textContent?.includes(shown.text) ?? false;
        if ('label' in shown) return [...document.querySelectorAll('[aria-label]')].some((e) => e.getAttribute('aria-label') === shown.label);
        if ('onlyReveals' in shown) {
          const labels = [...document.querySelectorAll('button[aria-label^="Reveal "]')].map((e) => e.getAttribute('aria-label') ?? '');
          return labels.length >= Math.min(shown.onlyReveals.length, 10) && labels.every((l) => shown.onlyReveals.includes(l));
        }
        if ('entryBelow' in shown) return entryIds().some((id) => id < shown.entryBelow);
        return entryIds().some((id) => id > shown.entryAbove);
      };
      const frame = () => new Promise((next) => requestAnimationFrame(next));
      for (const until = start + 30_000; !done(); ) {
        if (performance.now() > until) throw new Error(`never shown: ${JSON.stringify(shown)}`);
        await frame();
      }
      await frame();
      return performance.now() - start;
    },
    { el, how, shown },
  );
}

/** In the page: milliseconds from the navigation's start to the frame painted after the main area shows the text. */
async function whenPainted({ text }: { text: string }): Promise<number> {
  const frame = () => new Promise((next) => requestAnimationFrame(next));
  while (!document.querySelector('main')?.textContent?.includes(text)) await frame();
  await frame();
  return performance.now();
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
}

/** The longest main-thread task since watching began; 0 when none reached the 50 ms a long task starts at. */
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

/** The renderer's main-thread busy time over a few idle seconds, as a share of them. */
async function idleCpuPercent(cdp: CDPSession, page: Page, seconds: number): Promise<number> {
  const before = await metric(cdp, 'TaskDuration');
  const start = performance.now();
  await page.waitForTimeout(seconds * 1000);
  const busy = (await metric(cdp, 'TaskDuration')) - before;
  return (busy * 100_000) / (performance.now() - start);
}

/** Scrolls every scrolling box on screen to its end until nothing more comes (an unvirtualized list, a long page). */
async function scrollEverythingToTheEnd(page: Page): Promise<void> {
  for (let i = 0, last = -1; i < 200; i++) {
    const height = await page.evaluate(() => {
      let total = 0;
      for (const el of document.querySelectorAll<HTMLElement>('*')) {
        if (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY)) {
          el.scrollTop = el.scrollHeight;
          total += el.scrollHeight;
        }
      }
      return total;
    });
    if (height === last) return;
    last = height;
    await page.waitForTimeout(100);
  }
}

/** End in a table's scroller, then up and down through it the way a person reads. */
async function keyToTheEnd(scroller: Locator, page: Page): Promise<void> {
  await scroller.focus();
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  for (let i = 0; i < 10; i++) {
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.waitForTimeout(80);
  }
}

/** The most resident memory any renderer process of this bench's browser reached (VmHWM), in MB. */
function rendererPeakRssMb(): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parents.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let peak = 0;
  for (const pid of parents.keys()) {
    if (!ours(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  if (peak === 0) throw new Error('no renderer process of this bench was found');
  return round(peak, 1);
}
