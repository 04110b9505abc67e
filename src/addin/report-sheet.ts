// "Laporan untuk pemeriksa": writes the result of the check into the workbook as the sheet
// "Laporan Validasi" (replacing what it held before): the date, the verdict, the counts for the
// workbook and per sheet, every remaining finding (sheet, cell, severity, rule, message, value found,
// value expected) and every finding set aside with its reason — laid out to print on A4.
// One Excel.run, two syncs; nothing else in the workbook is touched.
import { parseAddress } from '../engine/a1';
import { ruleMeta } from '../engine/rules/catalogue';
import type { Finding, ReportValue, Severity, WorkbookReport } from '../engine/types';
import type { CellScalar, ExcelLike, OfficeContextLike, WorksheetLike } from './excel-like';
import { strings, type Lang } from './i18n';
import { supports } from './read';
import type { IgnoredFinding } from './settings';
import { CAPAIAN_SHEETS } from '../engine/sheets';
import { LOG_SHEET } from './write';

export const REPORT_SHEET = 'Laporan Validasi';

/** Sheets Capaian writes itself (the change log, this report): never checked, never counted. */
export const OWN_SHEETS: readonly string[] = [...new Set([LOG_SHEET, REPORT_SHEET, ...CAPAIAN_SHEETS])];

export function isOwnSheet(name: string): boolean {
  const lower = name.toLowerCase();
  return OWN_SHEETS.some((s) => s.toLowerCase() === lower);
}

export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.notes++;
  }
  return c;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function cellPosition(cell: string | null | undefined): { row: number; col: number } {
  return (cell ? parseAddress(cell) : null) ?? { row: -1, col: -1 };
}

/** Errors first, then warnings, then notes; within a severity, top to bottom, left to right. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s) return s;
    const pa = cellPosition(a.cell);
    const pb = cellPosition(b.cell);
    return pa.row - pb.row || pa.col - pb.col;
  });
}

const ID_NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const ID_NUMBER_PRECISE = new Intl.NumberFormat('id-ID', { maximumSignificantDigits: 4 });

/** A value as Indonesians write it: 250.634.400, 98,53; texts as they are; "—" for nothing. */
export function formatValue(v: ReportValue | undefined, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') {
    const s = ID_NUMBER.format(v);
    // Keep small fractions visible (0,0039 is not 0).
    return Math.abs(v) < 0.01 && v !== 0 ? ID_NUMBER_PRECISE.format(v) : s;
  }
  if (typeof v === 'boolean') return lang === 'en' ? (v ? 'TRUE' : 'FALSE') : v ? 'BENAR' : 'SALAH';
  return v;
}

// ---------------------------------------------------------------------------
// The content, as rows of eight columns.

export const REPORT_COLUMNS = 8; // A..H
/** Column widths in points: No, Lembar, Sel, Tingkat, Aturan, Pesan, Ditemukan, Seharusnya (≈ 706 pt: A4 landscape). */
export const REPORT_WIDTHS = [28, 64, 40, 60, 110, 250, 78, 78];
/** The message column (F), which wraps. */
export const MESSAGE_COLUMN = 5;

export type RowKind = 'title' | 'line' | 'section' | 'header' | 'item' | 'blank';

export interface ReportRow {
  kind: RowKind;
  cells: (CellScalar | null)[];
}

export interface ValidationReportInput {
  report: WorkbookReport;
  ignored: IgnoredFinding[];
  lang: Lang;
  now: Date;
  /** To know whether the host has page layout (ExcelApi 1.9) and autofitRows (1.2); assumed when absent. */
  office?: OfficeContextLike;
}

function line(text: string, kind: RowKind = 'line'): ReportRow {
  return { kind, cells: [text] };
}

function valueCell(v: ReportValue, lang: Lang): CellScalar | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return v;
  return formatValue(v, lang);
}

function dateText(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

/** The rows of the report (pure: also used by tests and by the pane's preview of the counts). */
export function reportRows(input: ValidationReportInput): ReportRow[] {
  const { lang } = input;
  const t = strings(lang);
  const sheets = input.report.sheets.filter((s) => !isOwnSheet(s.name));
  // Errors first across the workbook, then warnings, then notes; within a severity in sheet order.
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const findings = sortFindings(sheets.flatMap((s) => s.findings)).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0),
  );
  const counts = countFindings(findings);
  const cols = t.reportColumns;
  const rows: ReportRow[] = [];
  rows.push(line(t.reportTitle, 'title'));
  rows.push(line(`${t.reportDate}: ${dateText(input.now, lang)}`));
  rows.push(line(`${t.reportResult}: ${counts.errors === 0 ? t.ready : t.notReady} — ${t.reportCounts(counts)}`));
  rows.push({ kind: 'blank', cells: [] });
  rows.push(line(t.reportPerSheet, 'section'));
  for (const s of sheets) {
    if (!s.layout) continue;
    rows.push(line(`${s.name}: ${t.reportCounts(countFindings(s.findings))}`));
  }
  rows.push({ kind: 'blank', cells: [] });

  rows.push(line(t.reportRemaining, 'section'));
  if (findings.length === 0) rows.push(line(t.reportNone));
  else {
    rows.push({ kind: 'header', cells: [cols.no, cols.sheet, cols.cell, cols.severity, cols.rule, cols.message, cols.found, cols.expected] });
    findings.forEach((f, i) =>
      rows.push({
        kind: 'item',
        cells: [
          i + 1,
          f.sheet,
          f.cell ?? '',
          t.severity[f.severity],
          ruleMeta(f.rule).title[lang],
          lang === 'en' ? f.messageEn : f.message,
          valueCell(f.actual, lang),
          valueCell(f.expected, lang),
        ],
      }),
    );
  }
  rows.push({ kind: 'blank', cells: [] });

  rows.push(line(t.reportIgnored, 'section'));
  const ignored = input.ignored.filter((g) => !isOwnSheet(g.sheet));
  if (ignored.length === 0) rows.push(line(t.reportNone));
  else {
    rows.push({ kind: 'header', cells: [cols.no, cols.sheet, cols.cell, cols.severity, cols.rule, cols.reason, cols.at, null] });
    ignored.forEach((g, i) => {
      const meta = ruleMeta(g.rule);
      const at = new Date(g.at);
      rows.push({
        kind: 'item',
        cells: [i + 1, g.sheet, g.cell ?? '', t.severity[meta.severity], meta.title[lang], g.reason || t.noReason, Number.isNaN(at.getTime()) ? g.at : dateText(at, lang), null],
      });
    });
  }
  rows.push({ kind: 'blank', cells: [] });
  rows.push(line(t.reportFooter));
  return rows;
}

/** Number format of a value: text stays text ("@"), whole numbers grouped, fractions as Excel shows them. */
function formatOf(v: CellScalar | null): string {
  if (v === null || v === '') return 'General';
  if (typeof v === 'string') return '@';
  if (typeof v === 'number') return Number.isInteger(v) ? '#,##0' : Math.abs(v) >= 1 ? '#,##0.00' : 'General';
  return 'General';
}

export class ReportSheetProtectedError extends Error {
  constructor(readonly sheet: string) {
    super(`Sheet "${sheet}" is protected.`);
    this.name = 'ReportSheetProtectedError';
  }
}

export interface ValidationReportResult {
  sheet: string;
  rows: number;
  /** Whether the A4 page layout could be set (ExcelApi 1.9). */
  pageLayout: boolean;
}

function letter(col: number): string {
  return String.fromCharCode(65 + col);
}

/** Writes (or rewrites) the sheet "Laporan Validasi" and makes it the active sheet. */
export async function writeValidationReport(excel: ExcelLike, input: ValidationReportInput): Promise<ValidationReportResult> {
  const rows = reportRows(input);
  const n = rows.length;
  const last = letter(REPORT_COLUMNS - 1);
  const values: CellScalar[][] = rows.map((r) => Array.from({ length: REPORT_COLUMNS }, (_, c) => r.cells[c] ?? ''));
  const formats: string[][] = rows.map((r) => Array.from({ length: REPORT_COLUMNS }, (_, c) => formatOf(r.cells[c] ?? null)));
  const pageLayout = !input.office || supports(input.office, '1.9');
  const autofitRows = !input.office || supports(input.office, '1.2');

  await excel.run(async (ctx) => {
    const existing = ctx.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
    existing.load('name');
    existing.protection.load('protected');
    await ctx.sync();
    if (!existing.isNullObject && existing.protection.protected) throw new ReportSheetProtectedError(existing.name);
    let ws: WorksheetLike;
    if (existing.isNullObject) ws = ctx.workbook.worksheets.add(REPORT_SHEET);
    else {
      ws = existing;
      ws.getRange().clear('All');
    }

    const all = ws.getRange(`A1:${last}${n}`);
    all.numberFormat = formats; // before the values, so that texts stay texts
    all.values = values;
    all.format.verticalAlignment = 'Top';

    REPORT_WIDTHS.forEach((w, c) => (ws.getRange(`${letter(c)}:${letter(c)}`).format.columnWidth = w));
    // Tables: wrap every cell of the item and header rows (titles and lines overflow to the right instead).
    let i = 0;
    while (i < n) {
      const kind = rows[i].kind;
      let j = i;
      while (j + 1 < n && rows[j + 1].kind === kind) j++;
      const block = ws.getRange(`A${i + 1}:${last}${j + 1}`);
      if (kind === 'item' || kind === 'header') block.format.wrapText = true;
      if (kind === 'title' || kind === 'section' || kind === 'header') block.format.font.bold = true;
      if (kind === 'title') block.format.font.size = 14;
      i = j + 1;
    }
    if (autofitRows) all.format.autofitRows();
    if (pageLayout) {
      const pl = ws.pageLayout;
      pl.paperSize = 'A4';
      pl.orientation = 'Landscape';
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }; // one page wide, as many pages down as needed
      pl.printGridlines = true;
    }
    ws.activate();
    await ctx.sync();
  });
  return { sheet: REPORT_SHEET, rows: n, pageLayout };
}
