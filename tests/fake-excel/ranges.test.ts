// Range navigation and the range-shaped queries: used range, merged areas, special cells, getRanges.
import { createFakeExcel } from '../../src/preview/fake-excel/excel';
import { cellKey, createSheet, createWorkbookModel, readCell } from '../../src/preview/fake-excel/model';
import { fake, rejection } from './helpers';

describe('addresses and navigation', () => {
  test('address, indexes and counts; whole columns and the whole sheet', async () => {
    const { Excel } = fake({ 'Data 2024': { A1: 1 } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data 2024');
      const r = ws.getRange('$B$2:D5').load('address,rowIndex,columnIndex,rowCount,columnCount');
      const col = ws.getRange('C:C').load('address,rowIndex,rowCount,columnIndex');
      const all = ws.getRange().load('address,rowCount,columnCount');
      await ctx.sync();
      expect(r.address).toBe("'Data 2024'!B2:D5");
      expect([r.rowIndex, r.columnIndex, r.rowCount, r.columnCount]).toEqual([1, 1, 4, 3]);
      expect(col.address).toBe("'Data 2024'!C:C");
      expect([col.rowIndex, col.columnIndex, col.rowCount]).toEqual([0, 2, 1048576]);
      expect(all.address).toBe("'Data 2024'!1:1048576");
      expect([all.rowCount, all.columnCount]).toEqual([1048576, 16384]);
    });
  });

  test('getCell, getColumn, getResizedRange, getOffsetRange are relative', async () => {
    const { Excel } = fake({ S: { A1: 1 } });
    await Excel.run(async (ctx) => {
      const base = ctx.workbook.worksheets.getItem('S').getRange('B2:D6');
      const cell = base.getCell(1, 2).load('address');
      const outside = base.getCell(10, 0).load('address'); // may leave the range, not the sheet
      const col = base.getColumn(1).load('address');
      const resized = base.getResizedRange(-2, 1).load('address');
      const offset = base.getOffsetRange(3, -1).load('address');
      const chained = base.getOffsetRange(1, 0).getResizedRange(-1, 0).getColumn(0).load('address');
      await ctx.sync();
      expect(cell.address).toBe('S!D3');
      expect(outside.address).toBe('S!B12');
      expect(col.address).toBe('S!C2:C6');
      expect(resized.address).toBe('S!B2:E4');
      expect(offset.address).toBe('S!A5:C9');
      expect(chained.address).toBe('S!B3:B6');
    });
  });

  test('a range pushed off the sheet or a bad address fails with InvalidArgument', async () => {
    const { Excel } = fake({ S: {} });
    for (const make of [
      (ws: { getRange(a?: string): { getOffsetRange(r: number, c: number): { load(p: string): unknown } } }) => ws.getRange('A1').getOffsetRange(-1, 0).load('address'),
      (ws: { getRange(a?: string): { load(p: string): unknown } }) => ws.getRange('not an address').load('address'),
    ]) {
      const e = await rejection(
        Excel.run(async (ctx) => {
          make(ctx.workbook.worksheets.getItem('S') as never);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
  });

  test('getRanges gives RangeAreas with one range per area', async () => {
    const { Excel } = fake({ S: { A1: 1, D4: 'x' } });
    await Excel.run(async (ctx) => {
      const ra = ctx.workbook.worksheets.getItem('S').getRanges('A1:B2, D4').load('address');
      ra.load('areas/items/address,areas/items/values');
      await ctx.sync();
      expect(ra.address).toBe('S!A1:B2, S!D4');
      expect(ra.areas.items.map((r) => r.address)).toEqual(['S!A1:B2', 'S!D4']);
      expect(ra.areas.items[1].values).toEqual([['x']]);
    });
  });
});

describe('used range', () => {
  function model() {
    const m = createWorkbookModel({ sheets: [createSheet('S'), createSheet('Empty')] });
    const s = m.sheets[0];
    s.cells.set(cellKey(2, 1), { value: 10, numberFormat: 'General' }); // B3
    s.cells.set(cellKey(4, 3), { value: null, formula: '=B3*2', numberFormat: 'General' }); // D5 (formula)
    s.cells.set(cellKey(9, 6), { value: null, numberFormat: '0.00' }); // G10: format only
    return m;
  }

  test('bounding box of non-empty cells; valuesOnly ignores format-only cells', async () => {
    const { Excel } = createFakeExcel(model());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const withFormats = ws.getUsedRangeOrNullObject().load('address');
      const valuesOnly = ws.getUsedRangeOrNullObject(true).load('address,rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      expect(withFormats.address).toBe('S!B3:G10');
      expect(valuesOnly.address).toBe('S!B3:D5');
      expect([valuesOnly.rowIndex, valuesOnly.columnIndex, valuesOnly.rowCount, valuesOnly.columnCount]).toEqual([2, 1, 3, 3]);
    });
  });

  test('an empty sheet has a null used range', async () => {
    const { Excel } = createFakeExcel(model());
    await Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject();
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
    });
  });

  test('is pinned when first used: later writes do not move it', async () => {
    const { Excel } = createFakeExcel(model());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const used = ws.getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      ws.getRange('Z100').values = [[1]];
      used.load('address');
      await ctx.sync();
      expect(used.address).toBe('S!B3:D5');
    });
  });
});

describe('merged areas', () => {
  function withMerges(n = 0) {
    const m = createWorkbookModel({ sheets: [createSheet('S')] });
    m.sheets[0].merges.push({ top: 0, left: 0, bottom: 0, right: 3 }, { top: 5, left: 1, bottom: 7, right: 1 });
    for (let i = 0; i < n; i++) m.sheets[0].merges.push({ top: 100 + i, left: 0, bottom: 100 + i, right: 1 });
    return m;
  }

  test('merges intersecting the range, whole, as RangeAreas', async () => {
    const { Excel } = createFakeExcel(withMerges());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const both = ws.getRange('B1:B6').getMergedAreasOrNullObject().load('areas/items/address,areas/items/rowIndex,areas/items/columnCount');
      const none = ws.getRange('F1:F9').getMergedAreasOrNullObject();
      await ctx.sync();
      expect(both.areas.items.map((a) => a.address)).toEqual(['S!A1:D1', 'S!B6:B8']);
      expect(both.areas.items[0].columnCount).toBe(4);
      expect(both.areas.items[1].rowIndex).toBe(5);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('needs ExcelApi 1.13: older hosts throw ApiNotFound at the call', async () => {
    const { Excel } = createFakeExcel({ ...withMerges(), supportedSets: { ExcelApi: '1.12' } });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:D9').getMergedAreasOrNullObject();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });

  test('fails above 512 merged areas in the range, like Excel', async () => {
    const { Excel } = createFakeExcel(withMerges(600));
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:D800').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    );
    expect(e.message).toMatch(/512/);
  });
});

describe('special cells', () => {
  test('Formulas: cells with a formula, as rectangles', async () => {
    const { Excel } = fake({
      S: { A1: 1, A2: 2, B1: '=A1*2', B2: '=A2*2', C1: '=B1+1', C2: '=B2+1', B4: '=SUM(A1:A2)', D1: 'text' },
    });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const f = ws.getRange('A1:D9').getSpecialCellsOrNullObject('Formulas').load('address');
      f.load('areas/items/formulas,areas/items/rowIndex,areas/items/columnIndex');
      const c = ws.getRange('A1:D9').getSpecialCellsOrNullObject('Constants').load('address');
      const none = ws.getRange('A1:A2').getSpecialCellsOrNullObject('Formulas');
      await ctx.sync();
      expect(f.address).toBe('S!B1:C2, S!B4');
      expect(f.areas.items[0].formulas).toEqual([
        ['=A1*2', '=B1+1'],
        ['=A2*2', '=B2+1'],
      ]);
      expect(f.areas.items[1]).toMatchObject({ rowIndex: 3, columnIndex: 1 });
      expect(c.address).toBe('S!A1:A2, S!D1');
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe('selection and sheets', () => {
  test('select() sets the selection and the active sheet; getSelectedRange reads it', async () => {
    const m = createWorkbookModel({ sheets: [createSheet('One'), createSheet('Two')] });
    const { Excel, model } = createFakeExcel(m);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Two').getRange('C3:D4').select();
      expect(model.selection).toBeUndefined(); // queued
      await ctx.sync();
      expect(model.selection).toEqual({ sheet: 'Two', address: 'C3:D4' });
      expect(model.activeSheet).toBe('Two');
      const sel = ctx.workbook.getSelectedRange().load('address');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect(sel.address).toBe('Two!C3:D4');
      expect(active.name).toBe('Two');
      ctx.workbook.worksheets.getItem('One').activate();
      await ctx.sync();
      expect(model.activeSheet).toBe('One');
    });
  });

  test('worksheets.add adds at the end without activating; duplicates fail', async () => {
    const { Excel, model } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Log Capaian');
      ws.getRange('A1').values = [['Waktu']];
      ws.load('name,position');
      await ctx.sync();
      expect(ws.name).toBe('Log Capaian');
      expect(ws.position).toBe(1);
    });
    expect(model.sheets.map((s) => s.name)).toEqual(['S', 'Log Capaian']);
    expect(model.activeSheet).toBe('S');
    expect(readCell(model.sheets[1], 0, 0)?.value).toBe('Waktu');
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('log capaian');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemAlreadyExists');
  });
});
