// What the pane shows, computed from the engine's report: counts, the verdict, findings grouped by
// program or by rule, the fix that belongs to a finding, values formatted the Indonesian way.
// Pure functions (no React, no office-js), shared by the pane and the report sheet.
import { columnLetter } from '../engine/a1';
import { Grid } from '../engine/grid';
import { indicatorCapaian, parseRange, polarityOf, predikat } from '../engine/indicators';
import { RULES, ruleMeta } from '../engine/rules/catalogue';
import type {
  BudgetRow,
  ColumnRole,
  Finding,
  Fix,
  IndicatorRow,
  Layout,
  Polarity,
  SheetReport,
  SheetSnapshot,
  WorkbookReport,
  WorkbookSnapshot,
} from '../engine/types';
import type { Lang } from '../addin/i18n';
import { cellPosition, countFindings, formatValue, isOwnSheet, sortFindings, type Counts } from '../addin/report-sheet';

export { countFindings, formatValue, isOwnSheet, sortFindings, type Counts };
export { REPORT_SHEET, OWN_SHEETS } from '../addin/report-sheet';

/** The report without the sheets Capaian writes itself. */
export function withoutOwnSheets(report: WorkbookReport): WorkbookReport {
  return { ...report, sheets: report.sheets.filter((s) => !isOwnSheet(s.name)) };
}

export function allFindings(report: WorkbookReport): Finding[] {
  return report.sheets.flatMap((s) => s.findings);
}

/** No errors: ready to send. */
export function isReady(counts: Counts): boolean {
  return counts.errors === 0;
}

/** True when no sheet holds anything at all. */
export function isEmptyWorkbook(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets
    .filter((s) => !isOwnSheet(s.name))
    .every((s) => !s.cells.some((r) => r?.some((c) => c && c.value !== null && c.value !== '')));
}

export function hasTable(report: WorkbookReport): boolean {
  return report.sheets.some((s) => !!s.layout);
}

/** A stable key for a finding (sheet, cell, rule). */
export function findingKey(f: Pick<Finding, 'sheet' | 'cell' | 'rule'>): string {
  return `${f.sheet}!${f.cell ?? ''}!${f.rule}`;
}

/** "TW I!N22", or the sheet name for a sheet-level finding. */
export function findingPlace(f: Pick<Finding, 'sheet' | 'cell'>): string {
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

export interface FindingGroup {
  key: string;
  title: string;
  findings: Finding[];
  counts: Counts;
}

/** Every budget row of a subtree, depth first. */
export function flattenTree(programs: readonly BudgetRow[]): BudgetRow[] {
  const out: BudgetRow[] = [];
  const walk = (r: BudgetRow) => {
    out.push(r);
    r.children.forEach(walk);
  };
  programs.forEach(walk);
  return out;
}

/**
 * Findings grouped by the program whose rows hold their cell (a program spans from its row to the
 * row before the next program; the last one to the end of the table). Findings before the first
 * program, outside the table or without a cell form one group per sheet. Groups of notes only come last.
 */
export function groupByProgram(
  report: WorkbookReport,
  findings: readonly Finding[],
  labels: { sheetLevel: (sheet: string) => string; unnamedRow: (row: number) => string },
): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const sheet of report.sheets) {
    const mine = findings.filter((f) => f.sheet === sheet.name);
    if (mine.length === 0) continue;
    const programs = [...sheet.programs].sort((a, b) => a.row - b.row);
    const last = sheet.layout?.lastDataRow ?? Number.MAX_SAFE_INTEGER;
    const buckets = new Map<number, Finding[]>();
    const rest: Finding[] = [];
    for (const f of mine) {
      const { row } = cellPosition(f.cell);
      let i = -1;
      if (row >= 0 && row <= last) for (let j = 0; j < programs.length && programs[j].row <= row; j++) i = j;
      if (i < 0) rest.push(f);
      else buckets.set(i, [...(buckets.get(i) ?? []), f]);
    }
    programs.forEach((p, i) => {
      const list = buckets.get(i);
      if (!list) return;
      groups.push({ key: `${sheet.name}#${p.row}`, title: `${sheet.name} · ${p.nama || labels.unnamedRow(p.row + 1)}`, findings: sortFindings(list), counts: countFindings(list) });
    });
    if (rest.length) groups.push({ key: `${sheet.name}#sheet`, title: labels.sheetLevel(sheet.name), findings: sortFindings(rest), counts: countFindings(rest) });
  }
  // Groups holding only notes (a cover sheet without a table, a changed target) come last.
  const onlyNotes = (g: FindingGroup) => g.counts.errors + g.counts.warnings === 0;
  return [...groups.filter((g) => !onlyNotes(g)), ...groups.filter(onlyNotes)];
}

/** Findings grouped by rule, in the catalogue's order. */
export function groupByRule(findings: readonly Finding[], lang: Lang): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const rule of RULES) {
    const list = findings.filter((f) => f.rule === rule.id);
    if (!list.length) continue;
    const sorted = [...list].sort((a, b) => {
      if (a.sheet !== b.sheet) return 0;
      const pa = cellPosition(a.cell);
      const pb = cellPosition(b.cell);
      return pa.row - pb.row || pa.col - pb.col;
    });
    groups.push({ key: rule.id, title: rule.title[lang], findings: sorted, counts: countFindings(list) });
  }
  return groups;
}

export function ruleTitle(f: Pick<Finding, 'rule'>, lang: Lang): string {
  return ruleMeta(f.rule).title[lang];
}

export function messageOf(f: Finding, lang: Lang): string {
  return lang === 'en' ? f.messageEn : f.message;
}

/**
 * The repair of a finding: a cell fix at its cell (a certain one before a suggestion), or for a
 * number shown as #### the width fix of its column.
 */
export function fixForFinding(sheet: SheetReport | undefined, f: Finding): Fix | undefined {
  if (!sheet || !f.cell) return undefined;
  const cell = f.cell;
  const col = cell.replace(/\d+$/, '');
  const candidates = sheet.fixes.filter(
    (x) => x.sheet === f.sheet && ((x.kind === 'cell' && x.cell === cell) || (x.kind === 'columnWidth' && f.rule === 'display-overflow' && x.cell === col)),
  );
  return candidates.find((x) => x.certain) ?? candidates[0];
}

const ID_NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

export function formatPercent(v: number | null): string {
  return v === null ? '-' : `${ID_NUMBER.format(v)}\u00a0%`; // no line break before the %
}

// ---------------------------------------------------------------------------
// The table as understood.

export const BUDGET_ROLES: readonly ColumnRole[] = ['kode', 'nama', 'pagu', 'kas1', 'kas2', 'kas3', 'kas4', 'realisasi', 'capaian'];
export const INDICATOR_ROLES: readonly ColumnRole[] = [
  'no',
  'tujuan',
  'indikatorTujuan',
  'sasaran',
  'indikatorSasaran',
  'formulasi',
  'target1',
  'target2',
  'target3',
  'target4',
  'realisasiIndikator',
  'capaianIndikator',
];

export interface ColumnOption {
  col: number;
  letter: string;
  /** Header words above the column (group title and sub title), when any. */
  header: string;
}

/** The columns a person can pick, with the header text over each. */
export function columnOptions(sheet: SheetSnapshot | undefined, layout: Layout | null): ColumnOption[] {
  if (!sheet) return [];
  const grid = new Grid(sheet);
  const count = Math.min(Math.max(grid.colCount, ...Object.values(layout?.columns ?? {}).map((c) => (c ?? 0) + 1)), 104);
  const top = layout ? layout.headerTop : 0;
  const bottom = layout ? layout.headerBottom : -1;
  const out: ColumnOption[] = [];
  for (let c = 0; c < count; c++) {
    const words: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = grid.text(r, c);
      if (t && !words.includes(t)) words.push(t);
    }
    out.push({ col: c, letter: columnLetter(c), header: words.join(' ').replace(/\s+/g, ' ').trim() });
  }
  return out;
}

/** Capaian of a budget row from its own numbers: realisasi / pagu × 100 (none when the pagu is 0 or empty). */
export function budgetCapaian(r: BudgetRow): number | null {
  const pagu = r.pagu.value;
  if (pagu === null || pagu === 0) return null;
  return ((r.realisasi.value ?? 0) / pagu) * 100;
}

export function predicateOf(capaian: number | null, lang: Lang): string | null {
  return capaian === null ? null : predikat(capaian)[lang];
}

/** The target that applies on the sheet: its own quarter's, else the last one filled before it. */
function targetOf(layout: Layout, ind: IndicatorRow): { col: number; q: number } | null {
  const c = layout.columns;
  const cols = [c.target1, c.target2, c.target3, c.target4];
  const q = layout.quarter;
  if (q && cols[q - 1] !== undefined && ind.targets[q - 1].source !== 'empty') return { col: cols[q - 1]!, q };
  for (let i = (q ?? 4) - 1; i >= 0; i--) if (cols[i] !== undefined && ind.targets[i].source !== 'empty') return { col: cols[i]!, q: i + 1 };
  return null;
}

export interface IndicatorView {
  row: number;
  nama: string;
  polarity: Polarity;
  /** The person chose the polarity (saved in the workbook). */
  chosen: boolean;
  capaian: number | null;
}

/** Each indicator with the polarity the engine uses for it and the capaian that follows. */
export function indicatorViews(sheet: SheetReport, snapshot: SheetSnapshot | undefined, chosen: Record<string, Polarity> | undefined): IndicatorView[] {
  if (!sheet.layout) return [];
  const grid = snapshot ? new Grid(snapshot) : null;
  return sheet.indicators.map((ind) => {
    const t = targetOf(sheet.layout!, ind);
    const targetText = t && grid ? grid.text(ind.row, t.col, false) : '';
    const polarity = polarityOf(ind, sheet.name, chosen, targetText);
    const target = t ? ind.targets[t.q - 1].value : null;
    return {
      row: ind.row,
      nama: ind.nama,
      polarity,
      chosen: !!chosen?.[`${sheet.name}!${ind.row + 1}`],
      capaian: indicatorCapaian(polarity, target, ind.realisasi.value, parseRange(targetText)),
    };
  });
}

/** Rows whose level the engine could not settle (from its ambiguous-level findings). */
export function uncertainRows(sheet: SheetReport): Set<number> {
  const rows = new Set<number>();
  for (const f of sheet.findings) if (f.rule === 'ambiguous-level' && f.cell) rows.add(cellPosition(f.cell).row);
  return rows;
}
