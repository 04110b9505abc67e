// A parent whose rows add up to less pagu than its own: rows are missing from the sheet. Never lowered.
import type { SheetContext } from '../context';
import type { SheetRule } from './rule';
import { rowLabel, rp } from './util';

export const treeIncomplete: SheetRule = {
  id: 'tree-incomplete',
  check(ctx: SheetContext) {
    const col = ctx.layout.columns.pagu;
    if (col === undefined) return;
    for (const [row, sum] of ctx.solution.incomplete) {
      const pagu = ctx.solution.value(row, 'pagu') ?? 0;
      const label = rowLabel(row);
      ctx.out.find(
        'tree-incomplete',
        { row: row.row, col },
        `Pagu ${label.id} ${rp(pagu)}, tetapi rincian di bawahnya hanya berjumlah ${rp(sum)} (kurang ${rp(pagu - sum)}): ada baris yang hilang dari lembar. Pagu induk tidak diturunkan.`,
        `The pagu of ${label.en} is ${rp(pagu)} but its rows add up to only ${rp(sum)} (${rp(pagu - sum)} short): rows are missing from the sheet. The parent is not lowered.`,
        sum,
        pagu,
      );
    }
  },
};
