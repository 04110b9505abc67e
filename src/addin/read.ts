// Reads the open workbook into the engine's snapshot with a fixed, small number of syncs:
// 1) the sheet list (and culture), 2) each sheet's used range and protection, 3) the cells,
// formulas, merges and column widths of every sheet at once. The third step is split into
// several syncs only when the estimated response would pass Excel on the web's 5 MB limit.
import { CAPAIAN_SHEETS } from '../engine/sheets';
import { EXCEL_ERRORS, type Cell, type SheetSnapshot, type WorkbookSnapshot } from '../engine/types';
import type { CellScalar, ExcelLike, OfficeContextLike, RangeAreasLike, RangeLike, RequestContextLike, WorksheetLike } from './excel-like';

/** Estimated bytes per cell in a response carrying values and number formats (measured ≈ 14 on the seed's layout). */
export const BYTES_PER_CELL = 16;
/** Stay under the 5 MB limit of Excel on the web; a read that still passes it is retried in smaller parts. */
export const PAYLOAD_BUDGET = 4_500_000;

export interface ReadOptions {
  /** Only these sheets (default: every visible sheet). */
  sheets?: string[];
  office?: OfficeContextLike;
  /** Bytes one sync may carry (default PAYLOAD_BUDGET). */
  payloadBudget?: number;
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  culture: { decimal: string; group: string };
  /** Sheets with protection on; nothing will be written to them. */
  protectedSheets: string[];
  /** Sheet name -> A1 address of its used range when read. */
  usedRanges: Record<string, string>;
}

const ERRORS = new Set<string>(EXCEL_ERRORS);


export function supports(office: OfficeContextLike | undefined, version: string): boolean {
  try {
    return !!office?.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

interface SheetRead {
  ws: WorksheetLike;
  used: RangeLike;
  chunks: { range: RangeLike; rowOffset: number }[];
  formulas?: RangeAreasLike;
  merges?: RangeAreasLike;
  widths: RangeLike[];
  /** Per-cell fonts of the columns whose cells do not share one font (index = column offset). */
  mixedFonts: Map<number, ReturnType<RangeLike['getCellProperties']>>;
}

export async function readWorkbook(ctx: RequestContextLike, options: ReadOptions = {}): Promise<ReadResult> {
  const office = options.office;
  // 1. Sheets and culture.
  const worksheets = ctx.workbook.worksheets.load('items/name,items/visibility');
  const culture = supports(office, '1.11') ? ctx.workbook.application.cultureInfo.load('numberFormat') : null;
  await ctx.sync();
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const sheets = worksheets.items.filter((ws) =>
    wanted ? wanted.has(ws.name) : ws.visibility === 'Visible' && !CAPAIAN_SHEETS.includes(ws.name),
  );

  // 2. Used ranges and protection.
  const reads: SheetRead[] = sheets.map((ws) => {
    ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject(true).load('address,rowIndex,columnIndex,rowCount,columnCount');
    return { ws, used, chunks: [], widths: [], mixedFonts: new Map() };
  });
  await ctx.sync();

  // 3. Cells of every sheet, in as few syncs as the payload limit allows.
  const withData = reads.filter((r) => !r.used.isNullObject);
  const PAYLOAD = options.payloadBudget ?? PAYLOAD_BUDGET;
  type Chunk = { read: SheetRead; offset: number; rows: number };
  const batches: Chunk[][] = [[]];
  let budget = PAYLOAD;
  for (const r of withData) {
    const rowsPerChunk = Math.max(1, Math.floor(PAYLOAD / (BYTES_PER_CELL * r.used.columnCount)));
    for (let offset = 0; offset < r.used.rowCount; offset += rowsPerChunk) {
      const rows = Math.min(rowsPerChunk, r.used.rowCount - offset);
      const cost = rows * r.used.columnCount * BYTES_PER_CELL;
      if (cost > budget && batches[batches.length - 1].length > 0) {
        batches.push([]);
        budget = PAYLOAD;
      }
      budget -= cost;
      batches[batches.length - 1].push({ read: r, offset, rows });
    }
  }
  for (let b = 0; b < batches.length; b++) {
    for (const { read, offset, rows } of batches[b]) {
      const range = read.used.getOffsetRange(offset, 0).getResizedRange(rows - read.used.rowCount, 0).load('values,numberFormat');
      read.chunks.push({ range, rowOffset: offset });
    }
    if (b === 0) {
      // Formulas, merges, widths and fonts are small: they ride with the first batch.
      for (const r of withData) {
        r.formulas = r.used.getSpecialCellsOrNullObject('Formulas').load('areas/items/rowIndex,areas/items/columnIndex,areas/items/formulas');
        if (supports(office, '1.13')) {
          r.merges = r.used
            .getMergedAreasOrNullObject()
            .load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
        }
        for (let c = 0; c < r.used.columnCount; c++) {
          const col = r.used.getColumn(c);
          col.format.load('columnWidth');
          col.format.font.load('name,size');
          r.widths.push(col);
        }
        r.used.format.font.load('name,size');
      }
    }
    await ctx.sync();
  }
  // 4. Columns whose cells use different fonts (a smaller font so a number fits): the font of each
  //    cell, for the display-overflow check. At most one more sync, only when there are such columns.
  let mixed = false;
  for (const r of withData) {
    r.widths.forEach((col, c) => {
      if (col.format.font.size === null || col.format.font.name === null) {
        r.mixedFonts.set(c, col.getCellProperties({ format: { font: { name: true, size: true } } }));
        mixed = true;
      }
    });
  }
  if (mixed) await ctx.sync();

  const snapshot: WorkbookSnapshot = { sheets: reads.map((r) => toSheet(r)) };
  const c = culture?.numberFormat;
  return {
    snapshot,
    culture: c ? { decimal: c.numberDecimalSeparator, group: c.numberGroupSeparator } : { decimal: ',', group: '.' },
    protectedSheets: reads.filter((r) => r.ws.protection.protected).map((r) => r.ws.name),
    usedRanges: Object.fromEntries(withData.map((r) => [r.ws.name, r.used.address])),
  };
}

function scalarToCell(v: CellScalar, numberFormat: string | undefined): Cell | undefined {
  if (v === '' || v === null || v === undefined) return undefined;
  if (typeof v === 'string' && ERRORS.has(v)) return { value: v, isError: true, numberFormat };
  return { value: v, numberFormat };
}

function toSheet(r: SheetRead): SheetSnapshot {
  const sheet: SheetSnapshot = { name: r.ws.name, cells: [], protected: r.ws.protection.protected, hidden: r.ws.visibility !== 'Visible' };
  if (r.used.isNullObject) return sheet;
  const top = r.used.rowIndex;
  const left = r.used.columnIndex;
  const cells: (Cell | undefined)[][] = [];
  for (const { range, rowOffset } of r.chunks) {
    const values = range.values;
    const formats = range.numberFormat;
    for (let i = 0; i < values.length; i++) {
      const row: (Cell | undefined)[] = [];
      for (let j = 0; j < values[i].length; j++) row[left + j] = scalarToCell(values[i][j], formats[i]?.[j]);
      cells[top + rowOffset + i] = row;
    }
  }
  if (r.formulas && !r.formulas.isNullObject) {
    for (const area of r.formulas.areas.items) {
      area.formulas.forEach((fr, i) =>
        fr.forEach((f, j) => {
          if (typeof f !== 'string' || !f.startsWith('=')) return;
          const row = (cells[area.rowIndex + i] ??= []);
          const cell = row[area.columnIndex + j] ?? { value: null };
          row[area.columnIndex + j] = { ...cell, formula: f };
        }),
      );
    }
  }
  sheet.cells = cells;
  if (r.merges && !r.merges.isNullObject) {
    sheet.merges = r.merges.areas.items.map((a) => ({
      top: a.rowIndex,
      left: a.columnIndex,
      bottom: a.rowIndex + a.rowCount - 1,
      right: a.columnIndex + a.columnCount - 1,
    }));
  }
  for (const [c, props] of r.mixedFonts) {
    props.value.forEach((row, i) => {
      const f = row[0]?.format?.font;
      const cell = cells[top + i]?.[left + c];
      if (cell && f?.size) {
        cell.fontSize = f.size;
        if (f.name) cell.fontName = f.name;
      }
    });
  }
  const widths: (number | undefined)[] = [];
  r.widths.forEach((col, i) => (widths[left + i] = col.format.columnWidth));
  sheet.columnWidths = widths;
  const font = r.used.format.font;
  if (font.name && font.size) sheet.defaultFont = { name: font.name, size: font.size };
  return sheet;
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(code + ' ' + msg);
}

/** Reads the workbook; when Excel still refuses a response as too large, reads again in smaller parts. */
export async function readWithRetry(excel: ExcelLike, options: ReadOptions = {}): Promise<ReadResult> {
  let budget = options.payloadBudget ?? PAYLOAD_BUDGET;
  for (let attempt = 0; ; attempt++) {
    try {
      return await excel.run((ctx) => readWorkbook(ctx, { ...options, payloadBudget: budget }));
    } catch (e) {
      if (!isPayloadError(e) || attempt >= 5) throw e;
      budget = Math.floor(budget / 2);
    }
  }
}
