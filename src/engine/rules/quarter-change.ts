// Pagu or target that differs from the previous quarter's sheet (a budget revision, or a typo).
import type { SheetContext } from '../context';
import type { QuarterRule, RowMatches } from './rule';
import { pct, rowLabel, rp } from './util';

export const quarterChange: QuarterRule = {
  id: 'quarter-change',
  checkPair(prev: SheetContext, cur: SheetContext, matches: RowMatches) {
    const col = cur.layout.columns.pagu;
    if (col !== undefined) {
      for (const [row, before] of matches.budget) {
        const now = cur.solution.value(row, 'pagu');
        const then = prev.solution.value(before, 'pagu');
        if (now === null || then === null || Math.abs(now - then) <= 0.5) continue;
        const label = rowLabel(row);
        cur.out.find(
          'quarter-change',
          { row: row.row, col },
          `Pagu ${label.id} berubah dari ${rp(then)} (lembar "${prev.layout.sheet}") menjadi ${rp(now)}; pastikan sesuai DPA/APBD-P.`,
          `The pagu of ${label.en} changed from ${rp(then)} ("${prev.layout.sheet}") to ${rp(now)}; check it against the DPA / revised budget.`,
          now,
          then,
        );
      }
    }
    const tcols = [cur.layout.columns.target1, cur.layout.columns.target2, cur.layout.columns.target3, cur.layout.columns.target4];
    for (const [ind, before] of matches.indicators) {
      for (let q = 0; q < 4; q++) {
        const c = tcols[q];
        const now = ind.targets[q].value;
        const then = before.targets[q].value;
        if (c === undefined || now === null || then === null || Math.abs(now - then) < 1e-9) continue;
        cur.out.find(
          'quarter-change',
          { row: ind.row, col: c },
          `Target TW ${['I', 'II', 'III', 'IV'][q]} indikator "${ind.nama}" berubah dari ${pct(then)} (lembar "${prev.layout.sheet}") menjadi ${pct(now)}.`,
          `Target Q${q + 1} of indicator "${ind.nama}" changed from ${pct(then)} ("${prev.layout.sheet}") to ${pct(now)}.`,
          now,
          then,
        );
        break;
      }
    }
  },
};
