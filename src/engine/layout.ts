// Finds the Pengukuran Kinerja table on a sheet by its header words, whatever the column order.
import { Grid, normalize } from './grid';
import type { ColumnMap, ColumnOverrides, ColumnRole, Layout } from './types';

const HEADER_WORDS = [
  'URAIAN',
  'PAGU',
  'ANGGARAN',
  'PROGRAM',
  'KEGIATAN',
  'TARGET',
  'INDIKATOR',
  'REALISASI',
  'CAPAIAN',
  'SASARAN',
  'TUJUAN',
  'FORMULASI',
  'KODE',
];

const SIGNATURE = /^(KEPALA|NIP|PEMBINA|MENGETAHUI|SEKRETARIS)\b|\b\d{1,2}\s+(JANUARI|FEBRUARI|MARET|APRIL|MEI|JUNI|JULI|AGUSTUS|SEPTEMBER|OKTOBER|NOVEMBER|DESEMBER)\s+\d{4}\b/;

const ROMAN: Record<string, 1 | 2 | 3 | 4> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Quarter named in a normalised label: "TRW II", "TRIWULAN 3", "TW IV", "Q1". */
export function quarterIn(label: string): 1 | 2 | 3 | 4 | undefined {
  const m = /\b(?:TRW|TW|TRIWULAN|TRIW|TR|TRI|TRIMESTER|Q|KUARTAL)\s*(IV|III|II|I|1|2|3|4)\b/.exec(label);
  if (m) return ROMAN[m[1]];
  const q = /\bQ([1-4])\b/.exec(label);
  return q ? ROMAN[q[1]] : undefined;
}

/** Label is only a quarter number ("I", "II", "3"). */
function bareQuarter(label: string): 1 | 2 | 3 | 4 | undefined {
  return /^(IV|III|II|I|1|2|3|4)$/.test(label) ? ROMAN[label] : undefined;
}

type Block = 'indikator' | 'anggaran';

interface Classified {
  role?: ColumnRole;
  /** Ambiguous REALISASI / CAPAIAN columns: which one, block decided later. */
  ambiguous?: 'realisasi' | 'capaian';
  block?: Block;
}

const BLOCK_OF: Partial<Record<ColumnRole, Block>> = {
  no: 'indikator',
  tujuan: 'indikator',
  indikatorTujuan: 'indikator',
  sasaran: 'indikator',
  indikatorSasaran: 'indikator',
  formulasi: 'indikator',
  target1: 'indikator',
  target2: 'indikator',
  target3: 'indikator',
  target4: 'indikator',
  realisasiIndikator: 'indikator',
  capaianIndikator: 'indikator',
  kode: 'anggaran',
  nama: 'anggaran',
  pagu: 'anggaran',
  kas1: 'anggaran',
  kas2: 'anggaran',
  kas3: 'anggaran',
  kas4: 'anggaran',
  realisasi: 'anggaran',
  capaian: 'anggaran',
};

/** Classifies a column by its stacked header label (top row first). */
export function classifyLabel(parts: string[]): Classified {
  const label = parts.join(' ').replace(/\s+/g, ' ').trim();
  const last = parts[parts.length - 1] ?? '';
  const q = quarterIn(label) ?? bareQuarter(last);
  const has = (re: RegExp) => re.test(label);
  if (!label) return {};
  const namesToo = has(/\bURAIAN\b|\bPROGRAM\b|\bKEGIATAN\b|\bNAMA\b/);
  if (has(/\bKODE\b|\bKD\b|\bKODE REKENING\b/) && !namesToo) return { role: 'kode', block: 'anggaran' };
  // "KODE / URAIAN": one column with the code in front of the name.
  if (has(/\bKODE\b/) && namesToo) return { role: 'nama', block: 'anggaran' };
  if (has(/^(NO|NOMOR|NO URUT)$/)) return { role: 'no', block: 'indikator' };
  if (has(/\bTARGET\b/) && q) return { role: `target${q}` as ColumnRole, block: 'indikator' };
  if (has(/\bINDIKATOR\b/) && has(/\bTUJUAN\b/)) return { role: 'indikatorTujuan', block: 'indikator' };
  if (has(/\bINDIKATOR\b/) && !has(/\bFORMULASI\b/)) return { role: 'indikatorSasaran', block: 'indikator' };
  if (has(/\bFORMULASI\b|\bFORMULA\b|\bRUMUS\b|\bCARA PERHITUNGAN\b|\bPERHITUNGAN\b/)) return { role: 'formulasi', block: 'indikator' };
  if (has(/\bSASARAN\b/)) return { role: 'sasaran', block: 'indikator' };
  if (has(/\bTUJUAN\b/)) return { role: 'tujuan', block: 'indikator' };
  if (has(/\b(ANGGARAN KAS|KAS|RENCANA PENARIKAN|RENCANA KAS|PENARIKAN|ANGGARAN)\b/) && !has(/\bREALISASI\b/) && q) return { role: `kas${q}` as ColumnRole, block: 'anggaran' };
  if (has(/\bPAGU\b/)) return { role: 'pagu', block: 'anggaran' };
  if (has(/\bREALISASI\b/)) {
    if (has(/\bRP\b|\bKEUANGAN\b|\bANGGARAN\b|\bRUPIAH\b/)) return { role: 'realisasi', block: 'anggaran' };
    if (has(/\bKINERJA\b|\bFISIK\b|\bINDIKATOR\b/)) return { role: 'realisasiIndikator', block: 'indikator' };
    return { ambiguous: 'realisasi' };
  }
  if (has(/\bCAPAIAN\b/)) {
    if (has(/\bKEUANGAN\b|\bANGGARAN\b/)) return { role: 'capaian', block: 'anggaran' };
    if (has(/\bKINERJA\b|\bFISIK\b/)) return { role: 'capaianIndikator', block: 'indikator' };
    return { ambiguous: 'capaian' };
  }
  if (has(/\bPROGRAM\b|\bKEGIATAN\b|\bURAIAN\b|\bNAMA PROGRAM\b/)) return { role: 'nama', block: 'anggaran' };
  if (has(/\bANGGARAN\b/) && !q) return { role: 'pagu', block: 'anggaran' };
  return {};
}

function headerScore(grid: Grid, row: number): number {
  const seen = new Set<string>();
  for (let c = 0; c < grid.colCount; c++) {
    const t = normalize(grid.text(row, c, false));
    if (!t || t.length > 60) continue;
    for (const w of HEADER_WORDS) if (new RegExp(`\\b${w}\\b`).test(t)) seen.add(w);
  }
  return seen.size;
}

/** A row of column numbers under the header: mostly small integers. */
function isColumnNumberRow(grid: Grid, row: number): boolean {
  let ints = 0;
  let other = 0;
  const distinct = new Set<number>();
  for (let c = 0; c < grid.colCount; c++) {
    const cell = grid.cell(row, c);
    if (!cell || cell.value === null || cell.value === '') continue;
    const t = String(cell.value).trim();
    if (/^\(?\d{1,2}\)?$/.test(t) && Number(t.replace(/[()]/g, '')) <= 40) {
      ints++;
      if (Number(t.replace(/[()]/g, '')) > 0) distinct.add(Number(t.replace(/[()]/g, '')));
    }
    else if (/^\d{1,2}\s*=\s*[\d\s/x*+:-]+$/i.test(t)) ints++; // "13 = 12/9"
    else other++;
  }
  return ints >= 3 && distinct.size >= 3 && other <= 1;
}

function titleQuarter(grid: Grid, top: number, sheetName: string): 1 | 2 | 3 | 4 | undefined {
  for (let r = Math.max(0, top - 12); r < top; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const q = quarterIn(normalize(grid.text(r, c, false)));
      if (q) return q;
    }
  }
  return quarterIn(normalize(sheetName));
}

/**
 * Detects the table: header rows, data rows and the column map.
 * Returns null when the sheet has no recognisable table.
 */
export function detectLayout(grid: Grid, overrides?: ColumnOverrides): Layout | null {
  const chosen = validOverrides(overrides);
  const name = grid.sheet.name;
  const scanRows = Math.min(grid.rowCount, 80);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < scanRows; r++) {
    const s = headerScore(grid, r);
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
    if (s >= 5) break;
  }
  if (best < 0 || bestScore < 2) return typeof chosen.nama === 'number' ? fromOverridesOnly(grid, chosen) : null;

  // The header may start a row above the best row (a merged group title) and span up to 3 rows.
  let headerTop = best;
  if (best > 0 && headerScore(grid, best - 1) >= 2) headerTop = best - 1;
  let headerBottom = best;
  for (let r = best + 1; r < Math.min(grid.rowCount, best + 3); r++) {
    if (isColumnNumberRow(grid, r)) break;
    let subLabels = 0;
    let numbers = 0;
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (!cell || cell.value === null || grid.isMergedAway(r, c)) continue;
      const t = normalize(String(cell.value));
      if (typeof cell.value === 'number') numbers++;
      else if (quarterIn(t) || bareQuarter(t) || headerScore(grid, r) > 0 || /^(RP|%|\(%\)|JUMLAH)$/.test(t)) subLabels++;
      else if (t.length > 0) numbers++;
    }
    if (subLabels > 0 && subLabels >= numbers) headerBottom = r;
    else break;
  }

  // Stack the labels of each column over the header rows (merges spread their text).
  const columns: ColumnMap = {};
  const ambiguous: { col: number; kind: 'realisasi' | 'capaian' }[] = [];
  const blockAt: (Block | undefined)[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const parts: string[] = [];
    for (let r = headerTop; r <= headerBottom; r++) {
      const t = normalize(grid.text(r, c));
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const k = classifyLabel(parts);
    if (k.role && columns[k.role] === undefined) {
      columns[k.role] = c;
      blockAt[c] = BLOCK_OF[k.role];
    } else if (k.ambiguous) ambiguous.push({ col: c, kind: k.ambiguous });
  }
  // REALISASI / CAPAIAN without a telling word: the block of the nearest known column to the left.
  for (const a of ambiguous) {
    let block: Block | undefined;
    for (let c = a.col - 1; c >= 0 && !block; c--) block = blockAt[c];
    for (let c = a.col + 1; c < grid.colCount && !block; c++) block = blockAt[c];
    const role: ColumnRole =
      block === 'indikator'
        ? a.kind === 'realisasi'
          ? 'realisasiIndikator'
          : 'capaianIndikator'
        : a.kind === 'realisasi'
          ? 'realisasi'
          : 'capaian';
    if (columns[role] === undefined) {
      columns[role] = a.col;
      blockAt[a.col] = BLOCK_OF[role];
    } else {
      const other: ColumnRole =
        role === 'realisasi' ? 'realisasiIndikator' : role === 'capaian' ? 'capaianIndikator' : role === 'realisasiIndikator' ? 'realisasi' : 'capaian';
      if (columns[other] === undefined) columns[other] = a.col;
    }
  }
  applyOverrides(columns, chosen);

  const hasBudget = columns.nama !== undefined && (columns.pagu !== undefined || columns.realisasi !== undefined);
  const hasIndicators =
    (columns.indikatorSasaran !== undefined || columns.indikatorTujuan !== undefined) &&
    [columns.target1, columns.target2, columns.target3, columns.target4].some((x) => x !== undefined);
  if (!hasBudget && !hasIndicators) return null;

  let firstDataRow = headerBottom + 1;
  while (firstDataRow < grid.rowCount && firstDataRow <= headerBottom + 2 && isColumnNumberRow(grid, firstDataRow)) firstDataRow++;
  const lastDataRow = findLastDataRow(grid, firstDataRow, columns);
  return {
    sheet: name,
    headerTop,
    headerBottom,
    firstDataRow,
    lastDataRow,
    columns,
    quarter: titleQuarter(grid, headerTop, name),
  };
}

/** Excel's columns: A..XFD. */
const MAX_COLUMNS = 16384;

/**
 * The usable entries of a person's overrides (they come from a file, so anything may be there):
 * a known role mapped to a column (a whole number, A..XFD) or to null (the role is not in the table).
 */
function validOverrides(overrides: ColumnOverrides | undefined): ColumnOverrides {
  const out: ColumnOverrides = {};
  if (!overrides || typeof overrides !== 'object') return out;
  for (const [key, col] of Object.entries(overrides)) {
    if (!Object.prototype.hasOwnProperty.call(BLOCK_OF, key)) continue;
    if (col === null || (typeof col === 'number' && Number.isInteger(col) && col >= 0 && col < MAX_COLUMNS)) out[key as ColumnRole] = col;
  }
  return out;
}

/**
 * Applies a person's choices to the detected columns: null takes a role out of the table; a column
 * gives the role that column, and a role detected on that same column (not itself chosen) is dropped,
 * since one column holds one thing.
 */
function applyOverrides(columns: ColumnMap, chosen: ColumnOverrides): void {
  const roles = Object.keys(chosen) as ColumnRole[];
  for (const role of roles) {
    const col = chosen[role];
    if (col === null || col === undefined) {
      delete columns[role];
      continue;
    }
    for (const other of Object.keys(columns) as ColumnRole[]) {
      if (other !== role && columns[other] === col && chosen[other] === undefined) delete columns[other];
    }
    columns[role] = col;
  }
}

/** A table pointed out by the person where no header was recognised: only the columns they chose. */
function fromOverridesOnly(grid: Grid, chosen: ColumnOverrides): Layout {
  const columns: ColumnMap = {};
  for (const [role, col] of Object.entries(chosen)) if (typeof col === 'number') columns[role as ColumnRole] = col;
  return {
    sheet: grid.sheet.name,
    headerTop: 0,
    headerBottom: 0,
    firstDataRow: 1,
    lastDataRow: findLastDataRow(grid, 1, columns),
    columns,
    quarter: quarterIn(normalize(grid.sheet.name)),
  };
}

/** Last row of the table: before a signature block, else the last non-empty row in the table's columns. */
function findLastDataRow(grid: Grid, first: number, columns: ColumnMap): number {
  const cols = Object.values(columns).filter((x): x is number => x !== undefined);
  let last = first - 1;
  for (let r = first; r < grid.rowCount; r++) {
    let signature = false;
    for (let c = 0; c < grid.colCount && !signature; c++) {
      const t = normalize(grid.text(r, c, false));
      if (t && SIGNATURE.test(t)) signature = true;
    }
    if (signature) break;
    if (!grid.rowIsEmpty(r, cols)) last = r;
  }
  return last;
}
