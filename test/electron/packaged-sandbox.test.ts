import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { bundleWorker } from '../support/bundle-worker';

// The sandbox's fault layer and its /__sandbox/* admin routes are for tests and the bench. They are plugged in through
// createCore's options, never imported by the app, so the desktop bundle must not carry them: on a shipped app any
// program on the machine could otherwise switch the sandbox's faults or read its counters.

test('the desktop main bundle holds the sandbox but none of its fault or admin code', async () => {
  const bundle = readFileSync(await bundleWorker('main/electron/main.ts'), 'utf8');
  // The sandbox itself is there (sandbox accounts work in the app)…
  expect(bundle).toContain('Sandbox internal error');
  expect(bundle).toContain('startSandbox');
  // …its fault switches and admin routes are not.
  for (const marker of ['/__sandbox', 'FaultDice', 'createFaultInstruments', 'dropAfterAcceptRate', 'latencySpikeRate', 'rate.limit.exceeded', 'Too many requests, slow down', '502 Bad Gateway']) {
    expect(bundle, marker).not.toContain(marker);
  }
});
