// The Settings page's preferences through the application layer: defaults until chosen, each rule refusing what it
// does not allow (naming the setting), a change kept across a restart with its audit entry, and no entry for no change.
import { expect, test } from 'vitest';
import { ValidationError } from '../../main/core/errors';
import { openCore, person } from '../support/core';
import { tempDir } from '../support/temp-dir';

test('settings start at their defaults, refuse what their rule does not allow, and are kept and audited when changed', async () => {
  const dataDir = tempDir();
  const core = await openCore(dataDir);
  const sam = person('sam');
  expect(core.app.settings.all(sam)).toEqual({ clipboardSeconds: 30, defaultLayout: 'a4-10', defaultScratch: false, pollEverySeconds: null, lowBalanceCents: null });

  expect(() => core.app.settings.change(sam, { key: 'clipboardSeconds', value: 2 })).toThrow(ValidationError);
  const refusal = (change: () => unknown): unknown => {
    try {
      change();
    } catch (err) {
      return err;
    }
    return null;
  };
  expect(refusal(() => core.app.settings.change(sam, { key: 'pollEverySeconds', value: 5 }))).toMatchObject({ field: 'pollEverySeconds' });
  expect(() => core.app.settings.change(sam, { key: 'defaultLayout', value: 'a3-99' as 'a4-10' })).toThrow(ValidationError);

  core.app.settings.change(sam, { key: 'clipboardSeconds', value: 60 });
  core.app.settings.change(sam, { key: 'defaultLayout', value: 'avery-5371' });
  core.app.settings.change(sam, { key: 'lowBalanceCents', value: 50_000 });
  // The same value again is no change, and no entry.
  core.app.settings.change(sam, { key: 'lowBalanceCents', value: 50_000 });
  await core.close();

  const again = await openCore(dataDir);
  try {
    expect(again.app.settings.all(sam)).toMatchObject({ clipboardSeconds: 60, defaultLayout: 'avery-5371', lowBalanceCents: 50_000 });
    const entries = again.app.audit.page(sam, { actions: ['settings.change'] }).entries;
    expect(entries.map((e) => [e.actor.user, e.details])).toEqual([
      ['sam', { setting: 'lowBalanceCents', from: null, to: 50_000 }],
      ['sam', { setting: 'defaultLayout', from: 'a4-10', to: 'avery-5371' }],
      ['sam', { setting: 'clipboardSeconds', from: 30, to: 60 }],
    ]);
  } finally {
    await again.close();
  }
}, 60_000);
