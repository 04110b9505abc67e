// Rows whose level (program, kegiatan, sub kegiatan) could not be determined.
import type { SheetContext } from '../context';
import type { SheetRule } from './rule';

export const ambiguousLevel: SheetRule = {
  id: 'ambiguous-level',
  check(ctx: SheetContext) {
    const col = ctx.layout.columns.nama ?? ctx.layout.columns.kode;
    if (col === undefined) return;
    for (const r of ctx.ambiguous) {
      const guess = r.level === 'kegiatan' ? 'kegiatan' : r.level === 'subKegiatan' ? 'sub kegiatan' : r.level ?? null;
      ctx.out.find(
        'ambiguous-level',
        { row: r.row, col },
        `Tingkat baris "${r.nama || '(tanpa nama)'}" tidak dapat dipastikan dari kode, nama maupun jumlah pagu${guess ? ` (dianggap ${guess})` : ''}; tetapkan tingkatnya atau tambahkan kolom KODE.`,
        `The level of row "${r.nama || '(no name)'}" cannot be determined from a code, its name or the pagu sums${guess ? ` (taken as ${guess})` : ''}; set its level or add a KODE column.`,
        guess,
        null,
      );
    }
  },
};
