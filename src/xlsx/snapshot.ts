// ExcelJS workbook -> engine snapshot, and the facts ExcelJS does not keep. No Node APIs:
// this module also runs in the browser (the preview page).
import ExcelJS from 'exceljs';
import type { Area, Cell, SheetSnapshot, WorkbookSnapshot } from '../engine/types';

/** A file that cannot be used; `message` is one line in Bahasa Indonesia, fit for a user. */
export class CapaianFileError extends Error {
  /** Underlying error, when there was one (for debugging only). */
  readonly detail?: unknown;
  constructor(message: string, detail?: unknown) {
    super(message);
    this.name = 'CapaianFileError';
    this.detail = detail;
    Object.setPrototypeOf(this, CapaianFileError.prototype);
  }
}

export interface FontInfo {
  name: string;
  size: number;
}

export const DEFAULT_FONT: FontInfo = { name: 'Calibri', size: 11 };

/** Excel's default column width in characters (the "Column Width" dialog value). */
export const DEFAULT_COLUMN_CHARS = 8.43;

/** Maximum digit width in pixels of the default font (Calibri 11, Arial 10 both give 7). */
const MDW = 7;

// What loadWorkbook learned about a workbook that ExcelJS does not keep.
export const sourcePaths = new WeakMap<ExcelJS.Workbook, string>();
export const defaultFonts = new WeakMap<ExcelJS.Workbook, FontInfo>();

/** The file a workbook was loaded from by loadWorkbook (absolute path), if any. */
export function sourcePathOf(wb: ExcelJS.Workbook): string | undefined {
  return sourcePaths.get(wb);
}

/** The workbook's default (Normal style) font, as found in styles.xml by loadWorkbook; Calibri 11 otherwise. */
export function defaultFontOf(wb: ExcelJS.Workbook): FontInfo {
  return defaultFonts.get(wb) ?? DEFAULT_FONT;
}

// ---------------------------------------------------------------------------
// Column widths.
// ExcelJS `column.width` is the raw OOXML <col width> value, which already includes the 5 px of
// cell padding (ECMA-376 18.3.1.13: the default 8.43-character column is stored as 9.140625).
// Pixels = Truncate(((256 * width + Truncate(128 / MDW)) / 256) * MDW); points = pixels * 0.75.

/** Pixels of a raw OOXML column width (ExcelJS `column.width`). */
export function columnWidthToPixels(width: number): number {
  if (!(width > 0)) return 0;
  return Math.trunc(((256 * width + Math.trunc(128 / MDW)) / 256) * MDW);
}

/** Points (office-js `format.columnWidth`) of a raw OOXML column width (ExcelJS `column.width`). */
export function columnWidthToPoints(width: number): number {
  return columnWidthToPixels(width) * 0.75;
}

/** Points of a width given as characters the way Excel's "Column Width" dialog shows it (8.43). */
export function characterWidthToPoints(chars: number): number {
  if (!(chars > 0)) return 0;
  return Math.trunc(chars * MDW + 5) * 0.75;
}

/**
 * Raw OOXML column width (for ExcelJS `column.width`) that shows at least `points` points:
 * the inverse of columnWidthToPoints, rounded up to 2 decimals.
 */
export function pointsToColumnWidth(points: number): number {
  if (!(points > 0)) return 0;
  const px = Math.ceil(points / 0.75 - 1e-9);
  return Math.ceil((px / MDW) * 100 - 1e-9) / 100;
}

// ---------------------------------------------------------------------------
// Snapshot.

/** Cell.Types of ExcelJS (ValueType enum), by number to avoid depending on the enum export. */
const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
  JSON: 11,
} as const;

/** Excel serial number of a date (ExcelJS gives JS Dates, UTC-based). */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
  return Math.round(serial * 1e9) / 1e9;
}

type Plain = { value: number | string | boolean | null; isError?: boolean };

function plainValue(v: unknown, date1904: boolean): Plain {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null };
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { value: o.error, isError: true };
    if (Array.isArray(o.richText)) {
      return { value: (o.richText as { text?: unknown }[]).map((r) => (r && r.text != null ? String(r.text) : '')).join('') };
    }
    if ('hyperlink' in o && 'text' in o) return plainValue(o.text, date1904);
    if ('text' in o) return plainValue(o.text, date1904);
  }
  return { value: null };
}

function cellSnapshot(cell: ExcelJS.Cell, font: FontInfo, date1904: boolean): Cell {
  const out: Cell = { value: null };
  const type = cell.type as unknown as number;
  if (type === T.Merge || type === T.Null) {
    out.value = null;
  } else if (type === T.Formula) {
    const f = cell.formula;
    if (f) out.formula = f.startsWith('=') ? f : `=${f}`;
    // cell.result reads the model directly; cell.value would drop a cached 0.
    Object.assign(out, plainValue(cell.result, date1904));
  } else {
    Object.assign(out, plainValue(cell.value, date1904));
  }
  if (!out.isError) delete out.isError;
  const style = cell.style ?? {};
  out.numberFormat = style.numFmt || 'General';
  out.bold = !!style.font?.bold;
  out.indent = style.alignment?.indent ?? 0;
  out.fontName = style.font?.name ?? font.name;
  out.fontSize = style.font?.size ?? font.size;
  return out;
}

/** "G5:J5" -> 0-based Area. */
export function parseRange(ref: string): Area | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim().replace(/^.*!/, ''));
  if (!m) return null;
  const col = (s: string) => {
    let n = 0;
    for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1]);
  const r2 = m[3] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Is the worksheet protected (a <sheetProtection sheet="1"> element)? */
export function isSheetProtected(ws: ExcelJS.Worksheet): boolean {
  const sp = (ws as unknown as { sheetProtection?: { sheet?: boolean | string | number } | null }).sheetProtection;
  if (!sp) return false;
  return sp.sheet === true || sp.sheet === 1 || sp.sheet === '1' || sp.sheet === 'true';
}

function sheetSnapshot(ws: ExcelJS.Worksheet, font: FontInfo, date1904: boolean): SheetSnapshot {
  const cells: (Cell | undefined)[][] = [];
  let maxCol = 0;
  // findRow/findCell never create rows or cells: the snapshot must not modify the workbook.
  const rowCount = ws.rowCount;
  for (let rowNumber = 1; rowNumber <= rowCount; rowNumber++) {
    const row = ws.findRow(rowNumber);
    if (!row) continue;
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      const snap = cellSnapshot(cell, font, date1904);
      const r = rowNumber - 1;
      while (cells.length <= r) cells.push([]);
      const rowArr = cells[r];
      while (rowArr.length < c - 1) rowArr.push(undefined);
      rowArr[c - 1] = snap;
      if (c > maxCol) maxCol = c;
    }
  }

  const merges: Area[] = [];
  for (const ref of ws.model.merges ?? []) {
    const a = parseRange(String(ref));
    if (a) {
      merges.push(a);
      if (a.right + 1 > maxCol) maxCol = a.right + 1;
    }
  }

  const props = ws.properties as unknown as { defaultColWidth?: number };
  const defaultPoints =
    props.defaultColWidth && props.defaultColWidth > 0
      ? columnWidthToPoints(props.defaultColWidth)
      : characterWidthToPoints(DEFAULT_COLUMN_CHARS);
  const columnWidths: (number | undefined)[] = [];
  const columns = (ws.columns ?? []) as (Partial<ExcelJS.Column> | undefined)[];
  for (let c = 1; c <= maxCol; c++) {
    const col = columns[c - 1];
    if (col?.hidden) columnWidths.push(0);
    else if (typeof col?.width === 'number' && col.width > 0) columnWidths.push(columnWidthToPoints(col.width));
    else columnWidths.push(defaultPoints);
  }

  return {
    name: ws.name,
    cells,
    merges,
    columnWidths,
    defaultFont: { name: font.name, size: font.size },
    protected: isSheetProtected(ws),
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
  };
}

/** Every worksheet of an ExcelJS workbook as an engine snapshot. Does not modify the workbook. */
export function snapshotFromWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const font = defaultFontOf(wb);
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  return { sheets: wb.worksheets.map((ws) => sheetSnapshot(ws, font, date1904)) };
}

/** Document settings travel in .xlsx files saved by the preview in this very hidden sheet (cell A1, JSON). */
export const SETTINGS_SHEET = '_capaian_settings';

/** The Capaian settings stored in a workbook (column overrides, levels, polarity, ignored findings), or {}. */
export function readCapaianSettings(wb: ExcelJS.Workbook): Record<string, unknown> {
  const ws = wb.getWorksheet(SETTINGS_SHEET);
  if (!ws) return {};
  try {
    const v = ws.getCell('A1').value;
    const parsed: unknown = typeof v === 'string' ? JSON.parse(v) : null;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
