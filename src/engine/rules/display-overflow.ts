// Numbers wider than their column: Excel shows and prints ####. Repair: widen the column to fit its numbers.
import { columnLetter } from '../a1';
import type { SheetContext } from '../context';
import { formatNumber } from '../numfmt';
import { charsToPoints, columnContentWidth, estimateTextWidth, pointsToChars } from '../textWidth';

/** A digit of the default font (Calibri 11): 7 px = 5.25 pt, the unit of Excel column widths. */
const DIGIT_PT = 5.25;
import type { Cell, ColumnRole } from '../types';
import type { SheetRule } from './rule';
import { addr } from './util';

const NUMERIC_ROLES: ColumnRole[] = [
  'pagu', 'kas1', 'kas2', 'kas3', 'kas4', 'realisasi', 'capaian',
  'target1', 'target2', 'target3', 'target4', 'realisasiIndikator', 'capaianIndikator',
];

/** The text Excel shows for a number cell. */
function shown(cell: Pick<Cell, 'value' | 'text' | 'numberFormat'>): string {
  if (cell.text !== undefined && cell.text !== '') return cell.text;
  return formatNumber(cell.value as number, cell.numberFormat);
}

export const displayOverflow: SheetRule = {
  id: 'display-overflow',
  check(ctx: SheetContext) {
    const { grid, layout } = ctx;
    const font = grid.sheet.defaultFont ?? { name: 'Calibri', size: 11 };
    const measure = (text: string, name: string, size: number) =>
      ctx.options.measureText ? ctx.options.measureText(text, name, size) : estimateTextWidth(text, name, size);
    const cols = [...new Set(NUMERIC_ROLES.map((r) => layout.columns[r]).filter((c): c is number => c !== undefined))];
    for (const col of cols) {
      const width = grid.columnWidth(col);
      if (width === undefined || width === 0) continue; // unknown, or a hidden column
      const usable = columnContentWidth(width);
      let needed = 0;
      let overflowing = 0;
      for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
        if (grid.merge(r, col)) continue; // a merged number spans several columns
        const cell = grid.cell(r, col);
        const name = cell?.fontName ?? font.name;
        const size = cell?.fontSize ?? font.size;
        // What the cell will show once the other repairs are written.
        const fix = ctx.out.getFix(addr(r, col));
        const after = fix?.write
          ? { value: fix.write.value, numberFormat: fix.write.numberFormat ?? cell?.numberFormat, text: undefined }
          : cell;
        if (after && typeof after.value === 'number') {
          const text = shown(after);
          const w = measure(text, name, size);
          // Size the column for the default font size.
          needed = Math.max(needed, w * (font.size / size));
        }
        if (cell && typeof cell.value === 'number' && !cell.isError) {
          const text = shown(cell);
          const w = measure(text, name, size);
          if (w > usable + 1e-9) {
            overflowing++;
            ctx.out.find(
              'display-overflow',
              { row: r, col },
              `Angka ${text} lebih lebar dari kolom ${columnLetter(col)}, sehingga Excel menampilkan dan mencetak "####".`,
              `The number ${text} is wider than column ${columnLetter(col)}, so Excel shows and prints "####".`,
              '####',
              text,
            );
          }
        }
      }
      if (needed > usable + 1e-9) {
        const newWidth = Math.max(width, widthToFitWidth(needed));
        ctx.out.fix({
          rule: 'display-overflow',
          cell: columnLetter(col),
          kind: 'columnWidth',
          old: width,
          new: newWidth,
          width: newWidth,
          range: `${columnLetter(col)}${layout.firstDataRow + 1}:${columnLetter(col)}${layout.lastDataRow + 1}`,
          reason: `Kolom ${columnLetter(col)} dilebarkan menjadi ${pointsToChars(newWidth)} karakter agar semua angkanya tampil${overflowing ? ` (${overflowing} sel tampil ####)` : ''}.`,
          reasonEn: `Column ${columnLetter(col)} widened to ${pointsToChars(newWidth)} characters so that all its numbers show${overflowing ? ` (${overflowing} cells showed ####)` : ''}.`,
          certain: true,
        });
      }
    }
  },
};

/** Column width (points), in whole characters, whose usable width holds `textWidth` points. */
function widthToFitWidth(textWidth: number): number {
  return charsToPoints(Math.max(1, Math.ceil(textWidth / DIGIT_PT - 1e-9)));
}
