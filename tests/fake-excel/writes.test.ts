// Writing through the in-memory Excel: what a written value becomes, recalculation, formats,
// widths, and how failures leave the workbook (no transaction).
import { createFakeExcel } from '../../src/preview/fake-excel/excel';
import { getCell, readCell } from '../../src/preview/fake-excel/model';
import { estimateTextWidth } from '../../src/engine/textWidth';
import { fake, modelWith, rejection } from './helpers';

describe('values and formulas', () => {
  test('a formula is recalculated when its input changes', async () => {
    const { Excel, model } = fake({ S: { A1: 10, B1: 4, C1: '=A1/B1', D1: '=C1*2' } });
    expect(getCell(model, 'S', 'C1')?.value).toBe(2.5);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [[20]];
      const r = ws.getRange('C1:D1').load('values,formulas,text');
      await ctx.sync();
      expect(r.values).toEqual([[5, 10]]);
      expect(r.formulas).toEqual([['=A1/B1', '=C1*2']]);
      expect(r.text).toEqual([['5', '10']]);
      ws.getRange('B1').values = [[0]];
      r.load('values,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['#DIV/0!', '#DIV/0!']]);
      expect(r.valueTypes).toEqual([['Error', 'Error']]);
    });
  });

  test('a formula the evaluator cannot compute keeps its cached value', async () => {
    const { Excel, model } = fake({ S: { A1: 1 } });
    const cell = model.sheets[0].cells;
    cell.set('0,1', { value: 42, formula: '=VLOOKUP(A1,Other!A:B,2,FALSE)', numberFormat: 'General' });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[2]];
      await ctx.sync();
    });
    expect(getCell(model, 'S', 'B1')?.value).toBe(42);
  });

  test('"=…" written as a value becomes a formula; "\'=…" stays text without the apostrophe', async () => {
    const { Excel, model } = fake({ S: { A1: 3 } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B1:C1').values = [['=A1*2', "'=A1*2"]];
      const r = ws.getRange('B1:C1').load('values,formulas,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([[6, '=A1*2']]);
      expect(r.formulas).toEqual([['=A1*2', '=A1*2']]);
      expect(r.valueTypes).toEqual([['Double', 'String']]);
    });
    expect(getCell(model, 'S', 'B1')).toMatchObject({ formula: '=A1*2', value: 6 });
    expect(getCell(model, 'S', 'C1')?.formula).toBeUndefined();
  });

  test('number-like and other typed strings are converted like typing; Text format keeps them', async () => {
    const { Excel, model } = fake({ S: {} });
    model.sheets[0].cells.set('1,0', { value: null, numberFormat: '@' }); // A2 is Text
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:F1').values = [['12', '55.599.900,00', '12,5%', 'TRUE', '#N/A', '-A1']];
      ws.getRange('A2').values = [['=A1']];
      await ctx.sync();
    });
    expect(getCell(model, 'S', 'A1')?.value).toBe(12);
    expect(getCell(model, 'S', 'B1')?.value).toBe(55599900);
    expect(getCell(model, 'S', 'C1')).toMatchObject({ value: 0.125, numberFormat: '0.00%' });
    expect(getCell(model, 'S', 'D1')?.value).toBe(true);
    expect(getCell(model, 'S', 'E1')?.error).toBe('#N/A');
    expect(getCell(model, 'S', 'F1')).toMatchObject({ formula: '=-A1', value: -12 });
    expect(getCell(model, 'S', 'A2')).toMatchObject({ value: '=A1', numberFormat: '@' });
    expect(getCell(model, 'S', 'A2')?.formula).toBeUndefined();
  });

  test('a scalar fills the range; null leaves a cell alone; "" clears it', async () => {
    const { Excel, model } = fake({ S: { A1: 1, B1: 2 } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A3:B4').values = 7 as never;
      ws.getRange('A1:B1').values = [[null as never, '']];
      await ctx.sync();
    });
    for (const a of ['A3', 'B3', 'A4', 'B4']) expect(getCell(model, 'S', a)?.value).toBe(7);
    expect(getCell(model, 'S', 'A1')?.value).toBe(1);
    expect(getCell(model, 'S', 'B1')).toBeUndefined();
  });

  test('"" over whole columns clears the cells there; filling millions of cells is refused', async () => {
    const { Excel, model } = fake({ S: { A1: 1, B1: 2, B500: 'x', C1: 3 } });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B:B').values = '' as never;
      await ctx.sync();
    });
    expect([getCell(model, 'S', 'A1')?.value, getCell(model, 'S', 'B1'), getCell(model, 'S', 'B500'), getCell(model, 'S', 'C1')?.value]).toEqual([1, undefined, undefined, 3]);
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('B:B').values = 0 as never;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('OperationCellsExceedLimit');
  });

  test('an array of the wrong size fails the sync with InvalidArgument', async () => {
    const { Excel, model } = fake({ S: { A1: 1 } });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(e.message).toMatch(/rows or columns/);
    expect(getCell(model, 'S', 'A1')?.value).toBe(1);
  });

  test('numberFormat changes the text, not the value; text never shows ####', async () => {
    const { Excel, model } = fake({ S: { A1: 55599900 } });
    model.sheets[0].columnWidths.set(0, 10); // far too narrow
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.numberFormat = [['#,##0.00']];
      r.load('values,text,numberFormat');
      await ctx.sync();
      expect(r.values).toEqual([[55599900]]);
      expect(r.text).toEqual([['55.599.900,00']]);
      expect(r.numberFormat).toEqual([['#,##0.00']]);
    });
  });
});

describe('failures midway (no transaction)', () => {
  test('a write to a protected sheet fails with AccessDenied; earlier operations stay, later ones are dropped', async () => {
    const model = modelWith({ Open: { A1: 1 }, Locked: { A1: 1 } });
    model.sheets[1].protected = true;
    const { Excel } = createFakeExcel(model);
    let loaded: { values: unknown } | undefined;
    const e = await rejection(
      Excel.run(async (ctx) => {
        const wss = ctx.workbook.worksheets;
        wss.getItem('Open').getRange('A1').values = [[2]];
        wss.getItem('Locked').getRange('A1').values = [[2]];
        wss.getItem('Open').getRange('A2').values = [[3]];
        loaded = wss.getItem('Open').getRange('A1').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toMatch(/protected/);
    expect(getCell(model, 'Open', 'A1')?.value).toBe(2);
    expect(getCell(model, 'Locked', 'A1')?.value).toBe(1);
    expect(getCell(model, 'Open', 'A2')).toBeUndefined();
    expect(() => loaded!.values).toThrow(/not available/); // a failed sync delivers no loads
  });

  test('protection also blocks formats and widths, and is readable through worksheet.protection', async () => {
    const model = modelWith({ Locked: { A1: 1 } });
    model.sheets[0].protected = true;
    const { Excel } = createFakeExcel(model);
    await Excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Locked').protection.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
    for (const write of [
      (r: { numberFormat: unknown }) => (r.numberFormat = [['0.00']]),
      (r: { format: { columnWidth: number } }) => (r.format.columnWidth = 80),
      (r: { format: { font: { bold: boolean } } }) => (r.format.font.bold = true),
    ]) {
      const e = await rejection(
        Excel.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem('Locked').getRange('A1') as never);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('AccessDenied');
    }
    expect(getCell(model, 'Locked', 'A1')?.numberFormat).toBe('General');
  });

  test('failOnWrite simulates a GeneralException midway', async () => {
    const { Excel, model } = fake({ S: {} }, {}, { failOnWrite: (sheet, address) => sheet === 'S' && address === 'B1' });
    const e = await rejection(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [[1]];
        ws.getRange('B1').values = [[2]];
        ws.getRange('C1').values = [[3]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('GeneralException');
    expect(getCell(model, 'S', 'A1')?.value).toBe(1);
    expect(getCell(model, 'S', 'B1')).toBeUndefined();
    expect(getCell(model, 'S', 'C1')).toBeUndefined();
  });

  test('beforeSync lets another user edit between syncs', async () => {
    const { Excel, model } = fake({ S: { A1: 1 } }, {}, {
      beforeSync: (n) => {
        if (n === 2) model.sheets[0].cells.set('0,0', { value: 99, numberFormat: 'General' });
      },
    });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([[99]]);
    });
  });
});

describe('payload limit', () => {
  test('a response over the limit fails with ResponsePayloadSizeLimitExceeded; smaller chunks pass', async () => {
    const cells: Record<string, string> = {};
    for (let r = 1; r <= 200; r++) cells[`A${r}`] = 'x'.repeat(50);
    const { Excel, stats } = fake({ S: cells }, {}, { payloadLimitBytes: 8000 });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A200').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(stats.bytesPerSync[0]).toBeGreaterThan(8000);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      for (let top = 1; top <= 200; top += 100) {
        const r = ws.getRange(`A${top}:A${top + 99}`).load('values');
        await ctx.sync();
        expect(r.values).toHaveLength(100);
      }
    });
    expect(stats.bytesPerSync.slice(1).every((b) => b > 0 && b <= 8000)).toBe(true);
  });

  test('a request over the limit fails with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const { Excel, model } = fake({ S: {} }, {}, { payloadLimitBytes: 1000 });
    const big = Array.from({ length: 100 }, () => ['y'.repeat(20)]);
    const e = await rejection(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('B1').values = [[1]];
        ws.getRange('A1:A100').values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(getCell(model, 'S', 'B1')).toBeUndefined();
  });

  test('default limit is 5 MB', async () => {
    const { Excel } = fake({ S: {} });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A:B').load('values'); // 2 million "" cells
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});

describe('column widths and fonts', () => {
  test('columnWidth reads per column, null when the columns differ; writes set every column', async () => {
    const { Excel, model } = fake({ S: { A1: 1 } });
    model.sheets[0].columnWidths.set(1, 90);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const a = ws.getRange('A:A').format.load('columnWidth');
      const ab = ws.getRange('A1:B1').format.load('columnWidth');
      await ctx.sync();
      expect(a.columnWidth).toBe(48);
      expect(ab.columnWidth).toBeNull();
      ws.getRange('C1:D1').format.columnWidth = 60;
      await ctx.sync();
    });
    expect(model.sheets[0].columnWidths.get(2)).toBe(60);
    expect(model.sheets[0].columnWidths.get(3)).toBe(60);
  });

  test('autofitColumns fits the widest text of the range in each column (text width + 3.75 pt)', async () => {
    const { Excel, model } = fake({ S: { A1: 'short', A2: 1234567.891, A3: 'a much longer piece of text outside' } });
    setFormat(model, 'A2', '#,##0.00');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:A2').format.autofitColumns();
      await ctx.sync();
    });
    const expected = estimateTextWidth('1.234.567,89', 'Calibri', 11) + 3.75;
    const w = model.sheets[0].columnWidths.get(0)!;
    expect(w).toBeGreaterThanOrEqual(expected);
    expect(w).toBeLessThan(expected + 0.75);

    function setFormat(m: typeof model, a1: string, f: string) {
      getCell(m, 'S', a1)!.numberFormat = f;
    }
  });

  test('font properties read null when mixed; bold writes apply to every cell', async () => {
    const { Excel, model } = fake({ S: { A1: 'x', A2: 'y' } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').format.font.bold = true;
      const a1 = ws.getRange('A1').format.font.load('bold,name,size');
      const both = ws.getRange('A1:A2').format.font.load('bold,name');
      await ctx.sync();
      expect([a1.bold, a1.name, a1.size]).toEqual([true, 'Calibri', 11]);
      expect(both.bold).toBeNull();
      expect(both.name).toBe('Calibri');
    });
    expect(readCell(model.sheets[0], 0, 0)?.font?.bold).toBe(true);
  });
});
