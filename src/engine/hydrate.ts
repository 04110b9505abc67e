// Files written by tools other than Excel carry formulas without cached results.
// Evaluates those formulas (the simple ones these tables use) so the engine sees values.
import { evaluateFormula } from './formula';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from './types';

export function hydrateFormulas(wb: WorkbookSnapshot): WorkbookSnapshot {
  return { ...wb, sheets: wb.sheets.map(hydrateSheet) };
}

function hydrateSheet(sheet: SheetSnapshot): SheetSnapshot {
  const missing: [number, number][] = [];
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (c?.formula && (c.value === null || c.value === undefined) && !c.isError) missing.push([r, col]);
    }),
  );
  if (missing.length === 0) return sheet;
  const cells = sheet.cells.map((row) => (row ? [...row] : row));
  const state = new Map<string, 'busy' | 'done'>();
  const valueAt = (r: number, c: number): number | string | boolean | null | { error: string } => {
    const key = `${r},${c}`;
    const cell = cells[r]?.[c];
    if (!cell) return null;
    if (cell.formula && (cell.value === null || cell.value === undefined) && !cell.isError && state.get(key) !== 'done') {
      if (state.get(key) === 'busy') return { error: '#REF!' }; // circular
      state.set(key, 'busy');
      const v = evaluateFormula(cell.formula, valueAt);
      state.set(key, 'done');
      const next: Cell =
        v !== null && typeof v === 'object'
          ? { ...cell, value: v.error, isError: true }
          : { ...cell, value: v === undefined ? null : v };
      cells[r][c] = next;
      return v;
    }
    if (cell.isError) return { error: String(cell.value) };
    return cell.value;
  };
  for (const [r, c] of missing) valueAt(r, c);
  return { ...sheet, cells };
}
