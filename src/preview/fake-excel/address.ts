// A1 range addresses for the in-memory Excel: "B2", "A1:C5", "$A$1:$C$5", "C:C", "A:C", "3:5",
// optionally with a sheet ("Sheet1!A1:B2", "'Data 2024'!C:C"). Areas are 0-based and inclusive.
import { columnIndex, columnLetter } from '../../engine/a1';
import type { Area } from '../../engine/types';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function areaRows(a: Area): number {
  return a.bottom - a.top + 1;
}

export function areaColumns(a: Area): number {
  return a.right - a.left + 1;
}

export function areaCellCount(a: Area): number {
  return areaRows(a) * areaColumns(a);
}

export function areasIntersect(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function areaContains(a: Area, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

export function intersectAreas(a: Area, b: Area): Area | null {
  if (!areasIntersect(a, b)) return null;
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}

export function isInsideGrid(a: Area): boolean {
  return a.top >= 0 && a.left >= 0 && a.bottom < MAX_ROWS && a.right < MAX_COLUMNS && a.top <= a.bottom && a.left <= a.right;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into the sheet name (unquoted) and the rest. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const s = address.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { ref: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: s.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses one area ("A1", "A1:C5", "C:C", "2:4"), without a sheet. Null when it is not one. */
export function parseArea(ref: string): Area | null {
  const parts = ref.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const [p, q = p] = parts.map((x) => x.trim());
  let area: Area | null = null;
  const c1 = CELL.exec(p);
  const c2 = CELL.exec(q);
  if (c1 && c2) {
    const r1 = Number(c1[2]) - 1;
    const r2 = Number(c2[2]) - 1;
    const k1 = columnIndex(c1[1]);
    const k2 = columnIndex(c2[1]);
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(k1, k2), right: Math.max(k1, k2) };
  } else if (parts.length === 2 && COL.test(p) && COL.test(q)) {
    const k1 = columnIndex(COL.exec(p)![1]);
    const k2 = columnIndex(COL.exec(q)![1]);
    area = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(k1, k2), right: Math.max(k1, k2) };
  } else if (parts.length === 2 && ROW.test(p) && ROW.test(q)) {
    const r1 = Number(ROW.exec(p)![1]) - 1;
    const r2 = Number(ROW.exec(q)![1]) - 1;
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLUMNS - 1 };
  }
  return area && isInsideGrid(area) ? area : null;
}

/** "A1", "A1:C5", "C:C" for whole columns, "3:5" for whole rows (and "1:1048576" for the sheet). */
export function formatArea(a: Area): string {
  const wholeColumns = a.top === 0 && a.bottom === MAX_ROWS - 1;
  const wholeRows = a.left === 0 && a.right === MAX_COLUMNS - 1;
  if (wholeRows) return `${a.top + 1}:${a.bottom + 1}`;
  if (wholeColumns) return `${columnLetter(a.left)}:${columnLetter(a.right)}`;
  const first = `${columnLetter(a.left)}${a.top + 1}`;
  if (a.top === a.bottom && a.left === a.right) return first;
  return `${first}:${columnLetter(a.right)}${a.bottom + 1}`;
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, a: Area): string {
  return `${quoteSheetName(sheet)}!${formatArea(a)}`;
}
