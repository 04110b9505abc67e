// Entry point of the engine: a workbook snapshot in, a report out. Pure: no host APIs.
import { Collector, type SheetContext } from './context';
import { Grid } from './grid';
import { hydrateFormulas } from './hydrate';
import { readIndicators } from './indicators';
import { detectLayout } from './layout';
import { matchRows } from './match';
import { QUARTER_RULES, SHEET_RULES, layoutNotFound } from './rules';
import { solve } from './solve';
import { buildTree, readBudgetRows } from './tree';
import type { AnalyzeOptions, SheetReport, SheetSnapshot, Summary, WorkbookReport, WorkbookSnapshot } from './types';

import { CAPAIAN_SHEETS } from './sheets';

export { CAPAIAN_SHEETS };

export interface SheetAnalysis {
  report: SheetReport;
  context: SheetContext | null;
}

function analyzeSheet(sheet: SheetSnapshot, options: AnalyzeOptions): SheetAnalysis {
  const grid = new Grid(sheet);
  const out = new Collector(sheet.name);
  const layout = detectLayout(grid, options.columnOverrides?.[sheet.name]);
  if (!layout) {
    const hasContent = sheet.cells.some((r) => r?.some((c) => c && c.value !== null && c.value !== ''));
    layoutNotFound.report(out, sheet.name, hasContent);
    return {
      report: { name: sheet.name, layout: null, findings: out.findings, fixes: [], programs: [], indicators: [] },
      context: null,
    };
  }
  const rows = readBudgetRows(grid, layout);
  const chosen = new Map<number, import('./types').Level>();
  for (const [key, level] of Object.entries(options.levels ?? {})) {
    const i = key.lastIndexOf('!');
    if (key.slice(0, i) === sheet.name) chosen.set(Number(key.slice(i + 1)) - 1, level);
  }
  const tree = buildTree(rows, chosen);
  const indicators = readIndicators(grid, layout, rows);
  const solution = solve(rows, tree.programs, new Set(tree.ambiguous));
  const context: SheetContext = {
    grid,
    layout,
    rows,
    programs: tree.programs,
    ambiguous: tree.ambiguous,
    indicators,
    solution,
    options,
    out,
  };
  if (rows.length === 0 && indicators.length === 0) layoutNotFound.reportEmptyTable(out, sheet.name);
  for (const rule of SHEET_RULES) rule.check(context);
  out.finish();
  return {
    report: { name: sheet.name, layout, findings: out.findings, fixes: [], programs: tree.programs, indicators },
    context,
  };
}

/** Analyzes every sheet (or the chosen ones), then the checks across quarter sheets. */
export function analyzeWorkbook(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): WorkbookReport {
  const wb = hydrateFormulas(snapshot);
  const chosen = options.sheets && options.sheets.length > 0 ? new Set(options.sheets) : null;
  const todo = wb.sheets.filter((s) => (chosen ? chosen.has(s.name) : !CAPAIAN_SHEETS.includes(s.name)));
  const total = todo.length + 1;
  const analyses = todo.map((s, i) => {
    const a = analyzeSheet(s, options);
    options.onProgress?.(i + 1, total);
    return a;
  });

  // Quarter sheets in order: each is compared with the nearest earlier quarter.
  const quarterSheets = analyses
    .map((a) => a.context)
    .filter((c): c is SheetContext => !!c && !!c.layout.quarter)
    .sort((a, b) => a.layout.quarter! - b.layout.quarter!);
  for (let i = 1; i < quarterSheets.length; i++) {
    const prev = quarterSheets[i - 1];
    const cur = quarterSheets[i];
    if (prev.layout.quarter === cur.layout.quarter) continue;
    const matches = matchRows(prev.rows, cur.rows, prev.indicators, cur.indicators);
    for (const rule of QUARTER_RULES) rule.checkPair(prev, cur, matches);
  }

  const sheets = analyses.map((a) => ({
    ...a.report,
    findings: a.context ? a.context.out.findings : a.report.findings,
    fixes: a.context ? a.context.out.allFixes() : [],
  }));
  options.onProgress?.(total, total);
  return { sheets, summary: summarize(sheets) };
}

export function summarize(sheets: SheetReport[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, fixesCertain: 0, fixesSuggested: 0 };
  for (const sh of sheets) {
    for (const f of sh.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
    for (const x of sh.fixes) {
      if (x.certain) s.fixesCertain++;
      else s.fixesSuggested++;
    }
  }
  return s;
}
