// Print settings (worksheet.pageLayout), wrapped text and vertical alignment, autofitRows and
// Range.clear in the in-memory Excel: what the validation report sheet uses.
import type { ExcelLike, PageLayoutLike as ExcelPl } from '../../src/addin/excel-like';
import { DEFAULT_PAGE_LAYOUT, getCell, pageLayoutOf, readCell } from '../../src/preview/fake-excel/model';
import { fake, rejection, thrown } from './helpers';

describe('worksheet.pageLayout', () => {
  test('reads the defaults, then what was set; the settings are stored on the model sheet', async () => {
    const { Excel, model } = fake({ S: { A1: 1 } });
    await Excel.run(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem('S').pageLayout.load('paperSize,orientation,zoom,printGridlines');
      await ctx.sync();
      expect([pl.paperSize, pl.orientation, pl.zoom, pl.printGridlines]).toEqual(['Letter', 'Portrait', { scale: 100 }, false]);
      pl.paperSize = 'A4';
      pl.orientation = 'Landscape';
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.printGridlines = true;
      expect(pl.paperSize).toBe('A4'); // assigned values are readable at once, like office-js
      expect(model.sheets[0].pageLayout).toBeUndefined(); // nothing runs before the sync
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem('S').pageLayout.load('paperSize,orientation,zoom,printGridlines');
      await ctx.sync();
      expect([again.paperSize, again.orientation, again.zoom, again.printGridlines]).toEqual(['A4', 'Landscape', { horizontalFitToPages: 1, verticalFitToPages: 0 }, true]);
    });
    expect(model.sheets[0].pageLayout).toEqual({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printGridlines: true });
    expect(pageLayoutOf(model.sheets[0]).paperSize).toBe('A4');
    expect(DEFAULT_PAGE_LAYOUT.paperSize).toBe('Letter');
  });

  test('loading the worksheet with "pageLayout" loads all of its properties', async () => {
    const { Excel } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S').load('pageLayout');
      await ctx.sync();
      expect(ws.pageLayout.orientation).toBe('Portrait');
    });
  });

  test('a scale replaces fit-to-pages and the other way round; a dimension left out is 1 page', async () => {
    const { Excel, model } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem('S').pageLayout;
      pl.zoom = { horizontalFitToPages: 1 };
      await ctx.sync();
      expect(model.sheets[0].pageLayout!.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
      pl.zoom = { verticalFitToPages: 0 };
      await ctx.sync();
      expect(model.sheets[0].pageLayout!.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      pl.zoom = { scale: 80 };
      await ctx.sync();
      expect(model.sheets[0].pageLayout!.zoom).toEqual({ scale: 80 });
    });
  });

  test('invalid paper sizes, orientations and zooms fail the sync with InvalidArgument', async () => {
    for (const set of [
      (pl: ExcelPl) => (pl.paperSize = 'A0'),
      (pl: ExcelPl) => (pl.orientation = 'Sideways'),
      (pl: ExcelPl) => (pl.zoom = { scale: 5 }),
      (pl: ExcelPl) => (pl.zoom = { horizontalFitToPages: -1 }),
      (pl: ExcelPl) => (pl.zoom = {}),
    ]) {
      const { Excel, model } = fake({ S: {} });
      const e = await rejection(
        Excel.run(async (ctx) => {
          set(ctx.workbook.worksheets.getItem('S').pageLayout);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
      expect(model.sheets[0].pageLayout).toBeUndefined();
    }
  });

  test('needs ExcelApi 1.9', async () => {
    const { Excel } = fake({ S: {} }, { supportedSets: { ExcelApi: '1.8' } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      expect(thrown(() => ws.pageLayout).code).toBe('ApiNotFound');
    });
  });

  test('print settings of a protected sheet can still be changed (protection does not lock page setup)', async () => {
    const { Excel, model } = fake({ S: {} });
    model.sheets[0].protected = true;
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').pageLayout.paperSize = 'A4';
      await ctx.sync();
    });
    expect(model.sheets[0].pageLayout?.paperSize).toBe('A4');
  });
});

describe('wrapText and verticalAlignment', () => {
  test('are written per cell and read back; a mixed range reads null', async () => {
    const { Excel, model } = fake({ S: { A1: 'panjang sekali', B1: 2 } });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:A3').format.wrapText = true;
      ws.getRange('A1:B3').format.verticalAlignment = 'Top';
      const a = ws.getRange('A1:A3').format.load('wrapText,verticalAlignment');
      const ab = ws.getRange('A1:B1').format.load('wrapText');
      const c = ws.getRange('C1').format.load('wrapText,verticalAlignment');
      await ctx.sync();
      expect([a.wrapText, a.verticalAlignment]).toEqual([true, 'Top']);
      expect(ab.wrapText).toBeNull();
      expect([c.wrapText, c.verticalAlignment]).toEqual([false, 'Bottom']);
    });
    expect(getCell(model, 'S', 'A1')).toMatchObject({ value: 'panjang sekali', wrapText: true, verticalAlignment: 'Top' });
    // A formatted empty cell is kept (it counts for the used range with formats, not for values only).
    expect(readCell(model.sheets[0], 2, 0)).toMatchObject({ value: null, wrapText: true });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const all = ws.getUsedRangeOrNullObject(false).load('address');
      const values = ws.getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect(all.address).toBe('S!A1:B3');
      expect(values.address).toBe('S!A1:B1');
    });
  });

  test('wrapText false and alignment Bottom go back to the defaults', async () => {
    const { Excel, model } = fake({ S: {} });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.format.wrapText = true;
      r.format.verticalAlignment = 'Center';
      await ctx.sync();
      expect(readCell(model.sheets[0], 0, 0)).toMatchObject({ wrapText: true, verticalAlignment: 'Center' });
      r.format.wrapText = false;
      r.format.verticalAlignment = 'Bottom';
      await ctx.sync();
    });
    expect(readCell(model.sheets[0], 0, 0)).toBeUndefined();
  });

  test('an unknown alignment fails; protected sheets refuse both, and autofitRows', async () => {
    const bad = fake({ S: {} });
    const e = await rejection(
      bad.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').format.verticalAlignment = 'Middle';
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    for (const op of ['wrap', 'align', 'autofitRows'] as const) {
      const { Excel, model } = fake({ S: { A1: 'x' } });
      model.sheets[0].protected = true;
      const err = await rejection(
        Excel.run(async (ctx) => {
          const f = ctx.workbook.worksheets.getItem('S').getRange('A1').format;
          if (op === 'wrap') f.wrapText = true;
          else if (op === 'align') f.verticalAlignment = 'Top';
          else f.autofitRows();
          await ctx.sync();
        }),
      );
      expect(err.code).toBe('AccessDenied');
      expect(readCell(model.sheets[0], 0, 0)?.wrapText).toBeUndefined();
    }
  });

  test('autofitRows needs ExcelApi 1.2 and changes no cell', async () => {
    const { Excel, model } = fake({ S: { A1: 'x' } });
    const before = JSON.stringify([...model.sheets[0].cells]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:A5').format.autofitRows();
      await ctx.sync();
    });
    expect(JSON.stringify([...model.sheets[0].cells])).toBe(before);
    const old = fake({ S: {} }, { supportedSets: { ExcelApi: '1.1' } });
    await old.Excel.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('S').getRange('A1').format;
      expect(thrown(() => f.autofitRows()).code).toBe('ApiNotFound');
    });
  });
});

describe('Range.clear', () => {
  async function cleared(applyTo?: 'All' | 'Formats' | 'Contents') {
    const f = fake({ S: { A1: 5, B1: '=A1*2', C1: 'teks' } });
    f.model.sheets[0].cells.get('0,2')!.wrapText = true;
    f.model.sheets[0].cells.get('0,0')!.numberFormat = '#,##0';
    await f.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:C1').clear(applyTo);
      await ctx.sync();
    });
    return f.model;
  }

  test('All (the default) clears values, formulas and formats', async () => {
    const model = await cleared();
    expect(model.sheets[0].cells.size).toBe(0);
  });

  test('Contents keeps the formats; Formats keeps the values', async () => {
    const contents = await cleared('Contents');
    expect(getCell(contents, 'S', 'A1')).toMatchObject({ value: null, numberFormat: '#,##0' });
    expect(getCell(contents, 'S', 'B1')).toBeUndefined();
    expect(getCell(contents, 'S', 'C1')).toMatchObject({ value: null, wrapText: true });
    const formats = await cleared('Formats');
    expect(getCell(formats, 'S', 'A1')).toMatchObject({ value: 5, numberFormat: 'General' });
    expect(getCell(formats, 'S', 'B1')).toMatchObject({ formula: '=A1*2', value: 10 });
    expect(getCell(formats, 'S', 'C1')?.wrapText).toBeUndefined();
  });

  test('a formula that depended on a cleared cell is recalculated', async () => {
    const { Excel, model } = fake({ S: { A1: 5, B1: '=A1*2' } });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').clear('Contents');
      await ctx.sync();
    });
    expect(getCell(model, 'S', 'B1')?.value).toBe(0);
  });

  test('a protected sheet refuses it', async () => {
    const { Excel, model } = fake({ S: { A1: 5 } });
    model.sheets[0].protected = true;
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').clear();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('AccessDenied');
    expect(getCell(model, 'S', 'A1')?.value).toBe(5);
  });
});

describe('the real office-js Excel still fits the adapter type', () => {
  test('typeof Excel.run is assignable to ExcelLike (checked by tsc)', () => {
    const check = (x: { run: typeof Excel.run }): ExcelLike => x;
    expect(typeof check).toBe('function');
  });
});
