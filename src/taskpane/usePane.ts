// The pane's state and actions: scan, apply (after a confirmation), undo, set aside, save the
// person's choices, write the reviewer's report. Everything goes through the add-in adapter
// (src/addin), so the same hook runs over the real Excel and over the in-memory one.
import * as React from 'react';
import type { ColumnRole, Finding, Fix, Level, Polarity, WorkbookReport } from '../engine/types';
import { langOf, strings, type Lang, type Strings } from '../addin/i18n';
import { batalkan, loadUndo, saveUndo, scan, type AddinEnv } from '../addin/recalculate';
import type { ReadResult } from '../addin/read';
import { ReportSheetProtectedError, writeValidationReport } from '../addin/report-sheet';
import { selectCell } from '../addin/select';
import { loadChoices, loadIgnored, saveChoices, saveIgnored, type IgnoredFinding, type UserChoices } from '../addin/settings';
import { applyFixes } from '../addin/write';
import { findingPlace, isOwnSheet, withoutOwnSheets } from './model';

export type BusyKind = 'reading' | 'writing' | 'report' | 'saving';

export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

/** Changes waiting for the person's yes. */
export interface PendingWrite {
  fixes: Fix[];
  /** One finding's repair (possibly a suggestion the person accepts). */
  single: boolean;
}

export interface ScanState {
  read: ReadResult;
  /** The report without the sheets Capaian writes itself. */
  report: WorkbookReport;
}

export interface PaneController {
  lang: Lang;
  t: Strings;
  scan: ScanState | null;
  choices: UserChoices;
  ignored: IgnoredFinding[];
  canUndo: boolean;
  busy: BusyKind | null;
  /** The engine's progress while checking: sheets done of total steps. */
  progress: { done: number; total: number } | null;
  notice: Notice | null;
  pending: PendingWrite | null;
  refresh(): Promise<void>;
  dismissNotice(): void;
  select(f: Finding): Promise<void>;
  askFixAll(): void;
  askFix(fix: Fix): void;
  cancelPending(): void;
  confirmPending(): Promise<void>;
  undo(): Promise<void>;
  ignore(f: Finding, reason: string): Promise<void>;
  unignore(entry: IgnoredFinding): Promise<void>;
  /** col null: the role is not in this table. */
  setColumn(sheet: string, role: ColumnRole, col: number | null): Promise<void>;
  resetColumns(sheet: string): Promise<void>;
  setLevel(sheet: string, row: number, level: Level): Promise<void>;
  setPolarity(sheet: string, row: number, polarity: Polarity): Promise<void>;
  writeReport(): Promise<void>;
}

/** Lets the browser paint (the progress bar) before a long piece of work. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function certainFixes(report: WorkbookReport | undefined | null): Fix[] {
  return report ? report.sheets.flatMap((s) => s.fixes.filter((f) => f.certain)) : [];
}

export function usePane(env: AddinEnv, onChanged?: () => void, now: () => Date = () => new Date()): PaneController {
  const lang = langOf(env.office.displayLanguage);
  const t = strings(lang);
  const [scanState, setScan] = React.useState<ScanState | null>(null);
  const [choices, setChoices] = React.useState<UserChoices>({});
  const [ignored, setIgnored] = React.useState<IgnoredFinding[]>([]);
  const [canUndo, setCanUndo] = React.useState(false);
  const [busy, setBusyState] = React.useState<BusyKind | null>('reading');
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [pending, setPending] = React.useState<PendingWrite | null>(null);
  const busyRef = React.useRef<BusyKind | null>('reading');
  const alive = React.useRef(true);
  const scanRef = React.useRef<ScanState | null>(null);

  const setBusy = (b: BusyKind | null) => {
    busyRef.current = b;
    if (alive.current) setBusyState(b);
  };

  /** Reads and checks the workbook again; the settings are read again too. */
  const rescan = React.useCallback(async (): Promise<ScanState | null> => {
    setBusy('reading');
    await nextFrame();
    try {
      setProgress(null);
      const r = await scan(env, (done, total) => {
        if (alive.current) setProgress({ done, total });
      });
      const next: ScanState = { read: r.read, report: withoutOwnSheets(r.report) };
      scanRef.current = next;
      if (alive.current) {
        setScan(next);
        setChoices(loadChoices(env.office));
        setIgnored(loadIgnored(env.office));
        setCanUndo(!!loadUndo(env.office));
      }
      return next;
    } catch (e) {
      if (alive.current) setNotice({ intent: 'error', text: t.scanFailed(errorText(e)) });
      return null;
    } finally {
      if (alive.current) setProgress(null);
    }
  }, [env]);

  /** Runs one action at a time: the buttons are disabled meanwhile, and a second click is ignored. */
  const exclusive = React.useCallback(
    async (kind: BusyKind, work: () => Promise<void>) => {
      if (busyRef.current) return;
      setBusy(kind);
      try {
        await nextFrame();
        await work();
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  React.useEffect(() => {
    alive.current = true;
    void (async () => {
      await rescan();
      setBusy(null);
    })();
    return () => {
      alive.current = false;
    };
  }, [rescan]);

  const refresh = () =>
    exclusive('reading', async () => {
      setNotice(null);
      await rescan();
    });

  const select = async (f: Finding) => {
    try {
      await selectCell(env.Excel, f.sheet, f.cell ?? 'A1');
      onChanged?.();
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  };

  const askFixAll = () => {
    const fixes = certainFixes(scanRef.current?.report);
    if (fixes.length) setPending({ fixes, single: false });
  };
  const askFix = (fix: Fix) => setPending({ fixes: [fix], single: true });
  const cancelPending = () => setPending(null);

  const confirmPending = () =>
    exclusive('writing', async () => {
      const p = pending;
      const current = scanRef.current;
      setPending(null);
      if (!p || !current) return;
      // A suggestion the person accepted is applied like a certain fix.
      const fixes = p.fixes.map((f) => (f.certain ? f : { ...f, certain: true }));
      let text: Notice;
      try {
        const outcome = await applyFixes(env.Excel, fixes, { office: env.office, snapshot: current.read.snapshot, now });
        if (outcome.undo.entries.length > 0) saveUndo(env.office, outcome.undo);
        const parts = [outcome.applied.length > 0 ? t.appliedDone(outcome.applied.length) : t.appliedNothing];
        const protectedSheets = [...new Set(outcome.skipped.filter((s) => /protected/.test(s.reasonEn)).map((s) => s.fix.sheet))];
        if (protectedSheets.length) parts.push(t.skippedProtected(protectedSheets));
        const changed = outcome.skipped.filter((s) => /changed since/.test(s.reasonEn)).length;
        if (changed) parts.push(t.skippedChanged(changed));
        const otherSkips = outcome.skipped.filter((s) => !/protected|changed since/.test(s.reasonEn));
        for (const s of otherSkips) parts.push(lang === 'en' ? s.reasonEn : s.reason);
        text = { intent: outcome.skipped.length ? 'warning' : 'success', text: parts.join(' ') };
      } catch (e) {
        text = { intent: 'error', text: t.failed(errorText(e)) };
      }
      onChanged?.();
      await rescan();
      setNotice(text);
    });

  const undo = () =>
    exclusive('writing', async () => {
      let text: Notice;
      try {
        const r = await batalkan(env);
        text = { intent: r.changedSince ? 'warning' : r.restored ? 'success' : 'info', text: r.message };
      } catch (e) {
        text = { intent: 'error', text: errorText(e) };
      }
      onChanged?.();
      await rescan();
      setNotice(text);
    });

  /** Saves a change of the settings, then checks again with it. */
  const saving = (work: () => Promise<void>, done: string) =>
    exclusive('saving', async () => {
      try {
        await work();
      } catch (e) {
        setNotice({ intent: 'error', text: t.saveFailed(errorText(e)) });
        return;
      }
      await rescan();
      setNotice({ intent: 'success', text: done });
    });

  const ignore = (f: Finding, reason: string) =>
    saving(async () => {
      const list = loadIgnored(env.office).filter((g) => !(g.sheet === f.sheet && g.rule === f.rule && (g.cell ?? null) === (f.cell ?? null)));
      list.push({ sheet: f.sheet, cell: f.cell ?? null, rule: f.rule, reason: reason.trim(), at: now().toISOString() });
      await saveIgnored(env.office, list);
    }, t.ignoredDone(findingPlace(f)));

  const unignore = (entry: IgnoredFinding) =>
    saving(async () => {
      const list = loadIgnored(env.office).filter((g) => !(g.sheet === entry.sheet && g.rule === entry.rule && (g.cell ?? null) === (entry.cell ?? null)));
      await saveIgnored(env.office, list);
    }, t.unignoredDone(findingPlace({ sheet: entry.sheet, cell: entry.cell ?? undefined })));

  const updateChoices = (change: (c: UserChoices) => void) =>
    saving(async () => {
      const next = clone(loadChoices(env.office));
      change(next);
      await saveChoices(env.office, next);
    }, t.choiceSaved);

  const setColumn = (sheet: string, role: ColumnRole, col: number | null) =>
    updateChoices((c) => {
      c.columnOverrides = { ...(c.columnOverrides ?? {}), [sheet]: { ...(c.columnOverrides?.[sheet] ?? {}), [role]: col } };
    });
  const resetColumns = (sheet: string) =>
    updateChoices((c) => {
      if (c.columnOverrides) delete c.columnOverrides[sheet];
    });
  const setLevel = (sheet: string, row: number, level: Level) =>
    updateChoices((c) => {
      c.levels = { ...(c.levels ?? {}), [`${sheet}!${row + 1}`]: level };
    });
  const setPolarity = (sheet: string, row: number, polarity: Polarity) =>
    updateChoices((c) => {
      c.polarity = { ...(c.polarity ?? {}), [`${sheet}!${row + 1}`]: polarity };
    });

  const writeReport = () =>
    exclusive('report', async () => {
      // The report says what the workbook holds now: check it again first.
      const fresh = await rescan();
      if (!fresh) return;
      setBusy('report');
      await nextFrame();
      let text: Notice;
      try {
        const r = await writeValidationReport(env.Excel, {
          report: fresh.report,
          ignored: loadIgnored(env.office).filter((g) => !isOwnSheet(g.sheet)),
          lang,
          now: now(),
          office: env.office,
        });
        text = { intent: 'success', text: t.reportDone(r.sheet) };
      } catch (e) {
        text = { intent: 'error', text: e instanceof ReportSheetProtectedError ? t.reportProtected(e.sheet) : t.reportFailed(errorText(e)) };
      }
      onChanged?.();
      setNotice(text);
    });

  return {
    lang,
    t,
    scan: scanState,
    choices,
    ignored,
    canUndo,
    busy,
    progress,
    notice,
    pending,
    refresh,
    dismissNotice: () => setNotice(null),
    select,
    askFixAll,
    askFix,
    cancelPending,
    confirmPending,
    undo,
    ignore,
    unignore,
    setColumn,
    resetColumns,
    setLevel,
    setPolarity,
    writeReport,
  };
}
