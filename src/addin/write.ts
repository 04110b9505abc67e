// Writes the engine's certain repairs into the open workbook, safely:
// - re-reads every cell right before writing and leaves alone what changed since the scan;
// - writes nothing to protected sheets, and says which sheet and why;
// - writes everything in one batch, with delayForCellEdit, as one undo step where ExcelApi 1.20 allows;
// - keeps its own record of each cell it changes (value, formula, number format, column width) so
//   "Batalkan" restores it exactly, and rolls the batch back itself if Excel fails midway;
// - appends every change to the sheet "Log Capaian" as plain values.
import { parseAddress } from '../engine/a1';
import type { Cell, Fix, RuleId, WorkbookSnapshot } from '../engine/types';
import type { CellScalar, ExcelLike, OfficeContextLike, RangeLike, RequestContextLike, WorksheetLike } from './excel-like';
import { supports } from './read';

export const LOG_SHEET = 'Log Capaian';
const LOG_HEADER = ['Waktu', 'Lembar', 'Sel', 'Nilai lama', 'Nilai baru', 'Aturan'];

export interface CellState {
  value: CellScalar;
  formula?: string;
  numberFormat: string;
}

export interface UndoEntry {
  sheet: string;
  /** A1 cell, or the column letter for a width. */
  cell: string;
  kind: 'cell' | 'columnWidth';
  rule: RuleId;
  before: CellState | { width: number };
  after?: CellState | { width: number };
}

export interface UndoBatch {
  id: string;
  time: string;
  entries: UndoEntry[];
}

export interface Skipped {
  fix: Fix;
  reason: string;
  reasonEn: string;
}

export interface ApplyOutcome {
  applied: Fix[];
  skipped: Skipped[];
  undo: UndoBatch;
  /** Whether Excel itself groups the batch into one Ctrl+Z step (ExcelApi 1.20). */
  excelUndo: boolean;
}

/**
 * A string is written so that it stays the same text: Excel would turn "=…", "+…", "-…", "@…" into a
 * formula and "55.599.900,00" or "12" into a number, so such strings get a leading apostrophe
 * (Excel keeps it as a prefix, not in the value).
 */
export function asPlainValue(v: CellScalar | null | undefined): CellScalar {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string' || v === '') return v;
  return /^[=+\-@'\d.,(]/.test(v.trim()) ? `'${v}` : v;
}

/** A value for the log: numbers as numbers, everything else as text (written into Text-formatted cells). */
function logValue(v: unknown): CellScalar {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function sameScalar(a: CellScalar | null | undefined, b: CellScalar | null | undefined): boolean {
  const na = a === null || a === undefined ? '' : a;
  const nb = b === null || b === undefined ? '' : b;
  if (typeof na === 'number' && typeof nb === 'number') return Math.abs(na - nb) <= 1e-9 * Math.max(1, Math.abs(na));
  return na === nb;
}

/** True when what Excel holds now is what the scan saw. */
function unchangedSinceScan(scan: Cell | undefined, value: CellScalar, formula: CellScalar): boolean {
  const scanFormula = scan?.formula;
  const nowFormula = typeof formula === 'string' && formula.startsWith('=') ? formula : undefined;
  if ((scanFormula ?? '') !== (nowFormula ?? '')) return false;
  if (scanFormula) return true; // a formula's cached result may move with its inputs
  return sameScalar(scan?.value ?? null, value);
}

function scanCell(snapshot: WorkbookSnapshot, sheet: string, a1: string): Cell | undefined {
  const p = parseAddress(a1);
  if (!p) return undefined;
  return snapshot.sheets.find((s) => s.name === sheet)?.cells[p.row]?.[p.col];
}

function stateOf(range: RangeLike): CellState {
  const f = range.formulas[0][0];
  const v = range.values[0][0];
  return {
    value: v,
    // A text cell reading "=…" (typed with an apostrophe) reports the same text in both.
    formula: typeof f === 'string' && f.startsWith('=') && f !== v ? f : undefined,
    numberFormat: range.numberFormat[0][0],
  };
}

function writeState(range: RangeLike, s: CellState): void {
  range.numberFormat = [[s.numberFormat]];
  if (s.formula) range.formulas = [[s.formula]];
  // A Text-formatted ("@") cell takes a string as it is; elsewhere it is protected from parsing.
  else range.values = [[s.numberFormat === '@' ? s.value : asPlainValue(s.value)]];
}

function isCellState(s: CellState | { width: number }): s is CellState {
  return !('width' in s);
}

let batchCounter = 0;

export interface ApplyOptions {
  office?: OfficeContextLike;
  /** The snapshot the fixes were computed from (to detect cells changed since the scan). */
  snapshot: WorkbookSnapshot;
  /** Clock for the log; tests pass a fixed one. */
  now?: () => Date;
}

export async function applyFixes(excel: ExcelLike, fixes: Fix[], options: ApplyOptions): Promise<ApplyOutcome> {
  const now = options.now ?? (() => new Date());
  const excelUndo = supports(options.office, '1.20');
  const undo: UndoBatch = { id: `b${Date.now()}-${++batchCounter}`, time: now().toISOString(), entries: [] };
  const applied: Fix[] = [];
  const skipped: Skipped[] = [];
  const toApply = fixes.filter((f) => f.certain);

  const run = (batch: (ctx: RequestContextLike) => Promise<void>) =>
    excelUndo ? excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, batch) : excel.run({ delayForCellEdit: true }, batch);

  await run(async (ctx) => {
    // A. Re-read protection, every target cell and column, and the log sheet.
    const sheetNames = [...new Set(toApply.map((f) => f.sheet))];
    const sheets = new Map<string, WorksheetLike>();
    for (const name of sheetNames) {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load('name');
      ws.protection.load('protected');
      sheets.set(name, ws);
    }
    const targets = toApply.map((f) => {
      const ws = sheets.get(f.sheet)!;
      if (f.kind === 'columnWidth') {
        const col = ws.getRange(`${f.cell}:${f.cell}`);
        col.format.load('columnWidth');
        return { fix: f, range: col };
      }
      return { fix: f, range: ws.getRange(f.cell).load('values,formulas,numberFormat') };
    });
    const log = ctx.workbook.worksheets.getItemOrNullObject(LOG_SHEET);
    const logUsed = log.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
    await ctx.sync();

    // B. Decide, then write everything in one batch.
    const writes: { fix: Fix; range: RangeLike; entry: UndoEntry }[] = [];
    for (const { fix, range } of targets) {
      const ws = sheets.get(fix.sheet)!;
      if (ws.isNullObject) {
        skipped.push({ fix, reason: `Lembar "${fix.sheet}" tidak ada lagi.`, reasonEn: `Sheet "${fix.sheet}" no longer exists.` });
        continue;
      }
      if (ws.protection.protected) {
        skipped.push({
          fix,
          reason: `Lembar "${fix.sheet}" dilindungi (protected), jadi tidak ada yang ditulis ke lembar ini. Buka proteksinya (Tinjau → Buka Proteksi Lembar) lalu jalankan lagi.`,
          reasonEn: `Sheet "${fix.sheet}" is protected, so nothing was written to it. Unprotect it (Review → Unprotect Sheet) and run again.`,
        });
        continue;
      }
      if (fix.kind === 'columnWidth') {
        writes.push({ fix, range, entry: { sheet: fix.sheet, cell: fix.cell, kind: 'columnWidth', rule: fix.rule, before: { width: range.format.columnWidth } } });
        continue;
      }
      const state = stateOf(range);
      if (!unchangedSinceScan(scanCell(options.snapshot, fix.sheet, fix.cell), state.value, state.formula ?? '')) {
        skipped.push({
          fix,
          reason: `Sel ${fix.sheet}!${fix.cell} berubah sejak diperiksa (diketik atau diubah orang lain); dibiarkan. Periksa ulang lalu jalankan lagi.`,
          reasonEn: `Cell ${fix.sheet}!${fix.cell} changed since the check (typed, or edited by someone else); left alone. Check again and rerun.`,
        });
        continue;
      }
      writes.push({ fix, range, entry: { sheet: fix.sheet, cell: fix.cell, kind: 'cell', rule: fix.rule, before: state } });
    }
    if (writes.length === 0) return;

    for (const { fix, range, entry } of writes) {
      if (fix.kind === 'columnWidth') {
        // Autofit the numbers of the column (not its header), never narrower than before.
        const ws = sheets.get(fix.sheet)!;
        if (fix.range) ws.getRange(fix.range).format.autofitColumns();
        else range.format.columnWidth = fix.width!;
        continue;
      }
      const w = fix.write!;
      const before = entry.before as CellState;
      const after: CellState = {
        value: w.value === null ? '' : w.value,
        formula: w.formula,
        numberFormat: w.numberFormat ?? before.numberFormat,
      };
      writeState(range, after);
      entry.after = after;
    }
    // The log, as plain values.
    const logSheet = log.isNullObject ? ctx.workbook.worksheets.add(LOG_SHEET) : log;
    let next = log.isNullObject || logUsed.isNullObject ? 0 : logUsed.rowIndex + logUsed.rowCount;
    const rows: CellScalar[][] = [];
    if (next === 0) rows.push(LOG_HEADER);
    const time = now().toLocaleString('id-ID');
    for (const { fix } of writes) rows.push([time, logValue(fix.sheet), logValue(fix.cell), logValue(fix.old), logValue(fix.new), fix.rule]);
    const logRange = logSheet.getRange(`A${next + 1}:F${next + rows.length}`);
    // Text goes into Text-formatted cells, so "=…", "+…", "-…", "@…" stay text; numbers stay numbers.
    logRange.numberFormat = rows.map((r) => r.map((v) => (typeof v === 'string' ? '@' : 'General')));
    logRange.values = rows;
    next += rows.length;

    try {
      await ctx.sync();
    } catch (e) {
      // Excel applies a batch up to the failing operation: put back what was written.
      await restore(excel, writes.map((w) => w.entry), false).catch(() => undefined);
      throw e;
    }
    // C. Record what Excel now holds, for an exact "Batalkan" (always one sync, whatever was written).
    const after = writes.map((w) => {
      if (w.fix.kind === 'columnWidth') return w.range.format.load('columnWidth');
      return w.range.load('values,formulas,numberFormat');
    });
    await ctx.sync();
    writes.forEach((w, i) => {
      if (w.fix.kind === 'columnWidth') w.entry.after = { width: (after[i] as RangeLike['format']).columnWidth };
      else w.entry.after = stateOf(after[i] as RangeLike);
    });
    for (const { fix, entry } of writes) {
      applied.push(fix);
      undo.entries.push(entry);
    }
  });
  return { applied, skipped, undo, excelUndo };
}

export interface RestoreOutcome {
  restored: UndoEntry[];
  /** Cells changed again after the batch: left as they are. */
  changedSince: UndoEntry[];
}

/** Puts every cell of a batch back exactly as it was; cells changed since are left alone (unless forced). */
export async function restore(excel: ExcelLike, entries: UndoEntry[], checkChanged = true): Promise<RestoreOutcome> {
  const restored: UndoEntry[] = [];
  const changedSince: UndoEntry[] = [];
  await excel.run({ delayForCellEdit: true }, async (ctx) => {
    const reads = entries.map((e) => {
      const ws = ctx.workbook.worksheets.getItem(e.sheet);
      const range = e.kind === 'columnWidth' ? ws.getRange(`${e.cell}:${e.cell}`) : ws.getRange(e.cell);
      if (checkChanged) {
        if (e.kind === 'columnWidth') range.format.load('columnWidth');
        else range.load('values,formulas,numberFormat');
      }
      return { e, range };
    });
    if (checkChanged) await ctx.sync();
    for (const { e, range } of reads) {
      if (checkChanged && e.after) {
        if (isCellState(e.after)) {
          const now = stateOf(range);
          const same = (now.formula ?? '') === (e.after.formula ?? '') && (e.after.formula ? true : sameScalar(now.value, e.after.value));
          if (!same) {
            changedSince.push(e);
            continue;
          }
        } else if (Math.abs(range.format.columnWidth - e.after.width) > 0.01) {
          changedSince.push(e);
          continue;
        }
      }
      if (isCellState(e.before)) writeState(range, e.before);
      else range.format.columnWidth = e.before.width;
      restored.push(e);
    }
    await ctx.sync();
  });
  return { restored, changedSince };
}
