/**
 * Speed of the engine on large synthetic Pengukuran Kinerja workbooks. A script, not a test:
 * it prints numbers and asserts nothing about time.
 *
 *   npm run bench                                  all sizes, both tables, the CLI path
 *   npm run bench -- --sizes 100,1000 --runs 5     other sizes / number of timed runs
 *   npm run bench -- --no-cli --no-quarters        skip the CLI path / the two-sheet table
 *   npm run bench -- --pane 5000                   also the task pane in headless Chromium (needs
 *                                                  /usr/bin/chromium or CHROMIUM_PATH; builds the add-in)
 *
 * Workbooks are built in memory as WorkbookSnapshot objects with the layout of the real tables
 * (tests/fixtures/build-fixtures.ts): 3 merged title rows, an empty row, two header rows with
 * merges (TARGET over G:J, ANGGARAN KAS over O:R), a row of column numbers, the data from row 8,
 * an empty row and the signature in column N. Columns A..L hold the indicator of each program
 * (on the program row), M..T the budget tree PROGRAM -> kegiatan -> sub kegiatan with PAGU,
 * ANGGARAN KAS TW I..IV, REALISASI and CAPAIAN (a formula with its cached result). No KODE
 * column: levels come from "PROGRAM ..." names and from the sums, as in the seed workbook.
 *
 * Tables:
 * 1. One quarter sheet ("TW III") with N budget rows: analyzeWorkbook, median of R runs after a
 *    warm-up run.
 * 2. Two quarter sheets ("TW II" and "TW III") with N/2 budget rows each (N in all): adds the
 *    checks across quarters (matching the rows of both sheets). Once a size takes longer than
 *    CROSS_QUARTER_BUDGET_MS (warm-up alone, or warm-up and timed runs together), larger sizes
 *    are skipped; a warm-up over the budget is reported as a single run.
 * 4. With --pane N: the preview page in headless Chromium opens an N-row workbook, then the pane's
 *    "Periksa ulang" is clicked; measured are the time until the verdict is back and the longest
 *    gap between two ticks of a 10 ms timer on the page's thread (how long the pane was frozen),
 *    with the engine in its Web Worker and on the page's thread (?engine=here). Production build.
 *    The preview's Excel is in-memory, so reading the workbook also runs on the page's thread (in
 *    Excel it is a request to the host); rendering the pane and the grid does too.
 * 3. The command line once: a 10 000-row workbook written with ExcelJS to os.tmpdir(), then
 *    main(['check', file, '--json']) with an io that keeps the output from the terminal.
 *
 * Planted defects (per type max(1, round(N / 5000)) times, on distinct sub kegiatan): a wrong
 * capaian, a kegiatan realisasi that is not the sum of its rows, anggaran kas that do not add up to
 * the pagu, realisasi above the pagu, a pagu stored as text, a "#####" text, a #REF! formula, a
 * row without a name, a wrong indicator capaian; in table 2 also a realisasi lower than in TW II.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/engine/analyze';
import type { Area, Cell, SheetSnapshot, WorkbookReport, WorkbookSnapshot } from '../../src/engine/types';
import { main, type CliIO } from '../../src/cli/main';
import { columnWidthToPoints } from '../../src/xlsx/read';

// ---------------------------------------------------------------------------
// Options.

interface Options {
  sizes: number[];
  runs: number;
  cli: boolean;
  quarters: boolean;
  cliRows: number;
  /** Rows of the workbook for the pane measure; 0: not measured. */
  paneRows: number;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { sizes: [100, 1000, 10000, 50000], runs: 3, cli: true, quarters: true, cliRows: 10000, paneRows: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') o.sizes = next().split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--cli-rows') o.cliRows = Number(next());
    else if (a === '--no-cli') o.cli = false;
    else if (a === '--no-quarters') o.quarters = false;
    else if (a === '--pane') o.paneRows = Number(next());
    else throw new Error(`unknown option ${a}`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error('--sizes: integers >= 10');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs: an integer >= 1');
  return o;
}

/** A single cross-quarter run longer than this: larger sizes are skipped. */
const CROSS_QUARTER_BUDGET_MS = 60_000;

// ---------------------------------------------------------------------------
// Deterministic random numbers.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
}

// ---------------------------------------------------------------------------
// Names.

const SYLLABLES = ['ba', 'ka', 'la', 'ma', 'na', 'pa', 'ra', 'sa', 'ta', 'wa', 'di', 'ki', 'li', 'mi', 'ni', 'ri', 'si', 'ti', 'bu', 'ku', 'lu', 'mu', 'nu', 'ru', 'su', 'tu', 'ko', 'lo', 'mo', 'no'];

/** A distinct made-up word per index ("Kalamasa"), so that names stay unique at any size. */
function uniqueWord(i: number): string {
  let s = '';
  let n = i;
  for (let k = 0; k < 4; k++) {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const PROGRAM_TOPICS = [
  'PENGEMBANGAN IKLIM PENANAMAN MODAL',
  'PROMOSI PENANAMAN MODAL',
  'PELAYANAN PENANAMAN MODAL',
  'PENGENDALIAN PELAKSANAAN PENANAMAN MODAL',
  'PENGELOLAAN DATA DAN SISTEM INFORMASI PENANAMAN MODAL',
  'PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA',
  'PENEMPATAN TENAGA KERJA',
  'HUBUNGAN INDUSTRIAL',
  'PENUNJANG URUSAN PEMERINTAHAN DAERAH',
];
const KEGIATAN_VERBS = ['Penyelenggaraan', 'Pengendalian', 'Pengelolaan', 'Pembinaan', 'Koordinasi dan Sinkronisasi', 'Penyediaan', 'Administrasi'];
const SUB_VERBS = ['Pelaksanaan', 'Penyusunan', 'Fasilitasi', 'Pemantauan dan Evaluasi', 'Penyediaan', 'Pengadaan', 'Pemeliharaan', 'Sosialisasi'];
const OBJECTS = [
  'Promosi Penanaman Modal',
  'Peta Potensi Investasi',
  'Perizinan dan Non Perizinan',
  'Data dan Informasi Perizinan',
  'Pelatihan Berbasis Kompetensi',
  'Perselisihan Hubungan Industrial',
  'Barang Milik Daerah',
  'Gaji dan Tunjangan ASN',
  'Jasa Penunjang Urusan Pemerintahan',
  'Dokumen Perencanaan Perangkat Daerah',
];
const SCOPES = ['Daerah Kabupaten/Kota', 'yang menjadi Kewenangan Daerah Kab/Kota', 'pada Tingkat Daerah Kabupaten/Kota', 'Perangkat Daerah'];

// ---------------------------------------------------------------------------
// A sheet described once, emitted as a snapshot (in memory) or as an ExcelJS worksheet.

interface CellSpec {
  value: number | string | null;
  /** Without the leading "=" (ExcelJS style). */
  formula?: string;
  /** Excel error code of the value (with a formula). */
  error?: string;
  numFmt?: string;
  bold?: boolean;
}

interface SheetSpec {
  name: string;
  /** rows[r][c], 0-based. */
  rows: (CellSpec | undefined)[][];
  merges: Area[];
  /** ExcelJS column widths (characters) of A..T. */
  widths: number[];
}

const NCOLS = 20;
const COL = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, K: 10, L: 11, M: 12, N: 13, O: 14, S: 18, T: 19 } as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRST';
const WIDTHS = [5, 22, 22, 22, 22, 22, 10, 10, 10, 10, 10, 10, 60, 18, 16, 16, 16, 16, 18, 10];
const HEADER_TOP = [
  'NO',
  'TUJUAN',
  'INDIKATOR TUJUAN',
  'SASARAN STRATEGIS',
  'INDIKATOR SASARAN',
  'FORMULASI PERHITUNGAN INDIKATOR KINERJA',
  'TARGET',
  '',
  '',
  '',
  'REALISASI %',
  'CAPAIAN %',
  'PROGRAM / KEGIATAN / SUB KEGIATAN',
  'PAGU',
  'ANGGARAN KAS',
  '',
  '',
  '',
  'REALISASI (Rp)',
  'CAPAIAN (%)',
];
const COLUMN_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 8, 9, 10, 11, 12, 13];
/** 0-based sheet rows. */
const HEADER_ROW_1 = 4;
const HEADER_ROW_2 = 5;
const NUMBER_ROW = 6;
const FIRST_DATA_ROW = 7;

const FMT_PAGU = '#,##0.00';
const FMT_AMOUNT = '#,##0';
const FMT_PCT = '0.00';

const ROMAN = ['I', 'II', 'III', 'IV'];

// ---------------------------------------------------------------------------
// The budget tree with its numbers.

interface Node {
  level: 'program' | 'kegiatan' | 'sub';
  name: string;
  pagu: number;
  kas: [number, number, number, number];
  /** Annual share of the pagu realised by the end of the year (sub kegiatan). */
  share: number;
  children: Node[];
  /** Indicator of a program. */
  indicator?: { tujuan: string; sasaran: string; nama: string; formulasi: string; target: number; annual: number };
}

/** Budget rows per program: a program, then kegiatan of 2..6 sub kegiatan each. */
function buildTree(budgetRows: number, rng: Rng): Node[] {
  // Shape first (how many sub kegiatan under each kegiatan), so that the count is exact.
  const shape: number[][] = [];
  let left = budgetRows;
  while (left > 0) {
    if (left < 4) {
      // Too few rows for another program (1 + kegiatan + 2 subs): more subs under the last kegiatan.
      if (shape.length === 0) throw new Error('at least 4 budget rows');
      shape[shape.length - 1][shape[shape.length - 1].length - 1] += left;
      break;
    }
    left -= 1;
    const program: number[] = [];
    const kegiatanCount = rng.int(1, 6);
    for (let k = 0; k < kegiatanCount && left >= 3; k++) {
      let subs = Math.min(rng.int(2, 6), left - 1);
      if (left - 1 - subs > 0 && left - 1 - subs < 4 && k === kegiatanCount - 1) subs = left - 1; // no stub left over
      program.push(subs);
      left -= 1 + subs;
    }
    if (left > 0 && left < 4) {
      program[program.length - 1] += left;
      left = 0;
    }
    shape.push(program);
  }

  let word = 0;
  const programs: Node[] = [];
  shape.forEach((kegiatanShape) => {
    const topic = rng.pick(PROGRAM_TOPICS);
    const program: Node = {
      level: 'program',
      name: `PROGRAM ${topic} ${uniqueWord(word++).toUpperCase()}`,
      pagu: 0,
      kas: [0, 0, 0, 0],
      share: 0,
      children: [],
      indicator: {
        tujuan: 'Meningkatnya Kualitas Penyelenggaraan Pelayanan Publik Pemerintahan',
        sasaran: `Meningkatnya Kinerja ${topic.toLowerCase()}`,
        nama: `Persentase capaian ${topic.toLowerCase()} ${uniqueWord(word++)}`,
        formulasi: `Jumlah kegiatan ${topic.toLowerCase()} yang terlaksana / jumlah kegiatan yang direncanakan x 100%`,
        target: rng.int(60, 100),
        annual: 0.6 + rng.float() * 0.5,
      },
    };
    for (const subCount of kegiatanShape) {
      const kegiatan: Node = {
        level: 'kegiatan',
        name: `${rng.pick(KEGIATAN_VERBS)} ${rng.pick(OBJECTS)} ${uniqueWord(word++)} ${rng.pick(SCOPES)}`,
        pagu: 0,
        kas: [0, 0, 0, 0],
        share: 0,
        children: [],
      };
      for (let s = 0; s < subCount; s++) {
        const pagu = rng.int(5_000, 500_000) * 1000;
        const weights = [rng.float(), rng.float(), rng.float(), rng.float()].map((w) => w + 0.1);
        const total = weights.reduce((a, b) => a + b, 0);
        const kas = weights.map((w) => Math.floor((pagu * w) / total / 100) * 100) as [number, number, number, number];
        kas[3] = pagu - kas[0] - kas[1] - kas[2];
        kegiatan.children.push({
          level: 'sub',
          name: `${rng.pick(SUB_VERBS)} ${rng.pick(OBJECTS)} ${uniqueWord(word++)} ${rng.pick(SCOPES)}`,
          pagu,
          kas,
          share: 0.5 + rng.float() * 0.48,
          children: [],
        });
      }
      program.children.push(kegiatan);
    }
    programs.push(program);
  });
  return programs;
}

/** One budget row as written on a sheet. */
interface BudgetLine {
  node: Node;
  name: string;
  pagu: number;
  kas: [number, number, number, number];
  realisasi: number;
  /** How a defect changes the written cells. */
  paguText?: boolean;
  hashKas?: number;
  capaianWrong?: boolean;
  refError?: boolean;
}

type DefectKind =
  | 'capaian'
  | 'rollup'
  | 'kas'
  | 'overPagu'
  | 'paguText'
  | 'hash'
  | 'refError'
  | 'noName'
  | 'indicator'
  | 'decrease';

/** Lines of a quarter sheet: cumulative realisasi to the quarter, defects applied, parents summed. */
function budgetLines(
  programs: Node[],
  quarter: number,
  defects: Map<Node, DefectKind>,
  kegiatanDefects: Map<Node, DefectKind>,
): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const program of programs) {
    const pLine: BudgetLine = { node: program, name: program.name, pagu: 0, kas: [0, 0, 0, 0], realisasi: 0 };
    lines.push(pLine);
    for (const kegiatan of program.children) {
      const kLine: BudgetLine = { node: kegiatan, name: kegiatan.name, pagu: 0, kas: [0, 0, 0, 0], realisasi: 0 };
      lines.push(kLine);
      for (const sub of kegiatan.children) {
        const d = defects.get(sub);
        const line: BudgetLine = {
          node: sub,
          name: d === 'noName' ? '' : sub.name,
          pagu: sub.pagu,
          kas: [...sub.kas] as [number, number, number, number],
          realisasi: Math.round((sub.pagu * sub.share * quarter) / 4),
        };
        if (d === 'kas') line.kas[3] += 5_000_000;
        if (d === 'overPagu') line.realisasi = Math.round(sub.pagu * 1.1);
        if (d === 'decrease') line.realisasi = Math.max(0, Math.round((sub.pagu * sub.share * (quarter - 1)) / 4) - 1_000_000);
        if (d === 'paguText') line.paguText = true;
        if (d === 'hash') line.hashKas = 1;
        if (d === 'capaian') line.capaianWrong = true;
        if (d === 'refError') line.refError = true;
        lines.push(line);
        kLine.pagu += line.pagu;
        line.kas.forEach((k, i) => (kLine.kas[i] += k));
        kLine.realisasi += line.realisasi;
      }
      pLine.pagu += kLine.pagu;
      kLine.kas.forEach((k, i) => (pLine.kas[i] += k));
      pLine.realisasi += kLine.realisasi;
      // After the program total: the kegiatan row alone is off (typed wrongly).
      if (kegiatanDefects.get(kegiatan) === 'rollup') kLine.realisasi += 1_000_000;
    }
  }
  return lines;
}

/** Indonesian number text: 55599900 -> "55.599.900,00". */
function indonesian(value: number, decimals: number): string {
  const [int, dec] = Math.abs(value).toFixed(decimals).split('.');
  return `${value < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${dec ? ',' + dec : ''}`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function quarterSheet(name: string, quarter: 1 | 2 | 3 | 4, lines: BudgetLine[], wrongIndicators: Set<Node>): SheetSpec {
  const rows: (CellSpec | undefined)[][] = [];
  const merges: Area[] = [];
  const set = (r: number, c: number, spec: CellSpec) => {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = spec;
  };

  const title = [
    'PENGUKURAN KINERJA DINAS PENANAMAN MODAL, PELAYANAN TERPADU SATU PINTU DAN TENAGA KERJA',
    'PEMERINTAH KOTA PROBOLINGGO',
    `S/D TRIWULAN ${ROMAN[quarter - 1]} TAHUN 2024`,
  ];
  title.forEach((t, r) => {
    set(r, 0, { value: t, bold: true });
    merges.push({ top: r, left: 0, bottom: r, right: NCOLS - 1 });
  });
  rows.push([]); // row 4 empty

  HEADER_TOP.forEach((t, c) => {
    set(HEADER_ROW_1, c, t ? { value: t, bold: true } : { value: null, bold: true });
    set(HEADER_ROW_2, c, { value: null, bold: true });
  });
  ['TRW I', 'TRW II', 'TRW III', 'TRW IV'].forEach((t, i) => set(HEADER_ROW_2, COL.G + i, { value: t, bold: true }));
  ['TRIWULAN I', 'TRIWULAN II', 'TRIWULAN III', 'TRIWULAN IV'].forEach((t, i) => set(HEADER_ROW_2, COL.O + i, { value: t, bold: true }));
  merges.push({ top: HEADER_ROW_1, left: COL.G, bottom: HEADER_ROW_1, right: COL.G + 3 });
  merges.push({ top: HEADER_ROW_1, left: COL.O, bottom: HEADER_ROW_1, right: COL.O + 3 });
  HEADER_TOP.forEach((t, c) => {
    if (t && t !== 'TARGET' && t !== 'ANGGARAN KAS') merges.push({ top: HEADER_ROW_1, left: c, bottom: HEADER_ROW_2, right: c });
  });
  COLUMN_NUMBERS.forEach((n, c) => set(NUMBER_ROW, c, { value: n }));

  let r = FIRST_DATA_ROW;
  let no = 0;
  for (const line of lines) {
    const x = r + 1; // 1-based row in formulas
    const ind = line.node.indicator;
    if (ind) {
      no++;
      set(r, COL.A, { value: no });
      set(r, COL.B, { value: ind.tujuan });
      set(r, COL.C, { value: ind.tujuan });
      set(r, COL.D, { value: ind.sasaran });
      set(r, COL.E, { value: ind.nama });
      set(r, COL.F, { value: ind.formulasi });
      for (let q = 0; q < 4; q++) set(r, COL.G + q, { value: ind.target, numFmt: FMT_PCT });
      const real = round2(ind.target * ind.annual * (quarter / 4));
      set(r, COL.K, { value: real, numFmt: FMT_PCT });
      const cap = round2((real / ind.target) * 100) + (wrongIndicators.has(line.node) ? 12.5 : 0);
      set(r, COL.L, { value: cap, numFmt: FMT_PCT });
    }
    set(r, COL.M, line.name ? { value: line.name } : { value: null });
    set(r, COL.N, line.paguText ? { value: indonesian(line.pagu, 2), numFmt: '@' } : { value: line.pagu, numFmt: FMT_PAGU });
    line.kas.forEach((k, i) => set(r, COL.O + i, line.hashKas === i ? { value: '#####' } : { value: k, numFmt: FMT_AMOUNT }));
    set(r, COL.S, { value: line.realisasi, numFmt: FMT_AMOUNT });
    const capaian = line.pagu === 0 ? '-' : (line.realisasi / line.pagu) * 100;
    if (line.refError) set(r, COL.T, { value: '#REF!', error: '#REF!', formula: `S${x}/#REF!*100`, numFmt: FMT_PCT });
    else if (line.capaianWrong) set(r, COL.T, { value: round2((capaian as number) + 7.5), numFmt: FMT_PCT });
    else set(r, COL.T, { value: capaian, formula: `IF(N${x}=0,"-",S${x}/N${x}*100)`, numFmt: FMT_PCT });
    r++;
  }

  r++; // one empty row, then the signature in column N
  const signature = [
    `Probolinggo, 05 ${['April', 'Juli', 'Oktober', 'Januari'][quarter - 1]} 2024`,
    'KEPALA DINAS PENANAMAN MODAL,',
    'PELAYANAN TERPADU SATU PINTU DAN TENAGA KERJA',
    'NAMA KEPALA DINAS, S.Sos., M.Si',
    'Pembina Utama Muda',
    'NIP. 19700101 199001 1 001',
  ];
  signature.forEach((s, i) => set(r + i, COL.N, { value: s }));
  return { name, rows, merges, widths: WIDTHS };
}

// ---------------------------------------------------------------------------
// Workbooks.

interface Generated {
  sheets: SheetSpec[];
  budgetRows: number;
  planted: number;
}

/** A workbook with one quarter sheet per entry of `quarters`, `budgetRows` budget rows in all. */
function generateWorkbook(budgetRows: number, quarters: (1 | 2 | 3 | 4)[], seed = 20240101): Generated {
  const rng = new Rng(seed + budgetRows * 7 + quarters.length);
  const perSheet = Math.floor(budgetRows / quarters.length);
  const programs = buildTree(perSheet, rng);
  const subs = programs.flatMap((p) => p.children.flatMap((k) => k.children));
  const kegiatan = programs.flatMap((p) => p.children);
  const perType = Math.max(1, Math.round(budgetRows / 5000));

  // Distinct rows for the defects (one defect per row).
  const usedSubs = new Set<number>();
  const pickSub = () => {
    for (;;) {
      const i = rng.int(0, subs.length - 1);
      if (!usedSubs.has(i)) {
        usedSubs.add(i);
        return subs[i];
      }
    }
  };
  const usedKegiatan = new Set<number>();
  const pickKegiatan = () => {
    for (;;) {
      const i = rng.int(0, kegiatan.length - 1);
      if (!usedKegiatan.has(i)) {
        usedKegiatan.add(i);
        return kegiatan[i];
      }
    }
  };
  const subKinds: DefectKind[] = ['capaian', 'kas', 'overPagu', 'paguText', 'hash', 'refError', 'noName'];
  const last = quarters.length - 1;
  const sheets: SheetSpec[] = [];
  let planted = 0;
  quarters.forEach((q, s) => {
    const defects = new Map<Node, DefectKind>();
    const kegiatanDefects = new Map<Node, DefectKind>();
    const wrongIndicators = new Set<Node>();
    if (s === last) {
      // Defects on the last sheet only, so that the earlier sheets are a clean reference.
      for (const kind of subKinds) for (let i = 0; i < perType; i++) defects.set(pickSub(), kind);
      for (let i = 0; i < Math.min(perType, kegiatan.length); i++) kegiatanDefects.set(pickKegiatan(), 'rollup');
      for (let i = 0; i < Math.min(perType, programs.length); i++) wrongIndicators.add(programs[rng.int(0, programs.length - 1)]);
      if (quarters.length > 1) for (let i = 0; i < perType; i++) defects.set(pickSub(), 'decrease');
      planted = defects.size + kegiatanDefects.size + wrongIndicators.size;
    }
    const lines = budgetLines(programs, q, defects, kegiatanDefects);
    sheets.push(quarterSheet(`TW ${ROMAN[q - 1]}`, q, lines, wrongIndicators));
  });
  return { sheets, budgetRows: perSheet * quarters.length, planted };
}

/** The snapshot the ExcelJS adapter would give for the same workbook (without going through a file). */
function toSnapshot(gen: Generated): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = gen.sheets.map((spec) => ({
    name: spec.name,
    cells: spec.rows.map((row) =>
      row.map((c): Cell | undefined => {
        if (!c) return undefined;
        const cell: Cell = {
          value: c.error ?? c.value,
          numberFormat: c.numFmt ?? 'General',
          bold: !!c.bold,
          indent: 0,
          fontName: 'Calibri',
          fontSize: 11,
        };
        if (c.error) cell.isError = true;
        if (c.formula) cell.formula = `=${c.formula}`;
        return cell;
      }),
    ),
    merges: spec.merges,
    columnWidths: spec.widths.map(columnWidthToPoints),
    defaultFont: { name: 'Calibri', size: 11 },
    protected: false,
    hidden: false,
  }));
  return { sheets };
}

function toExcel(gen: Generated): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'capaian bench';
  for (const spec of gen.sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    spec.rows.forEach((row, r) => {
      row.forEach((c, col) => {
        if (!c) return;
        const cell = ws.getCell(r + 1, col + 1);
        if (c.formula) {
          cell.value = { formula: c.formula, result: c.error ? { error: c.error as ExcelJS.CellErrorValue['error'] } : (c.value ?? undefined) } as ExcelJS.CellFormulaValue;
        } else if (c.value !== null) cell.value = c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
        if (c.bold) cell.font = { name: 'Calibri', size: 11, bold: true };
      });
    });
    for (const m of spec.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return wb;
}

// ---------------------------------------------------------------------------
// Timing.

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function countFindings(report: WorkbookReport): number {
  return report.sheets.reduce((n, s) => n + s.findings.length, 0);
}

function byRule(report: WorkbookReport): string {
  const counts = new Map<string, number>();
  for (const s of report.sheets) for (const f of s.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
}

interface Row {
  rows: number;
  ms: number | null;
  findings: number | null;
  planted: number;
  note?: string;
  rules?: string;
}

function timeAnalyze(snapshot: WorkbookSnapshot, runs: number, budgetMs = Infinity): { ms: number; report: WorkbookReport; runs: number } {
  // Warm-up (JIT), also gives the report.
  let t0 = performance.now();
  let report = analyzeWorkbook(snapshot);
  const warm = performance.now() - t0;
  if (warm > budgetMs) return { ms: warm, report, runs: 0 };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    report = analyzeWorkbook(snapshot);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), report, runs };
}

const fmtInt = (n: number) => n.toLocaleString('en-US');
const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function printTable(title: string, rows: Row[]) {
  const head = ['rows', 'ms', 'rows/s', 'findings', 'planted'];
  const body = rows.map((r) => [
    fmtInt(r.rows),
    r.ms === null ? '-' : fmtMs(r.ms),
    r.ms === null || r.ms === 0 ? '-' : fmtInt(Math.round((r.rows / r.ms) * 1000)),
    r.findings === null ? '-' : fmtInt(r.findings),
    fmtInt(r.planted),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r, i) => console.log(line(body[i]) + (r.note ? `  ${r.note}` : '')));
  const rules = rows.filter((r) => r.rules);
  if (rules.length) {
    console.log('findings by rule:');
    for (const r of rules) console.log(`  ${fmtInt(r.rows).padStart(widths[0])}: ${r.rules}`);
  }
}

async function benchCli(rowsCount: number): Promise<void> {
  const gen = generateWorkbook(rowsCount, [3]);
  const file = path.join(os.tmpdir(), `capaian-bench-${process.pid}-${rowsCount}.xlsx`);
  let t0 = performance.now();
  await toExcel(gen).xlsx.writeFile(file);
  const writeMs = performance.now() - t0;
  const size = fs.statSync(file).size;
  let out = '';
  let errBytes = 0;
  const io: CliIO = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((errBytes += s.length), true) },
  };
  try {
    t0 = performance.now();
    const code = await main(['check', file, '--json'], io);
    const ms = performance.now() - t0;
    let findings = '?';
    try {
      const json = JSON.parse(out) as { summary: { errors: number; warnings: number; infos: number } };
      findings = String(json.summary.errors + json.summary.warnings + json.summary.infos);
    } catch {
      // leave "?"
    }
    console.log(`\nCommand line: capaian check FILE.xlsx --json (one run, ${fmtInt(gen.budgetRows)} budget rows)`);
    console.log(`  file           ${file} (${fmtInt(Math.round(size / 1024))} KiB, written in ${fmtMs(writeMs)} ms, not timed)`);
    console.log(`  main()         ${fmtMs(ms)} ms  (${fmtInt(Math.round((gen.budgetRows / ms) * 1000))} rows/s)`);
    console.log(`  exit code      ${code}; findings ${findings} (planted ${gen.planted}); JSON ${fmtInt(out.length)} chars${errBytes ? `; stderr ${errBytes} chars` : ''}`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function run(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  console.log(`Capaian bench — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu?'} (${os.cpus().length} cpu), median of ${o.runs} run(s) after a warm-up`);

  // 1. One quarter sheet.
  const single: Row[] = [];
  for (const n of o.sizes) {
    const gen = generateWorkbook(n, [3]);
    const snapshot = toSnapshot(gen);
    const { ms, report } = timeAnalyze(snapshot, o.runs);
    single.push({ rows: gen.budgetRows, ms, findings: countFindings(report), planted: gen.planted, rules: byRule(report) });
  }
  printTable('analyzeWorkbook — one quarter sheet (TW III)', single);

  // 2. Two quarter sheets: the checks across quarters too.
  if (o.quarters) {
    const cross: Row[] = [];
    let skip = false;
    for (const n of o.sizes) {
      const gen = generateWorkbook(n, [2, 3]);
      if (skip) {
        cross.push({ rows: gen.budgetRows, ms: null, findings: null, planted: gen.planted, note: 'skipped (previous size over the time budget)' });
        continue;
      }
      const snapshot = toSnapshot(gen);
      const { ms, report, runs } = timeAnalyze(snapshot, o.runs, CROSS_QUARTER_BUDGET_MS);
      const row: Row = { rows: gen.budgetRows, ms, findings: countFindings(report), planted: gen.planted, rules: byRule(report) };
      if (runs === 0) {
        row.note = `single run (over ${CROSS_QUARTER_BUDGET_MS / 1000} s)`;
        skip = true;
      } else if (ms * (o.runs + 1) > CROSS_QUARTER_BUDGET_MS) skip = true;
      cross.push(row);
    }
    printTable('analyzeWorkbook — two quarter sheets (TW II + TW III, half the rows each)', cross);
  }

  // 3. The command line.
  if (o.cli) await benchCli(o.cliRows);

  // 4. The one-click add-in command on the seed workbook, over the in-memory Excel.
  await benchAddinSeed();

  // 5. The task pane in a browser: is it frozen while a big workbook is checked?
  if (o.paneRows > 0) await benchPane(o.paneRows);
}

/** The pane in headless Chromium over the preview: time of a check and the longest freeze of the page. */
async function benchPane(rows: number): Promise<void> {
  const { chromium } = await import('playwright-core');
  const { buildOnce, serve, CHROMIUM_ARGS } = await import('../e2e/server');
  const gen = generateWorkbook(rows, [2, 3]);
  const file = path.join(os.tmpdir(), `capaian-bench-pane-${rows}.xlsx`);
  await toExcel(gen).xlsx.writeFile(file);
  // The production build, as the add-in ships (React's development checks would slow the page).
  const out = buildOnce('production');
  const server = await serve(out);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  console.log(`\nThe task pane in headless Chromium: "Periksa ulang" on ${gen.budgetRows} budget rows (TW II + TW III), median of 3`);
  try {
    for (const engine of ['worker', 'here']) {
      const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
      await page.goto(`${server.url}/preview.html${engine === 'here' ? '?engine=here' : ''}`);
      await page.getByTestId('verdict').waitFor({ timeout: 120000 });
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByText(path.basename(file)).waitFor();
      await page.locator('[data-testid="capaian-pane"][aria-busy="false"] [data-testid="verdict"]').waitFor({ timeout: 300000 });
      const totals: number[] = [];
      const freezes: number[] = [];
      for (let i = 0; i < 3; i++) {
        // window.performance: the page's clock (this file imports Node's performance). A MutationObserver
        // sees the pane go busy and idle again even when the page's thread is too busy to be polled.
        await page.evaluate(() => {
          const w = window as unknown as { __tick: { last: number; maxGap: number; id: number; busy: boolean; done: boolean; obs?: MutationObserver } };
          const tick = { last: window.performance.now(), maxGap: 0, id: 0, busy: false, done: false } as typeof w.__tick;
          tick.id = window.setInterval(() => {
            const now = window.performance.now();
            tick.maxGap = Math.max(tick.maxGap, now - tick.last);
            tick.last = now;
          }, 10);
          const pane = document.querySelector('[data-testid="capaian-pane"]')!;
          tick.obs = new MutationObserver(() => {
            const busy = pane.getAttribute('aria-busy') === 'true';
            if (busy) tick.busy = true;
            else if (tick.busy) tick.done = true;
          });
          tick.obs.observe(pane, { attributes: true, attributeFilter: ['aria-busy'] });
          w.__tick = tick;
        });
        const t0 = Date.now();
        // Clicked from inside the page: a Playwright locator would itself search the big grid's DOM
        // on the page's thread and count as a freeze.
        await page.evaluate(() => {
          const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="capaian-pane"] button')];
          buttons.find((b) => b.textContent === 'Periksa ulang')!.click();
        });
        await page.waitForFunction(() => (window as unknown as { __tick: { done: boolean } }).__tick.done, undefined, { timeout: 300000 });
        totals.push(Date.now() - t0);
        freezes.push(
          await page.evaluate(() => {
            const w = window as unknown as { __tick: { last: number; maxGap: number; id: number; obs?: MutationObserver } };
            window.clearInterval(w.__tick.id);
            w.__tick.obs?.disconnect();
            return Math.max(w.__tick.maxGap, window.performance.now() - w.__tick.last);
          }),
        );
      }
      const route = await page.evaluate(() => document.documentElement.dataset.capaianEngine ?? '?');
      console.log(`  engine ${engine === 'worker' ? 'in a Web Worker ' : 'on the page thread'} (ran: ${route}): check ${median(totals).toFixed(0)} ms, longest freeze of the page ${median(freezes).toFixed(0)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(file, { force: true });
  }
}

/** "Hitung Ulang Capaian" on the seed's four quarters: read, analyze, write, log (in-memory Excel). */
async function benchAddinSeed(): Promise<void> {
  const { buildFixture } = await import('../fixtures/build-fixtures');
  const { snapshotFromWorkbook } = await import('../../src/xlsx/snapshot');
  const { createFakeExcel, modelFromSnapshot } = await import('../../src/preview/fake-excel');
  const { hitungUlangCapaian } = await import('../../src/addin/recalculate');
  const snapshot = snapshotFromWorkbook(await buildFixture('seed'));
  const times: number[] = [];
  let message = '';
  let syncs = 0;
  for (let i = 0; i < 4; i++) {
    const fake = createFakeExcel(modelFromSnapshot(snapshot), {});
    const t0 = performance.now();
    const r = await hitungUlangCapaian({ Excel: fake.Excel as never, office: fake.Office.context as never });
    const ms = performance.now() - t0;
    if (i > 0) times.push(ms); // the first run warms up
    message = r.message;
    syncs = fake.stats.syncs;
  }
  console.log('\n"Hitung Ulang Capaian" on the seed workbook (in-memory Excel, median of 3 after a warm-up)');
  console.log(`  ${median(times).toFixed(0)} ms, ${syncs} syncs: ${message}`);
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

export { generateWorkbook, toExcel };
