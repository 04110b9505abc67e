// Amounts and percents stored as text: converted to numbers that display as before.
import type { SheetContext } from '../context';
import type { Amount, ColumnRole } from '../types';
import type { SheetRule } from './rule';
import { addr, formatForDecimals } from './util';

const AMOUNT_ROLES: ColumnRole[] = ['pagu', 'kas1', 'kas2', 'kas3', 'kas4', 'realisasi'];
const PERCENT_ROLES: ColumnRole[] = ['capaian', 'target1', 'target2', 'target3', 'target4', 'realisasiIndikator', 'capaianIndikator'];

import { readAmount } from '../numbers';

export const numberAsText: SheetRule = {
  id: 'number-as-text',
  check(ctx: SheetContext) {
    const { grid, layout } = ctx;
    const roles: [ColumnRole, boolean][] = [...AMOUNT_ROLES.map((r) => [r, false] as [ColumnRole, boolean]), ...PERCENT_ROLES.map((r) => [r, true] as [ColumnRole, boolean])];
    for (const [role, percent] of roles) {
      const col = layout.columns[role];
      if (col === undefined) continue;
      for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
        const cell = grid.cell(r, col);
        if (!cell || typeof cell.value !== 'string' || cell.formula) continue;
        const a: Amount = readAmount(cell, { percent });
        if (a.source !== 'text' || a.value === null) continue;
        const text = cell.value.trim();
        const isPct = percent && /%\s*$/.test(text);
        const value = isPct ? Number((a.value / 100).toPrecision(15)) : a.value;
        ctx.out.find(
          'number-as-text',
          { row: r, col },
          `Angka "${text}" tersimpan sebagai teks, sehingga tidak ikut dijumlah atau dihitung rumus.`,
          `The number "${text}" is stored as text, so sums and formulas ignore it.`,
          text,
          value,
        );
        ctx.out.fix({
          rule: 'number-as-text',
          cell: addr(r, col),
          kind: 'cell',
          old: text,
          new: value,
          write: { value, numberFormat: formatForDecimals(a.decimals, isPct) },
          reason: `Teks "${text}" diubah menjadi angka; tampilannya tetap sama.`,
          reasonEn: `Text "${text}" converted to a number that displays the same.`,
          certain: true,
        });
      }
    }
  },
};
