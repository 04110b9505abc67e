// Anggaran kas TW I–IV that do not add up to the pagu (after a budget revision the cash plan must follow).
import type { SheetContext } from '../context';
import type { AmountKey } from '../tree';
import type { SheetRule } from './rule';
import { rowLabel, rp } from './util';

const KAS: AmountKey[] = ['kas1', 'kas2', 'kas3', 'kas4'];

export const kasPaguMismatch: SheetRule = {
  id: 'kas-pagu-mismatch',
  check(ctx: SheetContext) {
    const { columns } = ctx.layout;
    if (columns.pagu === undefined || KAS.every((k) => columns[k] === undefined)) return;
    const unresolved = new Set(ctx.solution.unresolved.map((u) => u.row));
    for (const r of ctx.rows) {
      if (unresolved.has(r)) continue;
      const pagu = ctx.solution.value(r, 'pagu');
      const kas = KAS.map((k) => ctx.solution.value(r, k));
      if (pagu === null || kas.every((k) => k === null)) continue;
      const sum = kas.reduce<number>((s, k) => s + (k ?? 0), 0);
      if (Math.abs(sum - pagu) <= 0.5) continue;
      // A total that only repeats its rows' mismatch: the rows carry the finding.
      if (inheritsFromRows(ctx, r)) continue;
      const label = rowLabel(r);
      ctx.out.find(
        'kas-pagu-mismatch',
        { row: r.row, col: columns.pagu },
        `Anggaran kas TW I–IV ${label.id} berjumlah ${rp(sum)}, tidak sama dengan pagu ${rp(pagu)} (selisih ${rp(sum - pagu)}). Jika pagu berubah (APBD-P), anggaran kas juga perlu direvisi.`,
        `The cash plan Q1–Q4 of ${label.en} adds up to ${rp(sum)}, not the pagu ${rp(pagu)} (difference ${rp(sum - pagu)}). After a budget revision the cash plan must be revised too.`,
        sum,
        pagu,
      );
    }
  },
};

/** True when a parent's pagu and every kas column equal the sums of its rows. */
function inheritsFromRows(ctx: SheetContext, r: import('../types').BudgetRow): boolean {
  if (r.children.length === 0) return false;
  return (['pagu', ...KAS] as AmountKey[]).every((k) => {
    const own = ctx.solution.value(r, k) ?? 0;
    const sum = r.children.reduce((s, c) => s + (ctx.solution.value(c, k) ?? 0), 0);
    return Math.abs(own - sum) <= 0.5;
  });
}
