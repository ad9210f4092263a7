import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { runCli, jsonLines } from '../support/cli';
import { openCore } from '../support/core';
import { readCsv } from '../support/csv-rows';
import { fakeCards } from '../support/fake-cards';
import { moveOrderTo } from '../support/order-states';
import { storeOrder } from '../support/order-with-cards';
import { tempDir } from '../support/temp-dir';
import { mustRun, pdfText, scanPdf } from '../support/tools';

/** A data folder holding one complete order of these cards, closed again so the CLI can open it. */
async function folderWith(cards: ReturnType<typeof fakeCards>): Promise<{ dataDir: string; orderId: number }> {
  const dataDir = path.join(tempDir(), 'data');
  const core = await openCore(dataDir, { sandbox: false });
  const orderId = storeOrder(core, cards);
  moveOrderTo(core.orders, orderId, 'complete');
  await core.close();
  return { dataDir, orderId };
}

async function withCore<T>(dataDir: string, use: (core: Core) => T): Promise<T> {
  const core = await openCore(dataDir, { sandbox: false });
  try {
    return use(core);
  } finally {
    await core.close();
  }
}

const scanValueOf = (core: Core, cardId: number) => {
  const c = core.cards.get(cardId)!;
  return c.barcode ?? c.number!;
};

describe('a hand-out of 40 from 100 cards in stock, at the command line', () => {
  test('its sheet scans to exactly its 40 cards, a second hand-out cannot take them, and issuing refuses what it must', async () => {
    const { dataDir } = await folderWith(fakeCards(100));
    const out = tempDir();

    const created = await runCli(dataDir, ['--json', 'handout', 'create', '--name', 'Volunteers night', '--date', '2026-03-14', '--take', 'TESTSKU:25.00:40']);
    expect(created.code, created.stderr).toBe(0);
    const summary = jsonLines(created.stdout).at(-1)!;
    expect(summary).toMatchObject({ handout: 1, name: 'Volunteers night', cards: 40, reserved: 40 });

    const sheet = path.join(out, 'sheet.pdf');
    const printed = await runCli(dataDir, ['sheet', '--handout', '1', '--layout', 'avery-5371', '--text', 'Thank you for volunteering!', '--out', sheet]);
    expect(printed.code, printed.stderr).toBe(0);
    const inFirst = await withCore(dataDir, (core) => core.app.custody.showHandout({ via: 'cli', user: 't' }, 1).cardList.map((c) => scanValueOf(core, c.cardId)));
    expect(scanPdf(sheet, out).code128.sort()).toEqual([...inFirst].sort());
    expect(pdfText(sheet).text.split('Thank you for volunteering!').length - 1).toBe(40);

    const tooMany = await runCli(dataDir, ['handout', 'create', '--name', 'Picnic', '--take', 'TESTSKU:25.00:61']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr.trim().split('\n')).toHaveLength(1);
    expect(tooMany.stderr).toMatch(/^take: .*61 asked, 60 in stock/);
    const second = await runCli(dataDir, ['--json', 'handout', 'create', '--name', 'Picnic', '--take', 'TESTSKU:25.00:60']);
    expect(second.code, second.stderr).toBe(0);
    const inSecond = await withCore(dataDir, (core) => core.app.custody.showHandout({ via: 'cli', user: 't' }, 2).cardList.map((c) => scanValueOf(core, c.cardId)));
    expect(inSecond.filter((v) => inFirst.includes(v))).toEqual([]);

    // Scanned values come on stdin, one per line: no card number is ever on the command line.
    const issued = await runCli(dataDir, ['--json', 'issue', '1', '--scan', '--to', 'Robin'], `${inFirst[0]}\n${inFirst[1]}\n`);
    expect(issued.code, issued.stderr).toBe(0);
    expect(jsonLines(issued.stdout).map((l) => l.outcome)).toEqual(['issued', 'issued']);
    const again = await runCli(dataDir, ['issue', '1', '--scan'], `${inFirst[2]}\n${inFirst[0]}\n`);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^scan: line 2: card ••\d{4} was already issued at .* to Robin\. None of the cards was issued\.\n$/);
    const other = await runCli(dataDir, ['issue', '1', '--scan'], `${inSecond[0]}\n`);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^scan: line 1: card ••\d{4} is not in this hand-out \(it is in hand-out 2, "Picnic"\)/);

    const shown = jsonLines(await runCli(dataDir, ['--json', 'handout', 'show', '1']).then((r) => r.stdout));
    expect(shown[0]).toMatchObject({ handout: 1, issued: 2, reserved: 38 });
    const someCard = shown.find((l) => l.state === 'reserved')!.card as number;
    const voided = await runCli(dataDir, ['void', String(someCard), '--reason', 'torn at the table']);
    expect(voided.code, voided.stderr).toBe(0);
    expect((await runCli(dataDir, ['void', '999999', '--reason', 'x'])).stderr).toMatch(/^card: No card with id 999999/);
    expect((await runCli(dataDir, ['void', String(someCard), '--reason', 'again'])).stderr).toMatch(/^card: Card \d+ is void: it cannot be voided\. Nothing was changed\./);

    const back = await runCli(dataDir, ['--json', 'handout', 'return', '1']);
    expect(jsonLines(back.stdout).at(-1)).toMatchObject({ handout: 1, issued: 2, reserved: 0, returned: 37, void: 1 });

    const record = path.join(out, 'record.pdf');
    expect((await runCli(dataDir, ['handout', 'record', '1', '--out', record])).code).toBe(0);
    const text = pdfText(record).text;
    expect(text).toContain('Hand-out record: Volunteers night');
    expect(text).toContain('Signature');
    expect(text).toMatch(/Issued: 2 cards, A\$50\.00/);
    expect(text.split('Robin').length - 1).toBe(2);
    for (const v of inFirst) expect(text).not.toContain(v);

    const stock = jsonLines((await runCli(dataDir, ['--json', 'stock'])).stdout);
    expect(stock).toEqual([expect.objectContaining({ sku: 'TESTSKU', 'in-stock': 37, reserved: 60, issued: 2, void: 1, cancelled: 0, stored: 100 })]);
    // Sixteen runs of the CLI, each opening the encrypted store: minutes on a busy machine.
  }, 300_000);
});

describe('a recipient list', () => {
  const header = 'name,contact,reference,sku,amount';
  const rows = Array.from({ length: 200 }, (_, i) => `Volunteer ${i + 1},v${i + 1}@example.org,${i % 3 === 0 ? 'Kitchen' : ''},TESTSKU,25.00`);

  test('with one bad row names the row and reserves nothing; corrected, its export pairs each recipient with one card', async () => {
    const { dataDir } = await folderWith(fakeCards(250));
    const dir = tempDir();
    const bad = [...rows];
    bad[56] = 'Volunteer 57,v57@example.org,,TESTSKU,twenty';
    writeFileSync(path.join(dir, 'bad.csv'), `${header}\n${bad.join('\n')}\n`);
    const refused = await runCli(dataDir, ['handout', 'create', '--name', 'Gala', '--recipients', path.join(dir, 'bad.csv')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('recipients: row 58, amount: "twenty" is not an amount such as 25 or 25.50. Nothing was reserved.\n');
    expect(jsonLines((await runCli(dataDir, ['--json', 'stock'])).stdout)[0]).toMatchObject({ 'in-stock': 250, reserved: 0 });
    expect((await runCli(dataDir, ['handout', 'list'])).stdout).toBe('');

    // A formula in a cell of the list reaches the file as text, never as a formula.
    const good = [...rows];
    good[9] = 'Volunteer 10,"=HYPERLINK(""http://evil"")",Kitchen,TESTSKU,25.00';
    writeFileSync(path.join(dir, 'good.csv'), `${header}\n${good.join('\n')}\n`);
    const made = await runCli(dataDir, ['--json', 'handout', 'create', '--name', 'Gala', '--recipients', path.join(dir, 'good.csv')]);
    expect(made.code, made.stderr).toBe(0);
    expect(jsonLines(made.stdout).at(-1)).toMatchObject({ handout: 1, name: 'Gala', cards: 200, source: 'recipients' });

    const zip = path.join(dir, 'gala.zip');
    const passphrase = 'correct horse battery staple gala';
    const exported = await runCli(dataDir, ['export', '--handout', '1', '--format', 'zip', '--out', zip], `${passphrase}\n`);
    expect(exported.code, exported.stderr).toBe(0);
    mustRun('7z', ['x', `-o${path.join(dir, 'out')}`, zip], `${passphrase}\n`);
    const [head, ...lines] = readCsv(path.join(dir, 'out', 'cards.csv'));
    expect(head).toEqual(['order_reference', 'product', 'sku', 'card_number', 'pin', 'amount', 'currency', 'expiry', 'barcode', 'url', 'activation_code', 'sandbox', 'recipient_name', 'recipient_contact', 'recipient_reference']);
    const [number, name, contact, reference] = ['card_number', 'recipient_name', 'recipient_contact', 'recipient_reference'].map((c) => head!.indexOf(c));
    expect(lines).toHaveLength(200);
    expect(lines.map((l) => l[name!])).toEqual(good.map((r) => r.split(',')[0]));
    expect(lines[9]![contact!]).toBe('\'=HYPERLINK("http://evil")');
    expect(lines[0]![reference!]).toBe('Kitchen');
    expect(lines[1]![reference!]).toBe('');
    expect(new Set(lines.map((l) => l[number!])).size).toBe(200);
    const inHandout = await withCore(dataDir, (core) => core.app.custody.showHandout({ via: 'cli', user: 't' }, 1));
    const numberOf = await withCore(dataDir, (core) => new Map(inHandout.cardList.map((c) => [core.cards.get(c.cardId)!.number!, c.recipient!.name])));
    for (const l of lines) expect(numberOf.get(l[number!]!)).toBe(l[name!]);
  }, 240_000);
});
