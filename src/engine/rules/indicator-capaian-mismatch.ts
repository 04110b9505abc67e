// Indicator CAPAIAN % against target, realisasi and the indicator's polarity.
import { columnLetter } from '../a1';
import type { SheetContext } from '../context';
import { indicatorCapaian, parseRange, polarityOf } from '../indicators';
import { equalAtPrecision, isPercentFormat, roundTo } from '../numbers';
import type { CellWrite, IndicatorRow, Polarity } from '../types';
import type { SheetRule } from './rule';
import { addr, capaianNumberFormat, columnNumberFormat, evaluatesTo, pct, textAt } from './util';

const POLARITY_LABEL: Record<Polarity, { id: string; en: string }> = {
  higher: { id: 'semakin tinggi semakin baik', en: 'higher is better' },
  lower: { id: 'semakin kecil semakin baik, (2 × target − realisasi) / target', en: 'lower is better, (2 × target − realisasi) / target' },
  lowerRatio: { id: 'semakin kecil semakin baik, target / realisasi', en: 'lower is better, target / realisasi' },
  range: { id: 'target rentang', en: 'range target' },
};

/** The target that applies on this sheet: its own quarter's, else the last one filled. */
export function targetColumn(ctx: SheetContext, ind: IndicatorRow): { col: number; q: number } | null {
  const c = ctx.layout.columns;
  const cols = [c.target1, c.target2, c.target3, c.target4];
  const q = ctx.layout.quarter;
  if (q && cols[q - 1] !== undefined && ind.targets[q - 1].source !== 'empty') return { col: cols[q - 1]!, q };
  for (let i = (q ?? 4) - 1; i >= 0; i--) if (cols[i] !== undefined && ind.targets[i].source !== 'empty') return { col: cols[i]!, q: i + 1 };
  return null;
}

export const indicatorCapaianMismatch: SheetRule = {
  id: 'indicator-capaian-mismatch',
  check(ctx: SheetContext) {
    const col = ctx.layout.columns.capaianIndikator;
    if (col === undefined || ctx.layout.columns.realisasiIndikator === undefined) return;
    for (const ind of ctx.indicators) {
      const t = targetColumn(ctx, ind);
      if (!t) continue;
      const targetText = textAt(ctx, ind.row, t.col);
      const polarity = polarityOf(ind, ctx.layout.sheet, ctx.options.polarity, targetText);
      const target = ind.targets[t.q - 1];
      const expected = indicatorCapaian(polarity, target.value, ind.realisasi.value, parseRange(targetText));
      const stated = ind.capaian;
      if (expected === null) continue;
      if (ind.realisasi.source === 'empty' && (stated.source === 'empty' || stated.source === 'dash')) continue;
      const decimals = stated.decimals ?? 2;
      const wrong =
        stated.source === 'error' || stated.source === 'hash' || stated.value === null || !equalAtPrecision(stated.value, expected, decimals);
      if (!wrong) continue;
      const pol = POLARITY_LABEL[polarity];
      if (stated.source !== 'error' && stated.source !== 'hash') {
        ctx.out.find(
          'indicator-capaian-mismatch',
          { row: ind.row, col },
          `Capaian indikator "${ind.nama}" tertulis ${stated.value === null ? '(kosong)' : pct(stated.value, decimals)}, seharusnya ${pct(expected, decimals)} (target TW ${['I', 'II', 'III', 'IV'][t.q - 1]} ${targetText}, realisasi ${textAt(ctx, ind.row, ctx.layout.columns.realisasiIndikator)}; ${pol.id}).`,
          `Capaian of indicator "${ind.nama}" reads ${stated.value === null ? '(empty)' : pct(stated.value, decimals)}; it should be ${pct(expected, decimals)} (target Q${t.q} ${targetText}, realisasi ${textAt(ctx, ind.row, ctx.layout.columns.realisasiIndikator)}; ${pol.en}).`,
          stated.value,
          roundTo(expected, decimals),
        );
      }
      const percentCell = !!stated.percentFormat || isPercentFormat(ctx.grid.cell(ind.row, col)?.numberFormat);
      ctx.out.fix({
        rule: stated.source === 'error' ? 'formula-error' : stated.source === 'hash' ? 'hash-literal' : 'indicator-capaian-mismatch',
        cell: addr(ind.row, col),
        kind: 'cell',
        old: ctx.grid.cell(ind.row, col)?.value ?? null,
        // In the cell's own units: a fraction in a percent-formatted cell.
        new: percentCell ? roundTo(expected / 100, decimals + 2) : roundTo(expected, decimals),
        write: indicatorWrite(ctx, ind, t.col, col, polarity, expected, decimals),
        reason: `Capaian indikator dihitung ulang (${pol.id}): ${pct(expected, decimals)}.`,
        reasonEn: `Indicator capaian recomputed (${pol.en}): ${pct(expected, decimals)}.`,
        certain: true,
      });
    }
  },
};

function indicatorWrite(
  ctx: SheetContext,
  ind: IndicatorRow,
  targetCol: number,
  col: number,
  polarity: Polarity,
  expected: number,
  decimals: number,
): CellWrite {
  const cell = ctx.grid.cell(ind.row, col);
  const columnFormat = columnNumberFormat(ctx, col, '');
  const percentFormat =
    !!ind.capaian.percentFormat || isPercentFormat(cell?.numberFormat) || (typeof cell?.value !== 'number' && isPercentFormat(columnFormat));
  const value = percentFormat ? expected / 100 : roundTo(expected, Math.max(decimals, 2));
  if (cell?.formula) {
    if (evaluatesTo(ctx, cell.formula, value, decimals + (percentFormat ? 2 : 0))) return { value, formula: cell.formula };
    const tCell = ctx.grid.cell(ind.row, targetCol);
    const rCell = ctx.grid.cell(ind.row, ctx.layout.columns.realisasiIndikator!);
    const sameUnits = typeof tCell?.value === 'number' && typeof rCell?.value === 'number';
    if (sameUnits && polarity !== 'range') {
      const T = `${columnLetter(targetCol)}${ind.row + 1}`;
      const R = `${columnLetter(ctx.layout.columns.realisasiIndikator!)}${ind.row + 1}`;
      const ratio = polarity === 'lower' ? `(2*${T}-${R})/${T}` : polarity === 'lowerRatio' ? `${T}/${R}` : `${R}/${T}`;
      const formula = `=${ratio}${percentFormat ? '' : '*100'}`;
      if (evaluatesTo(ctx, formula, value, decimals + (percentFormat ? 2 : 0))) return { value, formula };
    }
  }
  if (typeof cell?.value !== 'number' || !cell.numberFormat || cell.numberFormat === 'General' || cell.numberFormat === '@') {
    return { value, numberFormat: capaianNumberFormat(columnFormat, percentFormat, decimals) };
  }
  return { value };
}
