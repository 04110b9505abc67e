// Builds the budget tree (program -> kegiatan -> sub kegiatan) from the rows of a table.
import { Grid, cellText, normalize } from './grid';
import { readAmount } from './numbers';
import type { Amount, BudgetRow, Layout, Level } from './types';

export const AMOUNT_KEYS = ['pagu', 'kas1', 'kas2', 'kas3', 'kas4', 'realisasi'] as const;
export type AmountKey = (typeof AMOUNT_KEYS)[number];

export function amountOf(row: BudgetRow, key: AmountKey): Amount {
  switch (key) {
    case 'pagu':
      return row.pagu;
    case 'realisasi':
      return row.realisasi;
    default:
      return row.kas[Number(key.slice(3)) - 1];
  }
}

const EMPTY: Amount = { value: null, source: 'empty' };

/** Level from a code such as 2.18.03 / 2.18.03.2.01 / 2.18.03.2.01.0001 (or X.XX.01). */
export function levelFromKode(kode: string): Level | null {
  const k = kode.replace(/\s+/g, '').replace(/\.$/, '');
  if (!k) return null;
  const parts = k.split('.');
  if (!parts.every((p) => /^([0-9]+|X+)$/i.test(p))) return null;
  if (parts.length === 3) return 'program';
  if (parts.length === 5) return 'kegiatan';
  if (parts.length === 6) return 'subKegiatan';
  return null;
}

function parentKode(kode: string): string | null {
  const parts = kode.replace(/\s+/g, '').split('.');
  if (parts.length === 6) return parts.slice(0, 5).join('.');
  if (parts.length === 5) return parts.slice(0, 3).join('.');
  return null;
}

/** Reads the budget rows of the table (rows with a name or any amount). */
export function readBudgetRows(grid: Grid, layout: Layout): BudgetRow[] {
  const c = layout.columns;
  if (c.nama === undefined && c.pagu === undefined) return [];
  const rows: BudgetRow[] = [];
  const amount = (r: number, col: number | undefined, percent = false): Amount =>
    col === undefined || grid.isMergedAway(r, col) ? EMPTY : readAmount(grid.cell(r, col), { percent });
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const namaCell = c.nama !== undefined && !grid.isMergedAway(r, c.nama) ? cellText(grid.cell(r, c.nama)) : '';
    const nama = namaCell;
    let kode = c.kode !== undefined && !grid.isMergedAway(r, c.kode) ? cellText(grid.cell(r, c.kode)) : '';
    let nama0 = nama;
    // Some offices write the code in front of the name: "2.18.03 PROGRAM ...".
    const lead = !kode ? /^((?:\d+|X+)(?:\.(?:\d+|X+)){2,5})\.?\s+(.+)$/i.exec(nama) : null;
    if (lead && levelFromKode(lead[1])) {
      kode = lead[1];
      nama0 = lead[2];
    }
    const pagu = amount(r, c.pagu);
    const kas: [Amount, Amount, Amount, Amount] = [amount(r, c.kas1), amount(r, c.kas2), amount(r, c.kas3), amount(r, c.kas4)];
    const realisasi = amount(r, c.realisasi);
    const capaian = amount(r, c.capaian, true);
    const anyAmount = [pagu, ...kas, realisasi].some((a) => a.source !== 'empty');
    if (!nama0 && !kode && !anyAmount) continue;
    // A name alone on a row (a wrapped name continued, a heading) without amounts is not a node.
    if (!anyAmount && !levelFromKode(kode) && !/^PROGRAM\b/.test(normalize(nama0))) continue;
    const nameCell = c.nama !== undefined ? grid.cell(r, c.nama) : undefined;
    rows.push({
      row: r,
      kode: kode || undefined,
      nama: nama0,
      level: null,
      pagu,
      kas,
      realisasi,
      capaian,
      children: [],
      indent: nameCell?.indent,
      bold: nameCell?.bold,
    });
  }
  return rows;
}

const TOLERANCE = 0.5;
const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;
const val = (a: Amount) => a.value ?? 0;

/** Prefix sums of each amount column over rows[from..to). */
function prefixSums(rows: BudgetRow[], from: number, to: number): number[][] {
  return AMOUNT_KEYS.map((key) => {
    const out = [0];
    for (let i = from; i < to; i++) out.push(out[out.length - 1] + val(amountOf(rows[i], key)));
    return out;
  });
}

/** Score of a group whose head is rows[h] and children rows[a..b) (indices into the prefix, relative). */
function groupScoreFromSums(head: BudgetRow, sums: number[][], a: number, b: number): number {
  if (b <= a) return 0;
  let matched = 0;
  let compared = 0;
  let paguMatch = false;
  AMOUNT_KEYS.forEach((key, k) => {
    const h = amountOf(head, key);
    if (h.source === 'hash' || h.source === 'error') return;
    const sum = sums[k][b] - sums[k][a];
    if ((h.value ?? 0) === 0 && sum === 0) return;
    compared++;
    if (near(val(h), sum)) {
      matched++;
      if (key === 'pagu') paguMatch = true;
    }
  });
  if (compared === 0) return 0;
  const ratio = matched / compared;
  return ratio >= 0.5 || paguMatch ? 1 + ratio * 0.1 + (paguMatch ? 0.05 : 0) : 0;
}

interface Partition {
  score: number;
  /** Start index of each group (head row). */
  heads: number[];
  /** Heads of groups that balance nothing: where they end is a guess. */
  ambiguousFrom: number[];
}

const MAX_GROUP = 400;

/**
 * Splits rows[from..to) into groups [head, child, child...] maximising the number of
 * balanced groups (head = sum of its children). Dynamic programming from the end.
 */
function partitionLeafGroups(rows: BudgetRow[], from: number, to: number): Partition {
  const n = to - from;
  const sums = prefixSums(rows, from, to);
  const score = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  const amb = new Uint8Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const head = rows[from + i];
    let pickScore = -1;
    let pickJ = -1;
    let pickOwn = 0;
    for (let j = i + 2; j <= n && j - i <= MAX_GROUP; j++) {
      const own = groupScoreFromSums(head, sums, i + 1, j);
      const s = own + score[j];
      if (s > pickScore + 1e-9) {
        pickScore = s;
        pickJ = j;
        pickOwn = own;
      }
    }
    if (pickJ < 0) {
      // A single row left at the end: a head with no children.
      score[i] = score[i + 1];
      next[i] = i + 1;
      continue;
    }
    score[i] = pickScore;
    next[i] = pickJ;
    amb[i] = pickOwn === 0 ? 1 : 0; // the group balances nothing: its shape is a guess
  }
  const heads: number[] = [];
  const ambiguousFrom: number[] = [];
  let prevAmb = false;
  for (let i = 0; i < n; i = next[i]) {
    heads.push(from + i);
    // A lone last row after a guessed group may as well belong to that group.
    const loneTail = next[i] === n && n - i === 1 && i > 0;
    if (amb[i] || (loneTail && prevAmb)) ambiguousFrom.push(from + i);
    prevAmb = !!amb[i];
  }
  return { score: score[0], heads, ambiguousFrom };
}

export interface TreeResult {
  programs: BudgetRow[];
  /** Rows whose level could not be decided. */
  ambiguous: BudgetRow[];
}

/** Assigns levels and parents. `chosen` holds levels a user set for rows (by 0-based sheet row). */
export function buildTree(rows: BudgetRow[], chosen?: ReadonlyMap<number, Level>): TreeResult {
  const ambiguous: BudgetRow[] = [];
  // 0. A level a person chose wins.
  if (chosen) {
    for (const r of rows) {
      const l = chosen.get(r.row);
      if (l) {
        r.level = l;
        r.levelBy = 'user';
      }
    }
  }
  // 1. Codes decide where present.
  for (const r of rows) {
    const l = r.kode ? levelFromKode(r.kode) : null;
    if (l && r.levelBy !== 'user') {
      r.level = l;
      r.levelBy = 'kode';
    }
  }
  // 2. Names: programs are written "PROGRAM ...".
  for (const r of rows) {
    if (!r.level && /^PROGRAM\b/.test(normalize(r.nama))) {
      r.level = 'program';
      r.levelBy = 'name';
    }
  }

  // 3. Split into program sections; rows before the first program form a section without head.
  const sections: { head: BudgetRow | null; body: BudgetRow[] }[] = [];
  let cur: { head: BudgetRow | null; body: BudgetRow[] } = { head: null, body: [] };
  for (const r of rows) {
    if (r.level === 'program') {
      if (cur.head || cur.body.length) sections.push(cur);
      cur = { head: r, body: [] };
    } else cur.body.push(r);
  }
  if (cur.head || cur.body.length) sections.push(cur);

  const programs: BudgetRow[] = [];
  const noProgramNames = !rows.some((r) => r.level === 'program');
  for (const s of sections) {
    if (s.head) programs.push(s.head);
    if (noProgramNames && !s.head) {
      placeWithoutPrograms(s.body, programs, ambiguous);
      continue;
    }
    placeSection(s.head, s.body, ambiguous);
  }
  for (const r of rows) if (!r.level && !ambiguous.includes(r)) ambiguous.push(r);
  return { programs, ambiguous };
}

function attach(parent: BudgetRow, child: BudgetRow) {
  child.parent = parent;
  parent.children.push(child);
}

function placeSection(head: BudgetRow | null, body: BudgetRow[], ambiguous: BudgetRow[]) {
  if (body.length === 0) return;
  // With codes, parents come from the code prefix.
  if (body.every((r) => r.levelBy === 'kode')) {
    const index = new Map<string, BudgetRow>();
    if (head?.kode) index.set(head.kode.replace(/\s+/g, ''), head);
    for (const r of body) index.set(r.kode!.replace(/\s+/g, ''), r);
    let lastKegiatan: BudgetRow | null = null;
    for (const r of body) {
      const pk = parentKode(r.kode!);
      const p = (pk && index.get(pk)) || (r.level === 'kegiatan' ? head : lastKegiatan);
      if (r.level === 'kegiatan') lastKegiatan = r;
      if (p) attach(p, r);
      else if (!ambiguous.includes(r)) ambiguous.push(r);
    }
    return;
  }
  // Balance: kegiatan = sum of the sub kegiatan that follow it.
  const p = partitionLeafGroups(body, 0, body.length);
  let heads = new Set(p.heads);
  let by: BudgetRow['levelBy'] = 'balance';
  let guessed = new Set<number>();
  // Groups that balance nothing are still settled when the kegiatan found add up to the program's pagu.
  const headsMatchProgram =
    !!head && head.pagu.value !== null && near(p.heads.reduce((s, h) => s + val(body[h].pagu), 0), val(head.pagu));
  if (p.ambiguousFrom.length > 0 && !headsMatchProgram) {
    // Balance could not decide: use format cues (indentation, then bold) when they tell two levels apart.
    const cue = formatCue(body);
    if (cue) {
      heads = cue;
      by = 'format';
    } else {
      // Rows of groups whose end was a guess.
      const amb = new Set(p.ambiguousFrom);
      const headSet = new Set(p.heads);
      let inAmb = false;
      body.forEach((_, i) => {
        if (headSet.has(i)) inAmb = amb.has(i);
        if (inAmb) guessed.add(i);
      });
    }
  }
  // Levels a person chose override the balance.
  body.forEach((r, i) => {
    if (r.levelBy !== 'user') return;
    if (r.level === 'kegiatan') heads.add(i);
    else heads.delete(i);
    guessed.delete(i);
  });
  let kegiatan: BudgetRow | null = null;
  body.forEach((r, i) => {
    if (heads.has(i) || !kegiatan) {
      kegiatan = r;
      if (!r.level) {
        r.level = 'kegiatan';
        r.levelBy = by;
      }
      if (head) attach(head, r);
    } else {
      if (!r.level) {
        r.level = 'subKegiatan';
        r.levelBy = by;
      }
      attach(kegiatan, r);
    }
    if (guessed.has(i) && !ambiguous.includes(r)) ambiguous.push(r);
  });
  guessed = new Set();
}

/** Heads (kegiatan) told apart by smaller indentation or by bold, when the sheet uses them. */
function formatCue(body: BudgetRow[]): Set<number> | null {
  const indents = [...new Set(body.map((r) => r.indent ?? 0))].sort((a, b) => a - b);
  if (indents.length === 2) {
    return new Set(body.map((r, i) => ((r.indent ?? 0) === indents[0] ? i : -1)).filter((i) => i >= 0));
  }
  const bold = body.filter((r) => r.bold).length;
  if (bold > 0 && bold < body.length && body[0].bold) {
    return new Set(body.map((r, i) => (r.bold ? i : -1)).filter((i) => i >= 0));
  }
  return null;
}

/**
 * Sheets whose programs are not named "PROGRAM" and carry no codes: a program is a row followed by
 * kegiatan and sub kegiatan rows whose pagu add up to twice its own (once per level) and that
 * split into balanced kegiatan groups.
 */
function placeWithoutPrograms(body: BudgetRow[], programs: BudgetRow[], ambiguous: BudgetRow[]) {
  let i = 0;
  while (i < body.length) {
    const head = body[i];
    const target = 2 * val(head.pagu);
    let end = -1;
    let sum = 0;
    for (let j = i + 1; j < body.length && target > 0; j++) {
      sum += val(body[j].pagu);
      if (near(sum, target)) {
        const p = partitionLeafGroups(body, i + 1, j + 1);
        const kegSum = p.heads.reduce((s, h) => s + val(body[h].pagu), 0);
        if (p.ambiguousFrom.length === 0 && near(kegSum, val(head.pagu))) {
          end = j + 1;
          break;
        }
      }
      if (sum > target + TOLERANCE && val(body[j].pagu) >= 0) break;
    }
    if (end < 0) {
      for (const r of body.slice(i)) if (!ambiguous.includes(r)) ambiguous.push(r);
      return;
    }
    head.level = 'program';
    head.levelBy = 'balance';
    programs.push(head);
    placeSection(head, body.slice(i + 1, end), ambiguous);
    i = end;
  }
}
