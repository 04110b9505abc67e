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
        const text = cell.value.trim();
        // Capaian cells are recomputed by later rules: report once every repair is known.
        ctx.out.later(() => {
          const fix = ctx.out.getFix(a1);
          const value = fix && fix.kind === 'cell' ? fix.new : null;
          ctx.out.find(
            'hash-literal',
            { row: r, col },
            value !== null
              ? `Sel berisi teks "${text}", angkanya hilang; nilainya dapat ditentukan kembali: ${typeof value === 'number' && value >= 1000 ? rp(value) : String(value)}.`
              : `Sel berisi teks "${text}", angkanya hilang dan tidak dapat ditentukan dari baris lain; isi kembali dari dokumen sumber (DPA/SP2D).`,
            value !== null
              ? `The cell holds the text "${text}": the number is lost; it can be determined again: ${String(value)}.`
              : `The cell holds the text "${text}": the number is lost and no other row determines it; type it again from the source documents.`,
            text,
            value,
          );
        });
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
