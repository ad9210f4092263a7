import { describe, expect, it } from 'vitest';
import { parseOrderLinesCsv as parseCsvLines } from '../../main/core/orders/parse-lines-csv';

describe('a CSV of order lines', () => {
  it('reads sku, amount, qty rows after an optional header, keeping each row number', () => {
    const r = parseCsvLines('sku,amount,qty\r\nWWQ651BHNWSH,25,10\n\n"BIG,W",$12.50,3\n');
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      { row: 2, sku: 'WWQ651BHNWSH', faceValueCents: 2500, quantity: 10 },
      { row: 4, sku: 'BIG,W', faceValueCents: 1250, quantity: 3 },
    ]);
  });

  it('reports every bad row with its number and column, and keeps no bad row as a line', () => {
    const r = parseCsvLines('SKU1,25,2\nSKU2,25.505,1\n,10,1\nSKU4,10,0\nSKU5,10\nSKU6,10,1.5\nSKU7,-5,1');
    expect(r.lines.map((l) => l.row)).toEqual([1]);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'amount'],
      [3, 'sku'],
      [4, 'qty'],
      [5, 'row'],
      [6, 'qty'],
      [7, 'amount'],
    ]);
    expect(r.errors[0]!.message).toContain('"25.505"');
  });

  it('says so when a file holds no lines at all', () => {
    expect(parseCsvLines('sku,amount,qty\n\n').errors).toEqual([{ row: 1, field: 'row', message: 'The file has no order lines.' }]);
  });

  it('takes the columns in the order a header names them, and quoted cells that span lines', () => {
    const r = parseCsvLines('qty,sku,amount\n5,"A\nB",10.00\n2,C,7\n');
    expect(r.errors).toEqual([]);
    expect(r.lines.map(({ sku, faceValueCents, quantity }) => [sku, faceValueCents, quantity])).toEqual([
      ['A\nB', 1000, 5],
      ['C', 700, 2],
    ]);
  });

  it('refuses a header that does not name every column', () => {
    expect(parseCsvLines('sku,price,qty\nA,1,1\n').errors).toEqual([{ row: 1, field: 'row', message: 'The header must name the columns sku, amount and qty.' }]);
  });

  it('says where a quote is never closed rather than reading the rest of the file as one cell', () => {
    const r = parseCsvLines('sku,amount,qty\nA,5,1\n"B,5,1\nC,5,1\n');
    expect(r.lines).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ field: 'row', message: expect.stringMatching(/cannot be read as CSV.*quote/i) });
    expect(r.errors[0]!.row).toBeGreaterThanOrEqual(3);
  });
});
