// Read access to a sheet snapshot, with merged areas resolved.
import { formatNumber } from './numfmt';
import type { Area, Cell, SheetSnapshot } from './types';

export class Grid {
  readonly rowCount: number;
  readonly colCount: number;
  /** "row,col" of every cell inside a merge -> its area. */
  private readonly mergeOf = new Map<string, Area>();

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = sheet.cells.length;
    let cols = 0;
    for (const r of sheet.cells) if (r && r.length > cols) cols = r.length;
    this.colCount = cols;
    for (const m of sheet.merges ?? []) {
      // Large merges (whole rows) are rare; cap the bookkeeping.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 5000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeOf.set(`${r},${c}`, m);
    }
  }

  cell(row: number, col: number): Cell | undefined {
    return this.sheet.cells[row]?.[col];
  }

  merge(row: number, col: number): Area | undefined {
    return this.mergeOf.get(`${row},${col}`);
  }

  /** True when the cell is covered by a merge but is not its top-left cell. */
  isMergedAway(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** The cell, or the top-left cell of the merge that covers it. */
  visibleCell(row: number, col: number): Cell | undefined {
    const m = this.merge(row, col);
    return m ? this.cell(m.top, m.left) : this.cell(row, col);
  }

  /** Text of a cell as a person reads it (merge-aware), trimmed. */
  text(row: number, col: number, mergeAware = true): string {
    const c = mergeAware ? this.visibleCell(row, col) : this.cell(row, col);
    return cellText(c);
  }

  isEmpty(row: number, col: number): boolean {
    const c = this.cell(row, col);
    return !c || c.value === null || (typeof c.value === 'string' && c.value.trim() === '');
  }

  rowIsEmpty(row: number, cols?: number[]): boolean {
    const list = cols ?? Array.from({ length: this.colCount }, (_, i) => i);
    return list.every((c) => this.isEmpty(row, c));
  }

  columnWidth(col: number): number | undefined {
    return this.sheet.columnWidths?.[col];
  }
}

export function cellText(c: Cell | undefined): string {
  if (!c || c.value === null || c.value === undefined) return '';
  if (c.text !== undefined && typeof c.value !== 'string') return c.text.trim();
  if (typeof c.value === 'number' && !c.isError) return formatNumber(c.value, c.numberFormat).trim();
  return String(c.value).trim();
}

/** Upper case, punctuation to spaces, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9%]+/g, ' ')
    .trim();
}
