// A1 addresses from 0-based indices and back.

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "N12" -> { row: 11, col: 13 }; accepts "$N$12". */
export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
