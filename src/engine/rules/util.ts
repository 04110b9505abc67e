// Shared pieces of the rules: cell positions, messages, and how a new value is written in the form the cell uses.
import { address, columnLetter } from '../a1';
import type { SheetContext } from '../context';
import { cellText } from '../grid';
import { formatIdNumber } from '../numfmt';
import { equalAtPrecision, isPercentFormat, roundTo } from '../numbers';
import { evaluateFormula } from '../formula';
import type { AmountKey } from '../tree';
import type { BudgetRow, CellWrite, ColumnRole, ReportValue } from '../types';

export const KEY_COLUMN: Record<AmountKey, ColumnRole> = {
  pagu: 'pagu',
  kas1: 'kas1',
  kas2: 'kas2',
  kas3: 'kas3',
  kas4: 'kas4',
  realisasi: 'realisasi',
};

export function columnOf(ctx: SheetContext, role: ColumnRole): number | undefined {
  return ctx.layout.columns[role];
}

export function at(ctx: SheetContext, row: number, role: ColumnRole): { row: number; col: number } | null {
  const col = columnOf(ctx, role);
  return col === undefined ? null : { row, col };
}

/** Rupiah in Indonesian notation. */
export function rp(n: number | null): string {
  if (n === null) return '(kosong)';
  return `Rp ${formatIdNumber(n, Number.isInteger(roundTo(n, 2)) ? 0 : 2)}`;
}

export function pct(n: number | null, decimals = 2): string {
  if (n === null) return '-';
  return `${formatIdNumber(n, decimals)}%`;
}

/** Short description of a row for messages: level and name. */
export function rowLabel(r: BudgetRow): { id: string; en: string } {
  const nama = r.nama ? `"${r.nama.length > 60 ? `${r.nama.slice(0, 57)}…` : r.nama}"` : '(tanpa nama)';
  const namaEn = r.nama ? nama : '(no name)';
  switch (r.level) {
    case 'program':
      return { id: `program ${nama}`, en: `program ${namaEn}` };
    case 'kegiatan':
      return { id: `kegiatan ${nama}`, en: `kegiatan ${namaEn}` };
    case 'subKegiatan':
      return { id: `sub kegiatan ${nama}`, en: `sub kegiatan ${namaEn}` };
    default:
      return { id: `baris ${nama}`, en: `row ${namaEn}` };
  }
}

/** The number format most used by numbers in a column of the table (for cells that were empty or text). */
export function columnNumberFormat(ctx: SheetContext, col: number, fallback: string): string {
  const counts = new Map<string, number>();
  for (let r = ctx.layout.firstDataRow; r <= ctx.layout.lastDataRow; r++) {
    const c = ctx.grid.cell(r, col);
    if (c && typeof c.value === 'number' && c.numberFormat && c.numberFormat !== 'General' && c.numberFormat !== '@') {
      counts.set(c.numberFormat, (counts.get(c.numberFormat) ?? 0) + 1);
    }
  }
  let best = fallback;
  let n = 0;
  for (const [f, k] of counts) if (k > n) [best, n] = [f, k];
  return best;
}

/** Number format that shows a number the way a text showed it ("55.599.900,00" -> 2 decimals). */
export function formatForDecimals(decimals: number | undefined, percent = false): string {
  const d = decimals ?? 0;
  const frac = d > 0 ? `.${'0'.repeat(d)}` : '';
  return percent ? `0${frac}%` : `#,##0${frac}`;
}

/**
 * The number format for a capaian written into a cell that held no number: the column's own format
 * when it is of the same kind (percent or not), else one showing `decimals` decimals.
 */
export function capaianNumberFormat(columnFormat: string, percentFormat: boolean, decimals: number): string {
  if (columnFormat && isPercentFormat(columnFormat) === percentFormat) return columnFormat;
  return percentFormat ? `0.${'0'.repeat(decimals)}%` : `0.${'0'.repeat(Math.max(decimals, 2))}`;
}

/**
 * How an amount is written: a cell with a formula gets a working SUM over the rows that make it up;
 * a number keeps its format; a text or empty cell becomes a number formatted like the column.
 */
export function amountWrite(ctx: SheetContext, r: BudgetRow, key: AmountKey, value: number): CellWrite {
  const col = columnOf(ctx, KEY_COLUMN[key])!;
  const cell = ctx.grid.cell(r.row, col);
  const a = key === 'pagu' ? r.pagu : key === 'realisasi' ? r.realisasi : r.kas[Number(key.slice(3)) - 1];
  let numberFormat: string | undefined;
  if (!cell || typeof cell.value !== 'number' || !cell.numberFormat || cell.numberFormat === '@') {
    numberFormat = a.source === 'text' ? formatForDecimals(a.decimals) : columnNumberFormat(ctx, col, '#,##0');
  }
  if (cell?.formula && r.children.length > 0) {
    return { value, formula: sumFormula(col, r.children.map((c) => c.row)), numberFormat };
  }
  return { value, numberFormat };
}

/** =SUM(N9:N11) for consecutive rows, =SUM(N9,N12,N15) otherwise. */
export function sumFormula(col: number, rows: number[]): string {
  const L = columnLetter(col);
  const sorted = [...rows].sort((a, b) => a - b);
  const consecutive = sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1);
  if (consecutive && sorted.length > 1) return `=SUM(${L}${sorted[0] + 1}:${L}${sorted[sorted.length - 1] + 1})`;
  return `=SUM(${sorted.map((r) => `${L}${r + 1}`).join(',')})`;
}

export function addr(row: number, col: number): string {
  return address(row, col);
}

export function textAt(ctx: SheetContext, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(ctx.grid.cell(row, col));
}

/** Value of a cell once the fixes collected so far are applied (errors as { error }). */
export function afterFixes(ctx: SheetContext, row: number, col: number): number | string | boolean | null | { error: string } {
  const f = ctx.out.getFix(address(row, col));
  if (f?.write) return f.write.value;
  const c = ctx.grid.cell(row, col);
  if (!c) return null;
  if (c.isError) return { error: String(c.value) };
  return c.value;
}

/** True when a formula, evaluated over the repaired cells, gives `expected` at the given decimals. */
export function evaluatesTo(ctx: SheetContext, formula: string, expected: number, decimals: number): boolean {
  const v = evaluateFormula(formula, (r, c) => afterFixes(ctx, r, c));
  return typeof v === 'number' && equalAtPrecision(v, expected, decimals);
}
