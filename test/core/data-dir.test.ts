import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/core/data-dir';

describe('data folder', () => {
  it('defaults to the desktop app’s user-data folder', () => {
    expect(defaultDataDir({ HOME: '/home/ann' }, 'linux')).toMatch(/\.config[/\\]Giftdesk$/);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'Giftdesk'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toMatch(/Giftdesk$/);
  });

  it('is overridden by GIFTDESK_DATA_DIR', () => {
    expect(defaultDataDir({ GIFTDESK_DATA_DIR: '/srv/cards' }, 'linux')).toBe(path.resolve('/srv/cards'));
  });
});
