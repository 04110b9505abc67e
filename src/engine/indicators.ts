// Reads the performance block: one indicator per row that carries a target or a capaian,
// and computes its capaian by polarity.
import { Grid, cellText, normalize } from './grid';
import { readAmount } from './numbers';
import type { Amount, BudgetRow, IndicatorRow, Layout, Polarity } from './types';

const EMPTY: Amount = { value: null, source: 'empty' };

export function readIndicators(grid: Grid, layout: Layout, budgetRows: BudgetRow[]): IndicatorRow[] {
  const c = layout.columns;
  const targetCols = [c.target1, c.target2, c.target3, c.target4];
  if (targetCols.every((x) => x === undefined) && c.capaianIndikator === undefined) return [];
  const amount = (r: number, col: number | undefined): Amount =>
    col === undefined || grid.isMergedAway(r, col) ? EMPTY : readAmount(grid.cell(r, col), { percent: true });
  const byRow = new Map(budgetRows.map((b) => [b.row, b]));
  const out: IndicatorRow[] = [];
  let lastName = '';
  let program: BudgetRow | undefined;
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const b = byRow.get(r);
    if (b?.level === 'program') program = b;
    const nameCol = c.indikatorSasaran ?? c.indikatorTujuan;
    const name = nameCol !== undefined ? cellText(grid.visibleCell(r, nameCol)) : '';
    if (name) lastName = name;
    const targets = targetCols.map((col) => amount(r, col)) as [Amount, Amount, Amount, Amount];
    const realisasi = amount(r, c.realisasiIndikator);
    const capaian = amount(r, c.capaianIndikator);
    const anyTarget = targets.some((t) => t.source !== 'empty' && t.source !== 'dash');
    if (!anyTarget && capaian.source === 'empty') continue;
    const formulasi = c.formulasi !== undefined ? cellText(grid.visibleCell(r, c.formulasi)) : '';
    out.push({
      row: r,
      nama: name || lastName || formulasi,
      formulasi: formulasi || undefined,
      targets,
      realisasi,
      capaian,
      program: b && b.level === 'program' ? b : program,
    });
  }
  return out;
}

/** Target text written as a range: "80-90", "80 – 90 %", "80 s/d 90". */
export function parseRange(text: string): { low: number; high: number } | null {
  const m = /^\s*(-?[\d.,]+)\s*%?\s*(?:-|–|—|s\/d|s\.d\.?|sampai)\s*(-?[\d.,]+)\s*%?\s*$/i.exec(text);
  if (!m) return null;
  const n = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
  const low = n(m[1]);
  const high = n(m[2]);
  if (!Number.isFinite(low) || !Number.isFinite(high) || high <= low) return null;
  return { low, high };
}

/** Polarity from the user's choice, else from words in the indicator ("semakin kecil semakin baik"). */
export function polarityOf(
  ind: IndicatorRow,
  sheet: string,
  chosen: Record<string, Polarity> | undefined,
  targetText: string,
): Polarity {
  const byRow = chosen?.[`${sheet}!${ind.row + 1}`];
  if (byRow) return byRow;
  const byName = chosen?.[normalize(ind.nama)];
  if (byName) return byName;
  if (parseRange(targetText)) return 'range';
  if (/SEMAKIN KECIL|SEMAKIN RENDAH|MAKIN KECIL/.test(normalize(ind.nama))) return 'lower';
  return 'higher';
}

/** Capaian in percent by polarity; null when it cannot be computed (no target, division by zero). */
export function indicatorCapaian(
  polarity: Polarity,
  target: number | null,
  realisasi: number | null,
  range?: { low: number; high: number } | null,
): number | null {
  if (realisasi === null) return null;
  if (polarity === 'range') {
    if (!range) return null;
    if (realisasi > range.high) return (realisasi / range.high) * 100;
    if (realisasi < range.low) return range.low === 0 ? null : (realisasi / range.low) * 100;
    return 100;
  }
  if (target === null || target === 0) return null;
  switch (polarity) {
    case 'lower':
      return ((2 * target - realisasi) / target) * 100;
    case 'lowerRatio':
      return realisasi === 0 ? null : (target / realisasi) * 100;
    default:
      return (realisasi / target) * 100;
  }
}

/** Predicate band used in evaluations. */
export function predikat(capaian: number): { id: string; en: string } {
  if (capaian >= 91) return { id: 'Sangat Tinggi', en: 'Very high' };
  if (capaian >= 76) return { id: 'Tinggi', en: 'High' };
  if (capaian >= 66) return { id: 'Sedang', en: 'Medium' };
  if (capaian >= 51) return { id: 'Rendah', en: 'Low' };
  return { id: 'Sangat Rendah', en: 'Very low' };
}
