// Office.context (requirement sets, language, document settings), Excel.run options, culture.
import { createFakeExcel } from '../../src/preview/fake-excel/excel';
import { createWorkbookModel } from '../../src/preview/fake-excel/model';
import { fake, rejection, thrown } from './helpers';

describe('Office.context', () => {
  test('isSetSupported compares against the model requirement sets', () => {
    const { Office } = createFakeExcel(createWorkbookModel({ supportedSets: { ExcelApi: '1.13' } }));
    const req = Office.context.requirements;
    expect(req.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(req.isSetSupported('ExcelApi', '1.9')).toBe(true); // numeric, not string, comparison
    expect(req.isSetSupported('ExcelApi', '1.14')).toBe(false);
    expect(req.isSetSupported('ExcelApi')).toBe(true);
    expect(req.isSetSupported('WordApi', '1.1')).toBe(false);
  });

  test('displayLanguage comes from the model, id-ID by default', () => {
    expect(createFakeExcel(createWorkbookModel()).Office.context.displayLanguage).toBe('id-ID');
    expect(createFakeExcel(createWorkbookModel({ displayLanguage: 'en-US' })).Office.context.displayLanguage).toBe('en-US');
  });

  test('settings: set/get/remove work on a copy; saveAsync writes it to the document', async () => {
    const model = createWorkbookModel({ settings: { kept: 1 } });
    const { Office } = createFakeExcel(model);
    const settings = Office.context.document.settings;
    expect(settings.get('kept')).toBe(1);
    expect(settings.get('missing')).toBeNull();
    settings.set('undo', { batches: [{ id: 'b1', cells: ['A1'] }] });
    settings.remove('kept');
    expect(settings.get('undo')).toEqual({ batches: [{ id: 'b1', cells: ['A1'] }] });
    expect(model.settings).toEqual({ kept: 1 }); // not saved yet
    const result = await new Promise<{ status: string }>((resolve) => settings.saveAsync(resolve));
    expect(result.status).toBe('succeeded');
    expect(model.settings).toEqual({ undo: { batches: [{ id: 'b1', cells: ['A1'] }] } });
    // a new session (reloaded add-in) reads what was saved
    expect(createFakeExcel(model).Office.context.document.settings.get('undo')).toEqual({ batches: [{ id: 'b1', cells: ['A1'] }] });
  });
});

describe('Excel.run options', () => {
  test('are recorded, with what the host honoured', async () => {
    const { Excel, stats } = fake({ S: {} });
    await Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, async () => undefined);
    await Excel.run(async () => undefined);
    expect(stats.runs).toEqual([
      { delayForCellEdit: true, mergeUndoGroup: true, honoured: { delayForCellEdit: true, mergeUndoGroup: true } },
      { honoured: { delayForCellEdit: false, mergeUndoGroup: false } },
    ]);
  });

  test('mergeUndoGroup is ignored silently by hosts older than ExcelApi 1.20', async () => {
    const { Excel, stats, model } = fake({ S: {} }, { supportedSets: { ExcelApi: '1.19' } });
    await Excel.run({ mergeUndoGroup: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(stats.runs[0]).toEqual({ mergeUndoGroup: true, honoured: { mergeUndoGroup: false, delayForCellEdit: false } });
    expect(model.sheets[0].cells.get('0,0')?.value).toBe(1);
  });
});

describe('culture', () => {
  test('application.cultureInfo.numberFormat gives the separators (ExcelApi 1.11)', async () => {
    const { Excel } = fake({ S: {} }, { culture: { decimal: '.', group: ',' } });
    await Excel.run(async (ctx) => {
      const c = ctx.workbook.application.cultureInfo.load('numberFormat');
      await ctx.sync();
      expect(c.numberFormat.numberDecimalSeparator).toBe('.');
      expect(c.numberFormat.numberGroupSeparator).toBe(',');
    });
  });

  test('text uses the culture separators', async () => {
    const { Excel } = fake({ S: { A1: 1234.5 } }, { culture: { decimal: '.', group: ',' } });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.numberFormat = [['#,##0.00']];
      r.load('text');
      await ctx.sync();
      expect(r.text).toEqual([['1,234.50']]);
    });
  });

  test('older hosts throw ApiNotFound at the call, not at sync', async () => {
    const { Excel } = fake({ S: {} }, { supportedSets: { ExcelApi: '1.10' } });
    await Excel.run(async (ctx) => {
      expect(thrown(() => ctx.workbook.application.cultureInfo).code).toBe('ApiNotFound'); // 1.11
      ctx.workbook.worksheets.getItem('S').getRange('A1:B2').getSpecialCellsOrNullObject('Formulas'); // 1.9: fine
      await ctx.sync();
    });
    const old = fake({ S: {} }, { supportedSets: { ExcelApi: '1.8' } });
    const e = await rejection(
      old.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').getSpecialCellsOrNullObject('Formulas');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
    expect(old.stats.syncs).toBe(0);
  });
});
