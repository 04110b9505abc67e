// Budget CAPAIAN (%) = realisasi / pagu × 100, compared at the precision the cell shows; every capaian recomputed.
import type { SheetContext } from '../context';
import { equalAtPrecision, isPercentFormat, roundTo } from '../numbers';
import type { SheetRule } from './rule';
import { addr, capaianNumberFormat, columnNumberFormat, evaluatesTo, pct, rowLabel, rp } from './util';
import { columnLetter } from '../a1';
import type { CellWrite } from '../types';

export const capaianMismatch: SheetRule = {
  id: 'capaian-mismatch',
  check(ctx: SheetContext) {
    const { columns } = ctx.layout;
    const col = columns.capaian;
    if (col === undefined || columns.pagu === undefined || columns.realisasi === undefined) return;
    for (const r of ctx.rows) {
      const cell = ctx.grid.cell(r.row, col);
      const pagu = ctx.solution.value(r, 'pagu');
      const real = ctx.solution.value(r, 'realisasi');
      if (ctx.solution.unresolved.some((u) => u.row === r && (u.key === 'pagu' || u.key === 'realisasi'))) continue;
      const expected = pagu !== null && pagu !== 0 ? ((real ?? 0) / pagu) * 100 : null;
      const stated = r.capaian;
      const decimals = stated.decimals ?? 2;
      const columnFormat = columnNumberFormat(ctx, col, '');
      const percentFormat =
        !!stated.percentFormat || isPercentFormat(cell?.numberFormat) || (typeof cell?.value !== 'number' && isPercentFormat(columnFormat));
      const shownStated = stated.source === 'dash' ? '-' : stated.value === null ? '(kosong)' : pct(stated.value, decimals);
      let wrong: boolean;
      if (stated.source === 'error' || stated.source === 'hash') wrong = true;
      else if (stated.value === null) wrong = expected !== null && roundTo(expected, decimals) !== 0;
      else if (expected === null) wrong = stated.value !== 0;
      else wrong = !equalAtPrecision(stated.value, expected, decimals);
      if (!wrong) continue;

      const a1 = addr(r.row, col);
      const label = rowLabel(r);
      // Errors and #### are reported by their own rules; the recomputed value is written here.
      if (stated.source !== 'error' && stated.source !== 'hash') {
        ctx.out.find(
          'capaian-mismatch',
          { row: r.row, col },
          expected === null
            ? `Capaian ${label.id} tertulis ${shownStated}, padahal pagunya kosong atau 0 sehingga capaian tidak dapat dihitung ("-").`
            : `Capaian ${label.id} tertulis ${shownStated}, seharusnya ${pct(expected, decimals)} (realisasi ${rp(real ?? 0)} / pagu ${rp(pagu)} × 100).`,
          expected === null
            ? `Capaian of ${label.en} reads ${shownStated}, but its pagu is empty or 0, so there is no capaian ("-").`
            : `Capaian of ${label.en} reads ${shownStated}; it should be ${pct(expected, decimals)} (realisasi ${rp(real ?? 0)} / pagu ${rp(pagu)} × 100).`,
          stated.source === 'dash' ? '-' : stated.value,
          expected === null ? '-' : roundTo(expected, decimals),
        );
      }
      const write = capaianWrite(ctx, r.row, col, expected, decimals, percentFormat, columnFormat);
      ctx.out.fix({
        rule: stated.source === 'error' ? 'formula-error' : stated.source === 'hash' ? 'hash-literal' : 'capaian-mismatch',
        cell: a1,
        kind: 'cell',
        old: cell?.value ?? null,
        // In the cell's own units: a fraction in a percent-formatted cell.
        new: expected === null ? '-' : percentFormat ? roundTo(expected / 100, decimals + 2) : roundTo(expected, decimals),
        write,
        reason: expected === null ? 'Pagu kosong atau 0: capaian ditulis "-".' : `Capaian dihitung ulang: realisasi / pagu × 100 = ${pct(expected, decimals)}.`,
        reasonEn: expected === null ? 'Pagu empty or 0: capaian written as "-".' : `Capaian recomputed: realisasi / pagu × 100 = ${pct(expected, decimals)}.`,
        certain: true,
      });
    }
  },
};

/** The new content of a capaian cell in the form the cell uses. */
function capaianWrite(
  ctx: SheetContext,
  row: number,
  col: number,
  expected: number | null,
  decimals: number,
  percentFormat: boolean,
  columnFormat: string,
): CellWrite {
  const cell = ctx.grid.cell(row, col);
  const value = expected === null ? '-' : percentFormat ? expected / 100 : roundTo(expected, Math.max(decimals, 2));
  if (cell?.formula) {
    // Keep the person's formula when it gives the right value once the inputs are repaired.
    if (expected !== null && evaluatesTo(ctx, cell.formula, percentFormat ? expected / 100 : expected, decimals + (percentFormat ? 2 : 0))) {
      return { value, formula: cell.formula };
    }
    const P = `${columnLetter(ctx.layout.columns.pagu!)}${row + 1}`;
    const R = `${columnLetter(ctx.layout.columns.realisasi!)}${row + 1}`;
    return { value, formula: `=IF(${P}=0,"-",${R}/${P}${percentFormat ? '' : '*100'})` };
  }
  if (typeof value === 'number' && (typeof cell?.value !== 'number' || !cell.numberFormat || cell.numberFormat === 'General' || cell.numberFormat === '@')) {
    return { value, numberFormat: capaianNumberFormat(columnFormat, percentFormat, decimals) };
  }
  return { value };
}
