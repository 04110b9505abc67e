// Realisasi above the pagu.
import type { SheetContext } from '../context';
import type { SheetRule } from './rule';
import { rowLabel, rp } from './util';

export const realisasiOverPagu: SheetRule = {
  id: 'realisasi-over-pagu',
  check(ctx: SheetContext) {
    const col = ctx.layout.columns.realisasi;
    if (col === undefined || ctx.layout.columns.pagu === undefined) return;
    for (const r of ctx.rows) {
      const pagu = ctx.solution.value(r, 'pagu');
      const real = ctx.solution.value(r, 'realisasi');
      if (pagu === null || real === null || real <= pagu + 0.5) continue;
      if (r.pagu.source === 'hash' || r.pagu.source === 'error') continue;
      const label = rowLabel(r);
      ctx.out.find(
        'realisasi-over-pagu',
        { row: r.row, col },
        `Realisasi ${label.id} ${rp(real)} melebihi pagunya ${rp(pagu)} (lebih ${rp(real - pagu)}).`,
        `Realisasi of ${label.en} ${rp(real)} is above its pagu ${rp(pagu)} (by ${rp(real - pagu)}).`,
        real,
        pagu,
      );
    }
  },
};
