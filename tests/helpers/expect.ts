// Assertions shared by the rule tests: one finding / fix at a cell, fixes applied to a sheet,
// and the value a repaired cell shows (formulas evaluated over the repaired sheet).
import { evaluateFormula } from '../../src/engine/formula';
import type { Cell, Finding, Fix, RuleId, SheetSnapshot, WorkbookReport } from '../../src/engine/types';
import { allFixes, findings, ruleMeta } from './table';

/** "N12" -> { row: 11, col: 13 } (0-based). */
export function parseA1(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The single finding of `rule` at `cell`, checked for the catalogue severity and both messages. */
export function theFinding(report: WorkbookReport, rule: RuleId, cell: string | undefined, sheetName?: string): Finding {
  const at = findings(report, rule, sheetName).filter((f) => f.cell === cell);
  if (at.length !== 1) {
    const all = findings(report, rule, sheetName).map((f) => `${f.sheet}!${f.cell}`);
    throw new Error(`expected one ${rule} finding at ${cell}, got ${at.length} (all: ${all.join(', ') || 'none'})`);
  }
  const f = at[0];
  expect(f.rule).toBe(rule);
  expect(f.severity).toBe(ruleMeta(rule).severity);
  expect(f.message.length).toBeGreaterThan(10);
  expect(f.messageEn.length).toBeGreaterThan(10);
  if (sheetName) expect(f.sheet).toBe(sheetName);
  return f;
}

/** The single cell fix (of any rule) at `cell`. */
export function theFix(report: WorkbookReport, cell: string, sheetName?: string): Fix {
  const at = allFixes(report).filter((f) => f.kind === 'cell' && f.cell === cell && (!sheetName || f.sheet === sheetName));
  if (at.length !== 1) throw new Error(`expected one fix at ${cell}, got ${at.length}`);
  const f = at[0];
  expect(f.reason.length).toBeGreaterThan(5);
  expect(f.reasonEn.length).toBeGreaterThan(5);
  return f;
}

/** Cells of the finding list of a rule, in order. */
export const cellsOf = (list: { cell?: string }[]): (string | undefined)[] => list.map((f) => f.cell);

/** A copy of the sheet with the fixes' writes in their cells (cell fixes only). */
export function applyFixes(sheet: SheetSnapshot, fixes: Fix[]): SheetSnapshot {
  const cells = sheet.cells.map((r) => (r ? [...r] : r));
  for (const f of fixes) {
    if (f.sheet !== sheet.name || f.kind !== 'cell' || !f.write) continue;
    const { row, col } = parseA1(f.cell);
    while (cells.length <= row) cells.push([]);
    const old = cells[row][col];
    const next: Cell = { ...(old ?? {}), value: f.write.value, isError: false };
    delete next.formula;
    delete next.text;
    if (f.write.formula) next.formula = f.write.formula;
    if (f.write.numberFormat) next.numberFormat = f.write.numberFormat;
    cells[row][col] = next;
  }
  return { ...sheet, cells };
}

/**
 * What a cell evaluates to: its formula evaluated over the sheet (formula cells it refers to
 * evaluated too), else its value.
 */
export function evaluateCell(sheet: SheetSnapshot, a1: string): ReturnType<typeof evaluateFormula> {
  const busy = new Set<string>();
  const get = (row: number, col: number): ReturnType<typeof evaluateFormula> => {
    const c = sheet.cells[row]?.[col];
    if (!c) return null;
    if (c.formula) {
      const key = `${row},${col}`;
      if (busy.has(key)) return { error: '#REF!' };
      busy.add(key);
      const v = evaluateFormula(c.formula, (r, k) => get(r, k) ?? null);
      busy.delete(key);
      return v;
    }
    if (c.isError) return { error: String(c.value) };
    return c.value;
  };
  const { row, col } = parseA1(a1);
  return get(row, col);
}
