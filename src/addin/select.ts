// Selects a cell in Excel (and scrolls to it): used when a finding is clicked.
import type { ExcelLike } from './excel-like';

export async function selectCell(excel: ExcelLike, sheet: string, cell: string): Promise<void> {
  await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell.replace(/^[A-Z]+$/, (c) => `${c}1`)).select();
    await ctx.sync();
  });
}
