// The one-click command "Hitung Ulang Capaian": read, analyze, apply the certain repairs, say what happened.
import type { AnalyzeOptions, Finding, Fix, WorkbookReport } from '../engine/types';
import { analyzeHere, type Analyze } from './engine-client';
import type { ExcelLike, OfficeContextLike } from './excel-like';
import { langOf, strings } from './i18n';
import { analyzeOptionsOf, loadChoices, loadIgnored, isIgnored } from './settings';
import { readWithRetry, type ReadResult } from './read';
import { applyFixes, restore, type ApplyOutcome, type UndoBatch } from './write';

export const UNDO_SETTING = 'capaian.lastBatch';

export interface AddinEnv {
  Excel: ExcelLike;
  office: OfficeContextLike;
  /** Width of a text in points (canvas measureText in the pane); the engine estimates otherwise. */
  measureText?: AnalyzeOptions['measureText'];
  /** Where the engine runs: the pane passes a Web Worker (engine-client.ts); default this thread. */
  analyze?: Analyze;
}

export interface ScanResult {
  read: ReadResult;
  report: WorkbookReport;
}

/** User choices saved in the workbook (column overrides, row levels, polarity). */
export function savedOptions(office: OfficeContextLike): Pick<AnalyzeOptions, 'columnOverrides' | 'polarity' | 'levels'> {
  return analyzeOptionsOf(loadChoices(office));
}

/** Reads the workbook and analyzes it; onProgress is told the engine's progress (sheets done of total). */
export async function scan(env: AddinEnv, onProgress?: AnalyzeOptions['onProgress']): Promise<ScanResult> {
  const read = await readWithRetry(env.Excel, { office: env.office });
  const analyze = env.analyze ?? analyzeHere;
  const report = await analyze(read.snapshot, { ...savedOptions(env.office), measureText: env.measureText, onProgress });
  // Findings a person set aside ("Abaikan") are not raised again.
  const ignored = loadIgnored(env.office);
  if (ignored.length) for (const s of report.sheets) s.findings = s.findings.filter((f) => !isIgnored(f, ignored));
  return { read, report };
}

/** Findings still open once the applied fixes are in (a finding is resolved by a fix of its cell). */
export function remainingFindings(report: WorkbookReport, applied: Fix[]): Finding[] {
  const done = new Set(applied.map((f) => `${f.sheet}!${f.cell}`));
  const doneCols = new Set(applied.filter((f) => f.kind === 'columnWidth').map((f) => `${f.sheet}!${f.cell}`));
  return report.sheets
    .flatMap((s) => s.findings)
    .filter((f) => f.severity !== 'info')
    .filter((f) => !(f.cell && (done.has(`${f.sheet}!${f.cell}`) || (f.rule === 'display-overflow' && doneCols.has(`${f.sheet}!${f.cell.replace(/\d+$/, '')}`)))));
}

export interface RecalcResult {
  message: string;
  report: WorkbookReport | null;
  outcome: ApplyOutcome | null;
  remaining: Finding[];
}

export async function hitungUlangCapaian(env: AddinEnv): Promise<RecalcResult> {
  const t = strings(langOf(env.office.displayLanguage));
  const { read, report } = await scan(env);
  if (report.sheets.every((s) => !s.layout)) return { message: t.noTable, report, outcome: null, remaining: [] };
  const certain = report.sheets.flatMap((s) => s.fixes.filter((f) => f.certain));
  let outcome: ApplyOutcome;
  try {
    outcome = await applyFixes(env.Excel, certain, { office: env.office, snapshot: read.snapshot });
  } catch (e) {
    return { message: t.failed(e instanceof Error ? e.message : String(e)), report, outcome: null, remaining: [] };
  }
  if (outcome.undo.entries.length > 0) saveUndo(env.office, outcome.undo);
  const remaining = remainingFindings(report, outcome.applied);
  const cells = new Set(outcome.applied.filter((f) => f.kind === 'cell').map((f) => `${f.sheet}!${f.cell}`)).size;
  const parts = [cells > 0 || outcome.applied.length > 0 ? t.recalcDone(cells, remaining.length) : t.recalcNothing(remaining.length)];
  const protectedSheets = [...new Set(outcome.skipped.filter((s) => /protected/.test(s.reasonEn)).map((s) => s.fix.sheet))];
  if (protectedSheets.length) parts.push(t.skippedProtected(protectedSheets));
  const changed = outcome.skipped.filter((s) => /changed since/.test(s.reasonEn)).length;
  if (changed) parts.push(t.skippedChanged(changed));
  return { message: parts.join(' '), report, outcome, remaining };
}

export function saveUndo(office: OfficeContextLike, batch: UndoBatch): void {
  office.document.settings.set(UNDO_SETTING, batch);
  office.document.settings.saveAsync();
}

export function loadUndo(office: OfficeContextLike): UndoBatch | null {
  const v = office.document.settings.get(UNDO_SETTING);
  return v && typeof v === 'object' && Array.isArray((v as UndoBatch).entries) ? (v as UndoBatch) : null;
}

/** "Batalkan": restores the last applied batch exactly. */
export async function batalkan(env: AddinEnv): Promise<{ message: string; restored: number; changedSince: number }> {
  const t = strings(langOf(env.office.displayLanguage));
  const batch = loadUndo(env.office);
  if (!batch || batch.entries.length === 0) return { message: t.undoNothing, restored: 0, changedSince: 0 };
  const r = await restore(env.Excel, batch.entries);
  env.office.document.settings.remove(UNDO_SETTING);
  env.office.document.settings.saveAsync();
  const parts = [t.undoDone(r.restored.length)];
  if (r.changedSince.length) parts.push(t.undoChanged(r.changedSince.length));
  return { message: parts.join(' '), restored: r.restored.length, changedSince: r.changedSince.length };
}
