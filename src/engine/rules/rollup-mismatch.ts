// Parent totals (program, kegiatan) that differ from the sum of their rows; the finding sits on the cell the repair changes.
import type { SheetContext } from '../context';
import { KEY_LABEL } from '../solve';
import type { SheetRule } from './rule';
import { addr, amountWrite, KEY_COLUMN, rowLabel, rp } from './util';

export const rollupMismatch: SheetRule = {
  id: 'rollup-mismatch',
  check(ctx: SheetContext) {
    for (const ch of ctx.solution.changes) {
      if (ch.rule !== 'rollup-mismatch') continue;
      const col = ctx.layout.columns[KEY_COLUMN[ch.key]];
      if (col === undefined) continue;
      const label = rowLabel(ch.row);
      const k = KEY_LABEL[ch.key];
      ctx.out.find(
        'rollup-mismatch',
        { row: ch.row.row, col },
        `${cap(k.id)} ${label.id} tertulis ${rp(ch.old)}, padahal jumlah rinciannya ${rp(ch.value)}.`,
        `The ${k.en} of ${label.en} reads ${rp(ch.old)}, but its rows add up to ${rp(ch.value)}.`,
        ch.old,
        ch.value,
      );
      ctx.out.fix({
        rule: 'rollup-mismatch',
        cell: addr(ch.row.row, col),
        kind: 'cell',
        old: ctx.grid.cell(ch.row.row, col)?.value ?? null,
        new: ch.value,
        write: amountWrite(ctx, ch.row, ch.key, ch.value),
        reason: ch.reason,
        reasonEn: ch.reasonEn,
        certain: ch.certain,
      });
    }
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
