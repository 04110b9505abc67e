// Range.getCellProperties in the in-memory Excel: per-cell fonts, readable only after a sync.
import type { ExcelLike } from '../../src/addin/excel-like';
import { createFakeExcel, createSheet, createWorkbookModel } from '../../src/preview/fake-excel';

test('per-cell font name and size, after a sync only', async () => {
  const sheet = createSheet('S');
  sheet.cells.set('0,0', { value: 1, numberFormat: 'General' });
  sheet.cells.set('1,0', { value: 2, numberFormat: 'General', font: { name: 'Arial', size: 9, bold: true } });
  const fake = createFakeExcel(createWorkbookModel({ sheets: [sheet], activeSheet: 'S' }), {});
  await (fake.Excel as ExcelLike).run(async (ctx) => {
    const props = ctx.workbook.worksheets.getItem('S').getRange('A1:A2').getCellProperties({ format: { font: { name: true, size: true } } });
    expect(() => props.value).toThrow(/not available/);
    await ctx.sync();
    expect(props.value).toEqual([[{ format: { font: { name: 'Calibri', size: 11 } } }], [{ format: { font: { name: 'Arial', size: 9 } } }]]);
  });
});
