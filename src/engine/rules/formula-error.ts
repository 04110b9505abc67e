// Cells of the table that evaluate to an Excel error.
import type { SheetContext } from '../context';
import type { SheetRule } from './rule';
import { addr, amountWrite, rp } from './util';
import { KEY_COLUMN } from './util';

const EXPLAIN: Record<string, string> = {
  '#DIV/0!': 'pembagian dengan nol atau sel kosong',
  '#REF!': 'rumus merujuk sel yang sudah dihapus',
  '#VALUE!': 'rumus menghitung teks sebagai angka',
  '#N/A': 'nilai yang dicari tidak ada',
  '#NAME?': 'nama fungsi atau rentang tidak dikenal',
  '#NUM!': 'hasil angka tidak sah',
  '#NULL!': 'rentang yang tidak beririsan',
  '#SPILL!': 'hasil rumus terhalang sel lain',
  '#CALC!': 'rumus tidak dapat dihitung',
};

export const formulaError: SheetRule = {
  id: 'formula-error',
  check(ctx: SheetContext) {
    const { grid, layout } = ctx;
    const cols = [...new Set(Object.values(layout.columns).filter((c): c is number => c !== undefined))];
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      for (const col of cols) {
        const cell = grid.cell(r, col);
        if (!cell?.isError) continue;
        const code = String(cell.value);
        const why = EXPLAIN[code] ?? 'galat Excel';
        const a1 = addr(r, col);
        ctx.out.later(() => {
          const fix = ctx.out.getFix(a1);
          const expected = fix && fix.kind === 'cell' ? fix.new : null;
          ctx.out.find(
            'formula-error',
            { row: r, col },
            `Sel berisi galat ${code} (${why})${cell.formula ? `; rumusnya ${cell.formula}` : ''}${fix ? '; dapat diperbaiki' : ''}.`,
            `The cell shows the error ${code}${cell.formula ? `; its formula is ${cell.formula}` : ''}${fix ? '; it can be repaired' : ''}.`,
            code,
            expected,
          );
        });
      }
    }
    // Amount cells with an error that the balance rules determine: suggested, since a formula is replaced.
    for (const ch of ctx.solution.changes) {
      if (ch.rule !== 'formula-error') continue;
      const col = layout.columns[KEY_COLUMN[ch.key]]!;
      ctx.out.fix({
        rule: 'formula-error',
        cell: addr(ch.row.row, col),
        kind: 'cell',
        old: grid.cell(ch.row.row, col)?.value ?? null,
        new: ch.value,
        write: amountWrite(ctx, ch.row, ch.key, ch.value),
        reason: `${ch.reason} (${rp(ch.value)})`,
        reasonEn: ch.reasonEn,
        certain: ch.certain,
      });
    }
  },
};
