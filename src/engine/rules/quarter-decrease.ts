// Cumulative realisasi lower than on the previous quarter's sheet.
import type { SheetContext } from '../context';
import type { QuarterRule, RowMatches } from './rule';
import { rowLabel, rp } from './util';

export const quarterDecrease: QuarterRule = {
  id: 'quarter-decrease',
  checkPair(prev: SheetContext, cur: SheetContext, matches: RowMatches) {
    const col = cur.layout.columns.realisasi;
    if (col === undefined) return;
    for (const [row, before] of matches.budget) {
      const now = cur.solution.value(row, 'realisasi');
      const then = prev.solution.value(before, 'realisasi');
      if (then === null || then <= 0) continue;
      if ((now ?? 0) + 0.5 >= then) continue;
      const label = rowLabel(row);
      cur.out.find(
        'quarter-decrease',
        { row: row.row, col },
        `Realisasi kumulatif ${label.id} ${rp(now ?? 0)} lebih kecil dari triwulan sebelumnya (lembar "${prev.layout.sheet}": ${rp(then)}); realisasi s.d. triwulan tidak boleh turun.`,
        `Cumulative realisasi of ${label.en} ${rp(now ?? 0)} is lower than on the previous quarter's sheet ("${prev.layout.sheet}": ${rp(then)}).`,
        now,
        then,
      );
    }
  },
};
