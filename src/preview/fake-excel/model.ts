// The plain workbook model behind the in-memory Excel (src/preview/fake-excel/excel.ts) and the
// preview page: sheets of cells keyed "row,col" (0-based), column widths in points, merges,
// protection, settings and the host's culture. Pure data and pure functions: no Node, no DOM.
import { evaluateFormula, formulaReferences, type FormulaResult } from '../../engine/formula';
import { formatNumber } from '../../engine/numfmt';
import type { Area, Cell, SheetSnapshot, WorkbookSnapshot } from '../../engine/types';
import { formatArea, parseArea, splitSheet } from './address';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeFont {
  name: string;
  size: number;
  bold: boolean;
}

export interface FakeCell {
  /**
   * Number, text or boolean; null when empty. For a formula, its cached result (null when it could
   * not be computed). For an error cell, the error code (same as `error`).
   */
  value: number | string | boolean | null;
  /** Invariant (English) formula with the leading "=". */
  formula?: string;
  /** Invariant number format; "General" by default. */
  numberFormat: string;
  /** Error code ("#DIV/0!") when the cell holds an error (typed, or the result of its formula). */
  error?: string;
  /** Absent: the sheet's default font, not bold. */
  font?: FakeFont;
  /** Text wraps inside the cell (format.wrapText); absent = false. */
  wrapText?: boolean;
  /** format.verticalAlignment other than the default "Bottom". */
  verticalAlignment?: VerticalAlignment;
}

export type VerticalAlignment = 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';
export const VERTICAL_ALIGNMENTS: readonly VerticalAlignment[] = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

/** Print settings of a sheet (worksheet.pageLayout). */
export interface FakePageLayout {
  /** Excel.PaperType: "A4", "Letter", … */
  paperSize: string;
  orientation: 'Portrait' | 'Landscape';
  /** Either a scale in percent, or pages to fit across / down (0 = automatic). */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printGridlines: boolean;
}

/** What a new sheet has (Excel's defaults for a US-English install). */
export const DEFAULT_PAGE_LAYOUT: Readonly<FakePageLayout> = { paperSize: 'Letter', orientation: 'Portrait', zoom: { scale: 100 }, printGridlines: false };

/** The paper sizes office-js accepts (Excel.PaperType). */
export const PAPER_TYPES: readonly string[] = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5',
  'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14',
  'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65',
  'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS',
  'FanfoldStdGerman', 'FanfoldLegalGerman',
];

/** The sheet's print settings (the defaults when none were set). */
export function pageLayoutOf(sheet: FakeSheet): FakePageLayout {
  const p = sheet.pageLayout ?? DEFAULT_PAGE_LAYOUT;
  return { ...p, zoom: { ...p.zoom } };
}

export interface FakeSheet {
  name: string;
  /** Key "row,col", 0-based. Missing = empty cell in the default format. */
  cells: Map<string, FakeCell>;
  /** Column index -> width in points; missing = defaultColumnWidth. */
  columnWidths: Map<number, number>;
  /** Points; 48 (8.43 characters of Calibri 11) in a new workbook. */
  defaultColumnWidth: number;
  merges: Area[];
  protected: boolean;
  visibility: SheetVisibility;
  /** Font of cells without their own; Calibri 11 when absent. */
  defaultFont?: { name: string; size: number };
  /** Print settings; absent = DEFAULT_PAGE_LAYOUT. */
  pageLayout?: FakePageLayout;
}

export interface Culture {
  decimal: string;
  group: string;
}

export interface FakeWorkbookModel {
  sheets: FakeSheet[];
  activeSheet: string;
  /** Current selection; A1 address without the sheet ("B3", "B3:D5"). */
  selection?: { sheet: string; address: string };
  /** Decimal and group separators of the host (application.cultureInfo.numberFormat). */
  culture: Culture;
  /** Saved document settings (Office.context.document.settings after saveAsync). */
  settings: Record<string, unknown>;
  displayLanguage: string;
  /** Requirement sets the host supports, e.g. { ExcelApi: '1.20' }. */
  supportedSets: Record<string, string>;
}

export const GENERAL = 'General';
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_FONT: Readonly<{ name: string; size: number }> = { name: 'Calibri', size: 11 };
/** The error codes Excel accepts as typed constants. */
export const TYPED_ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];

// ---------------------------------------------------------------------------
// Construction and access.

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function parseCellKey(key: string): { row: number; col: number } {
  const i = key.indexOf(',');
  return { row: Number(key.slice(0, i)), col: Number(key.slice(i + 1)) };
}

export function createSheet(name: string, init: Partial<FakeSheet> = {}): FakeSheet {
  return {
    name,
    cells: init.cells ?? new Map(),
    columnWidths: init.columnWidths ?? new Map(),
    defaultColumnWidth: init.defaultColumnWidth ?? DEFAULT_COLUMN_WIDTH,
    merges: init.merges ?? [],
    protected: init.protected ?? false,
    visibility: init.visibility ?? 'Visible',
    ...(init.defaultFont ? { defaultFont: init.defaultFont } : {}),
    ...(init.pageLayout ? { pageLayout: init.pageLayout } : {}),
  };
}

/** A workbook with the given parts; by default one empty "Sheet1", Indonesian culture, ExcelApi 1.20. */
export function createWorkbookModel(init: Partial<FakeWorkbookModel> = {}): FakeWorkbookModel {
  const sheets = init.sheets ?? [createSheet('Sheet1')];
  const firstVisible = sheets.find((s) => s.visibility === 'Visible') ?? sheets[0];
  return {
    sheets,
    activeSheet: init.activeSheet ?? firstVisible?.name ?? '',
    ...(init.selection ? { selection: init.selection } : {}),
    culture: init.culture ?? { decimal: ',', group: '.' },
    settings: init.settings ?? {},
    displayLanguage: init.displayLanguage ?? 'id-ID',
    supportedSets: init.supportedSets ?? { ExcelApi: '1.20' },
  };
}

/** Sheet by name, case-insensitive like Excel. */
export function findSheet(model: FakeWorkbookModel, name: string): FakeSheet | undefined {
  const lower = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function readCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function sheetDefaultFont(sheet: FakeSheet): FakeFont {
  return { name: sheet.defaultFont?.name ?? DEFAULT_FONT.name, size: sheet.defaultFont?.size ?? DEFAULT_FONT.size, bold: false };
}

export function cellFont(sheet: FakeSheet, cell: FakeCell | undefined): FakeFont {
  return cell?.font ?? sheetDefaultFont(sheet);
}

export function columnWidth(sheet: FakeSheet, col: number): number {
  return sheet.columnWidths.get(col) ?? sheet.defaultColumnWidth;
}

/** No value, no formula, no error (it may still carry formatting). */
export function isBlankCell(cell: FakeCell | undefined): boolean {
  return !cell || (cell.value === null && cell.formula === undefined && cell.error === undefined);
}

/** The cell carries a number format or font of its own. */
export function hasFormatting(sheet: FakeSheet, cell: FakeCell | undefined): boolean {
  if (!cell) return false;
  if (cell.numberFormat !== GENERAL) return true;
  if (cell.wrapText || (cell.verticalAlignment !== undefined && cell.verticalAlignment !== 'Bottom')) return true;
  if (!cell.font) return false;
  const d = sheetDefaultFont(sheet);
  return cell.font.bold || cell.font.name !== d.name || cell.font.size !== d.size;
}

/** Removes the cell from the map when it holds nothing at all. */
export function tidyCell(sheet: FakeSheet, row: number, col: number): void {
  const key = cellKey(row, col);
  const cell = sheet.cells.get(key);
  if (cell && isBlankCell(cell) && !hasFormatting(sheet, cell)) sheet.cells.delete(key);
}

export function ensureCell(sheet: FakeSheet, row: number, col: number): FakeCell {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: null, numberFormat: GENERAL };
    sheet.cells.set(key, cell);
  }
  return cell;
}

/**
 * The formatted text of a cell, like office-js Range.text: numbers through the number format with
 * the culture's separators, "TRUE"/"FALSE", the error code, '' when empty. Never "####".
 */
export function cellText(cell: FakeCell | undefined, culture: Culture): string {
  if (!cell) return '';
  if (cell.error !== undefined) return cell.error;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'number') return formatNumber(v, cell.numberFormat, culture);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/**
 * Bounding box of the used cells: cells with a value, formula or error; unless `valuesOnly`, also
 * cells that only carry formatting. Null for an empty sheet.
 */
export function usedArea(sheet: FakeSheet, valuesOnly: boolean): Area | null {
  let area: Area | null = null;
  for (const [key, cell] of sheet.cells) {
    if (isBlankCell(cell) && (valuesOnly || !hasFormatting(sheet, cell))) continue;
    const { row, col } = parseCellKey(key);
    if (!area) area = { top: row, bottom: row, left: col, right: col };
    else {
      if (row < area.top) area.top = row;
      if (row > area.bottom) area.bottom = row;
      if (col < area.left) area.left = col;
      if (col > area.right) area.right = col;
    }
  }
  return area;
}

// ---------------------------------------------------------------------------
// Calculation.

function cellResult(cell: FakeCell | undefined): number | string | boolean | null | { error: string } {
  if (!cell) return null;
  if (cell.error !== undefined) return { error: cell.error };
  return cell.value;
}

function storeResult(cell: FakeCell, result: FormulaResult): void {
  if (result === null) return; // cannot be computed here: keep the cached value
  if (typeof result === 'object') {
    cell.error = result.error;
    cell.value = result.error;
  } else {
    delete cell.error;
    cell.value = result;
  }
}

/**
 * Recomputes every formula cell of the sheet with the engine's evaluator, precedents first.
 * Formulas it cannot evaluate (other sheets, unknown functions) and cells in a circular reference
 * keep their cached value.
 */
export function recalculateSheet(sheet: FakeSheet): void {
  const state = new Map<string, 1 | 2>(); // 1 = being computed, 2 = done
  const get = (row: number, col: number) => cellResult(sheet.cells.get(cellKey(row, col)));
  const precedents = (key: string): string[] => {
    const formula = sheet.cells.get(key)?.formula;
    if (!formula) return [];
    return formulaReferences(formula)
      .map((r) => cellKey(r.row, r.col))
      .filter((k) => sheet.cells.get(k)?.formula !== undefined);
  };
  const circular = new Set<string>();
  for (const [start, startCell] of sheet.cells) {
    if (startCell.formula === undefined || state.has(start)) continue;
    const stack: { key: string; deps: string[]; i: number }[] = [{ key: start, deps: precedents(start), i: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.i < top.deps.length) {
        const dep = top.deps[top.i++];
        if (!state.has(dep)) {
          state.set(dep, 1);
          stack.push({ key: dep, deps: precedents(dep), i: 0 });
        } else if (state.get(dep) === 1) {
          // A cycle: every cell on the stack from `dep` up is part of it.
          for (let j = stack.length - 1; j >= 0; j--) {
            circular.add(stack[j].key);
            if (stack[j].key === dep) break;
          }
        }
        continue;
      }
      const cell = sheet.cells.get(top.key);
      if (cell?.formula !== undefined && !circular.has(top.key)) storeResult(cell, evaluateFormula(cell.formula, get));
      state.set(top.key, 2);
      stack.pop();
    }
  }
}

export function recalculate(model: FakeWorkbookModel): void {
  for (const sheet of model.sheets) recalculateSheet(sheet);
}

// ---------------------------------------------------------------------------
// What a value written to a cell becomes (Range.values / Range.formulas setters, typing).

export type CellInput = number | string | boolean | null | undefined;

export type Interpretation =
  | { kind: 'skip' }
  | { kind: 'invalid' }
  | { kind: 'clear' }
  | { kind: 'value'; value: number | string | boolean; numberFormat?: string }
  | { kind: 'error'; code: string }
  | { kind: 'formula'; formula: string };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A number as typed with the given separators: "1.600,5", "-12", "12,5%", "1e3". */
export function parseTypedNumber(text: string, culture: Culture): { value: number; percent: boolean; decimals: number } | null {
  let s = text.trim();
  if (!s) return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  if (s.startsWith('+') || s.startsWith('-')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  const g = escapeRe(culture.group);
  const d = escapeRe(culture.decimal);
  const m = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d*))?(?:[eE]([+-]?\\d+))?$`).exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const int = (m[1] ?? '0').split(culture.group).join('');
  const frac = m[2] ?? '';
  let value = sign * Number(`${int}.${frac || '0'}e${m[3] ?? '0'}`);
  if (!Number.isFinite(value)) return null;
  if (percent) value /= 100;
  return { value, percent, decimals: frac.length };
}

const INVARIANT: Culture = { decimal: '.', group: ',' };

/**
 * What Excel makes of a value written to a cell, as if typed: '' clears; null/undefined leaves the
 * cell alone; in a Text ("@") cell a string stays as it is; "'x" is the text x; "=…" is a formula;
 * "#N/A" and the other error literals are errors; TRUE/FALSE are booleans; number-like text becomes
 * a number (read with the host's separators, else the invariant ones; "12%" gives 0.12 in "0%");
 * other text starting with "+" or "-" becomes a formula (=+…, =-…); anything else is text.
 */
export function interpretInput(input: unknown, numberFormat: string, culture: Culture): Interpretation {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') return Number.isFinite(input) ? { kind: 'value', value: input } : { kind: 'invalid' };
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') return { kind: 'invalid' };
  const s = input;
  if (s === '') return { kind: 'clear' };
  if (numberFormat === '@') return { kind: 'value', value: s };
  if (s.startsWith("'")) return s.length === 1 ? { kind: 'clear' } : { kind: 'value', value: s.slice(1) };
  if (s.startsWith('=') && s.trim().length > 1) return { kind: 'formula', formula: s };
  const upper = s.trim().toUpperCase();
  const err = TYPED_ERRORS.find((e) => e === upper);
  if (err) return { kind: 'error', code: err };
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  const num = parseTypedNumber(s, culture) ?? parseTypedNumber(s, INVARIANT);
  if (num) {
    const general = numberFormat === GENERAL;
    if (num.percent && general) return { kind: 'value', value: num.value, numberFormat: num.decimals > 0 ? '0.00%' : '0%' };
    return { kind: 'value', value: num.value };
  }
  if ((s.startsWith('+') || s.startsWith('-')) && /[A-Za-z0-9(]/.test(s.slice(1))) return { kind: 'formula', formula: `=${s}` };
  return { kind: 'value', value: s };
}

/** Stores an interpretation in a cell (no recalculation). Returns false for 'skip'/'invalid'. */
export function applyInterpretation(sheet: FakeSheet, row: number, col: number, it: Interpretation): boolean {
  if (it.kind === 'skip' || it.kind === 'invalid') return false;
  const cell = ensureCell(sheet, row, col);
  delete cell.formula;
  delete cell.error;
  switch (it.kind) {
    case 'clear':
      cell.value = null;
      break;
    case 'value':
      cell.value = it.value;
      if (it.numberFormat) cell.numberFormat = it.numberFormat;
      break;
    case 'error':
      cell.value = it.code;
      cell.error = it.code;
      break;
    case 'formula':
      cell.formula = it.formula;
      cell.value = null; // computed by the next recalculation
      break;
  }
  tidyCell(sheet, row, col);
  return true;
}

/**
 * Writes a cell as if typed (see interpretInput) and recalculates: for tests and for simulating
 * another user between syncs. `address` is "B3" or "Sheet!B3" (then `sheetName` may be null).
 */
export function setCell(model: FakeWorkbookModel, sheetName: string | null, address: string, input: CellInput): void {
  const { sheet: named, ref } = splitSheet(address);
  const name = named ?? sheetName;
  const sheet = name ? findSheet(model, name) : undefined;
  const area = parseArea(ref);
  if (!sheet) throw new Error(`setCell: no sheet "${name}"`);
  if (!area || area.top !== area.bottom || area.left !== area.right) throw new Error(`setCell: "${address}" is not one cell`);
  const current = readCell(sheet, area.top, area.left);
  const it = interpretInput(input, current?.numberFormat ?? GENERAL, model.culture);
  if (it.kind === 'invalid') throw new Error(`setCell: cannot store ${String(input)}`);
  applyInterpretation(sheet, area.top, area.left, it);
  recalculate(model);
}

/** The cell at "B3" / "Sheet!B3", or undefined when empty. */
export function getCell(model: FakeWorkbookModel, sheetName: string | null, address: string): FakeCell | undefined {
  const { sheet: named, ref } = splitSheet(address);
  const sheet = findSheet(model, named ?? sheetName ?? model.activeSheet);
  const area = parseArea(ref);
  if (!sheet || !area) return undefined;
  return readCell(sheet, area.top, area.left);
}

// ---------------------------------------------------------------------------
// Snapshots (src/engine/types.ts) to model and back.

export interface FromSnapshotOptions extends Partial<Omit<FakeWorkbookModel, 'sheets'>> {
  /** Recompute formulas now (default false: keep the cached values of the snapshot). */
  recalculate?: boolean;
}

function fakeCellFromCell(c: Cell, sheet: FakeSheet): FakeCell | undefined {
  const numberFormat = c.numberFormat ?? GENERAL;
  const cell: FakeCell = { value: c.value ?? null, numberFormat };
  if (c.isError && c.value !== null && c.value !== undefined) {
    cell.error = String(c.value);
    cell.value = cell.error;
  }
  if (c.formula) cell.formula = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  if (c.bold !== undefined || c.fontName !== undefined || c.fontSize !== undefined) {
    const d = sheetDefaultFont(sheet);
    cell.font = { name: c.fontName ?? d.name, size: c.fontSize ?? d.size, bold: !!c.bold };
    if (!cell.font.bold && cell.font.name === d.name && cell.font.size === d.size) delete cell.font;
  }
  if (isBlankCell(cell) && !hasFormatting(sheet, cell)) return undefined;
  return cell;
}

export function modelFromSnapshot(snapshot: WorkbookSnapshot, options: FromSnapshotOptions = {}): FakeWorkbookModel {
  const sheets = snapshot.sheets.map((s) => sheetFromSnapshot(s));
  const { recalculate: recalc, ...rest } = options;
  const model = createWorkbookModel({ ...rest, sheets });
  if (recalc) recalculate(model);
  return model;
}

export function sheetFromSnapshot(s: SheetSnapshot): FakeSheet {
  const sheet = createSheet(s.name, {
    merges: (s.merges ?? []).map((m) => ({ ...m })),
    protected: !!s.protected,
    visibility: s.hidden ? 'Hidden' : 'Visible',
    ...(s.defaultFont ? { defaultFont: { ...s.defaultFont } } : {}),
  });
  s.cells.forEach((row, r) => {
    row?.forEach((c, col) => {
      if (!c) return;
      const cell = fakeCellFromCell(c, sheet);
      if (cell) sheet.cells.set(cellKey(r, col), cell);
    });
  });
  s.columnWidths?.forEach((w, col) => {
    if (w !== undefined && w !== null) sheet.columnWidths.set(col, w);
  });
  return sheet;
}

/** The model as the engine's snapshot, with `text` computed like Range.text. */
export function snapshotFromModel(model: FakeWorkbookModel): WorkbookSnapshot {
  return { sheets: model.sheets.map((s) => sheetToSnapshot(s, model.culture)) };
}

export function sheetToSnapshot(sheet: FakeSheet, culture: Culture): SheetSnapshot {
  const cells: (Cell | undefined)[][] = [];
  let maxCol = -1;
  for (const [key, fc] of sheet.cells) {
    if (isBlankCell(fc)) continue;
    const { row, col } = parseCellKey(key);
    const cell: Cell = { value: fc.error ?? fc.value, text: cellText(fc, culture), numberFormat: fc.numberFormat };
    if (fc.error !== undefined) cell.isError = true;
    if (fc.formula !== undefined) cell.formula = fc.formula;
    if (fc.font) {
      cell.bold = fc.font.bold;
      cell.fontName = fc.font.name;
      cell.fontSize = fc.font.size;
    }
    (cells[row] ??= [])[col] = cell;
    if (col > maxCol) maxCol = col;
  }
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  for (const col of sheet.columnWidths.keys()) if (col > maxCol) maxCol = col;
  const columnWidths: number[] = [];
  for (let c = 0; c <= maxCol; c++) columnWidths.push(columnWidth(sheet, c));
  const out: SheetSnapshot = {
    name: sheet.name,
    cells,
    merges: sheet.merges.map((m) => ({ ...m })),
    columnWidths,
    defaultFont: { name: sheet.defaultFont?.name ?? DEFAULT_FONT.name, size: sheet.defaultFont?.size ?? DEFAULT_FONT.size },
    protected: sheet.protected,
    hidden: sheet.visibility !== 'Visible',
  };
  return out;
}

// ---------------------------------------------------------------------------
// Misc.

/** Compares "1.13" and "1.9" numerically: negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number(x) || 0);
  const pb = b.split('.').map((x) => Number(x) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A1 address of an area without the sheet ("B3", "B3:D5", "C:C"). */
export { formatArea as areaAddress };
