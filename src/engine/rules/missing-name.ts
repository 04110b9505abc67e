// A row with amounts but no name.
import type { SheetContext } from '../context';
import type { SheetRule } from './rule';
import { rp } from './util';

export const missingName: SheetRule = {
  id: 'missing-name',
  check(ctx: SheetContext) {
    const col = ctx.layout.columns.nama;
    if (col === undefined) return;
    for (const r of ctx.rows) {
      if (r.nama || r.kode) continue;
      const level = r.level === 'program' ? 'program' : r.level === 'kegiatan' ? 'kegiatan' : 'sub kegiatan';
      const parent = r.parent?.nama ? ` di bawah "${r.parent.nama}"` : '';
      const parentEn = r.parent?.nama ? ` under "${r.parent.nama}"` : '';
      ctx.out.find(
        'missing-name',
        { row: r.row, col },
        `Baris ini berisi nilai (pagu ${rp(r.pagu.value)}) tetapi tanpa nama ${level}${parent}; isi namanya sesuai DPA.`,
        `This row has amounts (pagu ${rp(r.pagu.value)}) but no ${level} name${parentEn}; fill in the name from the DPA.`,
        null,
        null,
      );
    }
  },
};
