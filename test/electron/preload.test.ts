import { describe, expect, it, vi } from 'vitest';

// The preload runs inside the sandboxed renderer; here `electron` is replaced by a recorder so what the preload
// exposes to the page can be inspected. Nothing it exposes may be, or reach, ipcRenderer or another Electron API.
const exposed = new Map<string, unknown>();
const ipcRenderer = { invoke: vi.fn(), send: vi.fn(), on: vi.fn(), sendSync: vi.fn() };
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
  webFrame: {},
  shell: {},
}));

function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return [];
  seen.add(value);
  const out: unknown[] = [value];
  for (const key of Reflect.ownKeys(value as object)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && 'value' in d) out.push(...reachable(d.value, seen));
  }
  return out;
}

describe('the preload', () => {
  it('exposes only the giftdesk bridge, and no part of it is ipcRenderer or one of its methods', async () => {
    await import('../../main/electron/preload');
    expect([...exposed.keys()]).toEqual(['giftdesk']);
    const everything = reachable(exposed.get('giftdesk'));
    const forbidden = [ipcRenderer, ...Object.values(ipcRenderer)];
    for (const value of everything) expect(forbidden).not.toContain(value);
  });
});
