// Cells holding the text "#####": the number was lost when a printout was typed or pasted back.
import type { SheetContext } from '../context';
import { isHashLiteral } from '../numbers';
import type { SheetRule } from './rule';
import { addr, amountWrite, KEY_COLUMN, rp } from './util';

export const hashLiteral: SheetRule = {
  id: 'hash-literal',
  check(ctx: SheetContext) {
    const { grid, layout } = ctx;
    const recovered = new Map<string, (typeof ctx.solution.changes)[number]>();
    for (const ch of ctx.solution.changes) {
      if (ch.rule === 'hash-literal') recovered.set(addr(ch.row.row, layout.columns[KEY_COLUMN[ch.key]]!), ch);
    }
    const cols = [...new Set(Object.values(layout.columns).filter((c): c is number => c !== undefined))];
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      for (const col of cols) {
        const cell = grid.cell(r, col);
        if (!cell || typeof cell.value !== 'string' || !isHashLiteral(cell.value)) continue;
        const a1 = addr(r, col);
        const ch = recovered.get(a1);
        ctx.out.find(
          'hash-literal',
          { row: r, col },
          ch
            ? `Sel berisi teks "${cell.value.trim()}", angkanya hilang; dapat dipulihkan dari aturan keseimbangan: ${rp(ch.value)}.`
            : `Sel berisi teks "${cell.value.trim()}", angkanya hilang dan tidak dapat ditentukan dari baris lain; isi kembali dari dokumen sumber (DPA/SP2D).`,
          ch
            ? `The cell holds the text "${cell.value.trim()}": the number is lost; the balance rules give ${rp(ch.value)}.`
            : `The cell holds the text "${cell.value.trim()}": the number is lost and no other row determines it; type it again from the source documents.`,
          cell.value.trim(),
          ch ? ch.value : null,
        );
        if (ch) {
          ctx.out.fix({
            rule: 'hash-literal',
            cell: a1,
            kind: 'cell',
            old: cell.value,
            new: ch.value,
            write: amountWrite(ctx, ch.row, ch.key, ch.value),
            reason: ch.reason,
            reasonEn: ch.reasonEn,
            certain: ch.certain,
          });
        }
      }
    }
  },
};
