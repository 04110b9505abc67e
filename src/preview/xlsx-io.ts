// Opening and saving .xlsx in the preview page (browser): ExcelJS workbook <-> in-memory Excel model.
import ExcelJS from 'exceljs';
import { parseAddress } from '../engine/a1';
import type { WorkbookSnapshot } from '../engine/types';
import { pointsToColumnWidth, readCapaianSettings, SETTINGS_SHEET, snapshotFromWorkbook } from '../xlsx/snapshot';
import { modelFromSnapshot, snapshotFromModel, type FakeWorkbookModel } from './fake-excel';

export { SETTINGS_SHEET };

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** The snapshot as opened, to tell what changed when saving. */
  original: WorkbookSnapshot;
  model: FakeWorkbookModel;
}

export async function openXlsx(data: ArrayBuffer): Promise<OpenedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const settings = readCapaianSettings(workbook);
  const original = snapshotFromWorkbook(workbook);
  original.sheets = original.sheets.filter((s) => s.name !== SETTINGS_SHEET);
  const model = modelFromSnapshot(original);
  model.settings = settings;
  const first = model.sheets.find((s) => s.visibility === 'Visible' && /TW|TRIWULAN/i.test(s.name)) ?? model.sheets[0];
  if (first) model.activeSheet = first.name;
  return { workbook, original, model };
}

const VERTICAL: Record<string, 'top' | 'middle' | 'bottom' | 'justify' | 'distributed'> = {
  Top: 'top',
  Center: 'middle',
  Bottom: 'bottom',
  Justify: 'justify',
  Distributed: 'distributed',
};

/** Writes the model's current state into the opened workbook (only what changed) and returns the .xlsx bytes. */
export async function saveXlsx(opened: OpenedWorkbook): Promise<ArrayBuffer> {
  const { workbook, original, model } = opened;
  const now = snapshotFromModel(model);
  for (const sheet of now.sheets) {
    const ws = workbook.getWorksheet(sheet.name) ?? workbook.addWorksheet(sheet.name);
    const before = original.sheets.find((s) => s.name === sheet.name);
    const rows = Math.max(sheet.cells.length, before?.cells.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(sheet.cells[r]?.length ?? 0, before?.cells[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const a = sheet.cells[r]?.[c];
        const b = before?.cells[r]?.[c];
        const key = (x: typeof a) => JSON.stringify([x?.value ?? null, x?.formula ?? null, x?.numberFormat && x.numberFormat !== 'General' ? x.numberFormat : null]);
        if (key(a) === key(b)) continue;
        const cell = ws.getRow(r + 1).getCell(c + 1);
        // A cell inside a merged area writes through to the area's first cell: never touch it.
        if (cell.isMerged && cell.master !== cell) continue;
        if (a?.formula) cell.value = { formula: a.formula.replace(/^=/, ''), result: a.isError ? { error: a.value as ExcelJS.CellErrorValue['error'] } : (a.value as number | string) } as ExcelJS.CellFormulaValue;
        else cell.value = a?.value ?? null;
        if (a?.numberFormat && a.numberFormat !== 'General') cell.numFmt = a.numberFormat;
      }
    }
    // Print settings and wrapping set by the add-in (the reviewer's report is laid out for A4).
    const fakeSheet = model.sheets.find((x) => x.name === sheet.name);
    if (fakeSheet?.pageLayout) {
      const pl = fakeSheet.pageLayout;
      const paper: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11 };
      ws.pageSetup.paperSize = paper[pl.paperSize] as ExcelJS.PageSetup['paperSize'];
      ws.pageSetup.orientation = pl.orientation === 'Landscape' ? 'landscape' : 'portrait';
      if (pl.zoom.horizontalFitToPages !== undefined || pl.zoom.verticalFitToPages !== undefined) {
        ws.pageSetup.fitToPage = true;
        ws.pageSetup.fitToWidth = pl.zoom.horizontalFitToPages ?? 0;
        ws.pageSetup.fitToHeight = pl.zoom.verticalFitToPages ?? 0;
      } else if (pl.zoom.scale) ws.pageSetup.scale = pl.zoom.scale;
      ws.pageSetup.showGridLines = pl.printGridlines;
    }
    for (const [key, cell] of fakeSheet?.cells ?? []) {
      if (!cell.wrapText && !cell.verticalAlignment) continue;
      const [r, c] = key.split(',').map(Number);
      const x = ws.getRow(r + 1).getCell(c + 1);
      if (x.isMerged && x.master !== x) continue;
      x.alignment = {
        ...x.alignment,
        wrapText: !!cell.wrapText,
        ...(cell.verticalAlignment ? { vertical: VERTICAL[cell.verticalAlignment] } : {}),
      };
    }
    sheet.columnWidths?.forEach((w, c) => {
      if (w === undefined) return;
      const was = before?.columnWidths?.[c];
      if (was !== undefined && Math.abs(was - w) < 0.01) return;
      ws.getColumn(c + 1).width = pointsToColumnWidth(w);
    });
  }
  // Settings (column choices, polarity, ignored findings, last batch) travel with the file.
  let ws = workbook.getWorksheet(SETTINGS_SHEET);
  if (Object.keys(model.settings).length > 0) {
    ws ??= workbook.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
    ws.getCell('A1').value = JSON.stringify(model.settings);
  }
  workbook.calcProperties.fullCalcOnLoad = true;
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** "TW IV!N22" -> sheet and 0-based position. */
export function locate(a1: string): { sheet: string; row: number; col: number } | null {
  const i = a1.lastIndexOf('!');
  if (i < 0) return null;
  const p = parseAddress(a1.slice(i + 1));
  return p ? { sheet: a1.slice(0, i).replace(/^'|'$/g, ''), ...p } : null;
}
