import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../support/cli';
import { engineRig, settled, wpayLine } from '../support/engine-harness';

// What a person sees of cards a provider sent that are not the order's: `cards ORDER` lists the order's own cards
// only, `cards ORDER --quarantined` the others with why, `orders` flags both orders when one card came in two.

describe('quarantined cards from the CLI', () => {
  it('lists an order’s own cards apart from its quarantined ones, masked unless revealed, and flags both orders of a card sent twice', async () => {
    const rig = await engineRig();
    const first = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(6, 5_000)], pollEverySeconds: 1 })).id);
    (await rig.sandbox()).setFaults({ hostile: ['cards-of-another-order'] });
    const second = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(6, 5_000)], pollEverySeconds: 1 })).id);
    (await rig.sandbox()).setFaults({ hostile: ['card-value-low'] });
    const low = await settled(rig.core, (await rig.place({ accountId: rig.account('wpay'), lines: [wpayLine(4, 5_000)], pollEverySeconds: 1 })).id);
    const firstNumbers = rig.core.cards.list(first.id).map((c) => c.number!);
    const lowCards = rig.core.quarantine.list(low.id);
    await rig.close();

    const own = await runCli(rig.dataDir, ['--json', 'cards', String(low.id)]);
    expect(own.code, own.stderr).toBe(0);
    expect(jsonLines(own.stdout)).toEqual([]);

    const kept = await runCli(rig.dataDir, ['--json', 'cards', String(low.id), '--quarantined']);
    expect(kept.code, kept.stderr).toBe(0);
    const lines = jsonLines<{ number: string; pin: string; amount: string; kind: string; reason: string }>(kept.stdout);
    expect(lines).toHaveLength(4);
    for (const [i, l] of lines.entries()) {
      expect(l).toMatchObject({ pin: '••••', amount: '5.00', kind: 'wrong-value', reason: 'A card of A$5.00 came back; the order is for line 1 (WWQ651BHNWSH) at A$50.00.' });
      expect(l.number).toBe(`${'•'.repeat(12)}${lowCards[i]!.number!.slice(-4)}`);
    }
    for (const c of lowCards) expect(kept.stdout).not.toContain(c.number!);

    const revealed = await runCli(rig.dataDir, ['--json', 'cards', String(low.id), '--quarantined', '--reveal']);
    expect(jsonLines<{ number: string; pin: string }>(revealed.stdout).map((l) => [l.number, l.pin])).toEqual(lowCards.map((c) => [c.number, c.pin]));

    const taken = await runCli(rig.dataDir, ['cards', String(second.id), '--quarantined']);
    expect(taken.stdout.trim().split('\n').map((l) => l.split('\t').slice(-2))).toEqual(
      firstNumbers.map(() => ['held-by-another-order', `The same card is already stored in order ${first.id} of this account.`]),
    );

    const orders = await runCli(rig.dataDir, ['--json', 'orders']);
    const byId = new Map(jsonLines<{ order: number; state: string; quarantined: number; cardsAlsoSentTo: unknown }>(orders.stdout).map((o) => [o.order, o]));
    expect(byId.get(first.id)).toMatchObject({ state: 'complete', quarantined: 0, cardsAlsoSentTo: [{ orderId: second.id, cards: 6 }] });
    expect(byId.get(second.id)).toMatchObject({ state: 'needs-attention', quarantined: 6, cardsAlsoSentTo: [] });
    const human = await runCli(rig.dataDir, ['orders']);
    expect(human.stdout).toContain(`6 of its cards also sent to order ${second.id}`);
  }, 180_000);
});
