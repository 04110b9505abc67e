// Command line: capaian check / capaian fix. Messages in Bahasa Indonesia.
// `main` never throws and never exits the process: it returns the exit code, so tests run it in-process.
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../engine/analyze';
import { columnLetter } from '../engine/a1';
import type {
  AnalyzeOptions,
  ColumnRole,
  Finding,
  Fix,
  Layout,
  ReportValue,
  Severity,
  SheetReport,
  WorkbookSnapshot,
} from '../engine/types';
import { CapaianFileError, loadWorkbook, readCapaianSettings, snapshotFromWorkbook } from '../xlsx/read';
import { applyFixes, assertNotSameFile, saveWorkbook } from '../xlsx/write';
import { IGNORED_SETTING, OPTIONS_SETTING, isIgnored, type IgnoredFinding } from '../addin/settings';

export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export const USAGE = `Capaian — periksa dan perbaiki buku kerja Pengukuran Kinerja (.xlsx)

Pemakaian:
  capaian check BERKAS.xlsx [BERKAS…] [--json] [--sheet NAMA]…
      Memeriksa setiap berkas dan menampilkan temuan (Kesalahan / Peringatan / Info)
      beserta perbaikan yang akan diterapkan (pasti) atau disarankan (saran).
  capaian fix BERKAS.xlsx --out HASIL.xlsx [--json] [--sheet NAMA]…
      Menerapkan perbaikan yang pasti dan menyimpannya ke HASIL.xlsx
      (berkas asli tidak pernah diubah), lalu menampilkan yang masih perlu diperiksa.
  capaian --help

Opsi:
  --json          keluaran JSON saja (untuk diproses program lain)
  --sheet NAMA    hanya lembar ini; boleh diulang
  --semua         tampilkan semua temuan (bawaan: temuan sejenis yang banyak diringkas)
  --out BERKAS    berkas hasil untuk perintah fix (wajib, tidak boleh sama dengan berkas asli)
  -h, --help      bantuan ini

Kode keluar: 0 = tidak ada kesalahan, 1 = ada kesalahan yang perlu ditangani,
             2 = berkas tidak dapat dipakai (bukan .xlsx, rusak, tidak ada, atau tidak ada tabel).

English: "check" reports findings of Pengukuran Kinerja workbooks; "fix" writes the certain fixes
to --out (never to the input). --json prints a JSON report only. Exit 0 no errors, 1 errors found
(for fix: errors left that need a person), 2 file unusable or bad usage.
`;

type Command = 'check' | 'fix' | 'help';

interface ParsedArgs {
  command: Command;
  files: string[];
  json: boolean;
  sheets: string[];
  out?: string;
  /** Show every finding in the text report instead of summarising long runs of one rule. */
  all?: boolean;
}

/** Long runs of one rule are summarised in the text report: the first few, then a count. */
const RUN_LIMIT = 10;
const RUN_SHOWN = 5;
let showAll = false;

function limited<T extends { rule: string }>(items: T[], describe: (t: T) => string, prefix: string): string[] {
  if (showAll) return items.map((t) => `${prefix}${describe(t)}`);
  const byRule = new Map<string, number>();
  for (const t of items) byRule.set(t.rule, (byRule.get(t.rule) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const t of items) {
    const n = (seen.get(t.rule) ?? 0) + 1;
    seen.set(t.rule, n);
    const total = byRule.get(t.rule)!;
    if (total <= RUN_LIMIT || n <= RUN_SHOWN) out.push(`${prefix}${describe(t)}`);
    else if (n === RUN_SHOWN + 1) out.push(`${prefix}… dan ${total - RUN_SHOWN} lainnya [${t.rule}] (tampilkan semua dengan --semua)`);
  }
  return out;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): ParsedArgs {
  const files: string[] = [];
  const sheets: string[] = [];
  let json = false;
  let all = false;
  let out: string | undefined;
  let command: Command | undefined;
  let help = false;
  let onlyPositional = false;

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!onlyPositional && a === '--') {
      onlyPositional = true;
      continue;
    }
    if (!onlyPositional && a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
      const inline = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : undefined;
      const takeValue = (): string => {
        if (inline !== undefined) {
          if (inline === '') throw new UsageError(`Opsi ${name} memerlukan nilai`);
          return inline;
        }
        const v = argv[i + 1];
        if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`Opsi ${name} memerlukan nilai`);
        i++;
        return v;
      };
      switch (name) {
        case '-h':
        case '--help':
          if (inline !== undefined) throw new UsageError(`Opsi ${name} tidak menerima nilai`);
          help = true;
          break;
        case '--json':
          if (inline !== undefined) throw new UsageError(`Opsi ${name} tidak menerima nilai`);
          json = true;
          break;
        case '--semua':
        case '--all':
          if (inline !== undefined) throw new UsageError(`Opsi ${name} tidak menerima nilai`);
          all = true;
          break;
        case '--sheet':
          sheets.push(takeValue());
          break;
        case '--out':
        case '-o':
          if (out !== undefined) throw new UsageError('Opsi --out hanya boleh diberikan sekali');
          out = takeValue();
          break;
        default:
          throw new UsageError(`Opsi tidak dikenal: ${a} (lihat capaian --help)`);
      }
      continue;
    }
    if (command === undefined) {
      if (a === 'check' || a === 'fix' || a === 'help') command = a;
      else if (/\.(xlsx|xlsm|xls|xlsb|csv|ods)$/i.test(a)) {
        throw new UsageError(`Perintah belum diberikan; gunakan: capaian check ${a}`);
      } else throw new UsageError(`Perintah tidak dikenal: ${a} (gunakan check atau fix; lihat capaian --help)`);
      continue;
    }
    files.push(a);
  }

  if (help || command === undefined || command === 'help') return { command: 'help', files, json, sheets, out, all };
  if (files.length === 0) throw new UsageError(`Tidak ada berkas untuk diproses (contoh: capaian ${command} LAPORAN.xlsx)`);
  if (command === 'check' && out !== undefined) throw new UsageError('Opsi --out hanya untuk perintah fix');
  if (command === 'fix') {
    if (files.length > 1) throw new UsageError('Perintah fix menerima satu berkas saja');
    if (out === undefined) throw new UsageError('Perintah fix memerlukan --out HASIL.xlsx');
  }
  return { command, files, json, sheets, out, all };
}

// ---------------------------------------------------------------------------
// Presentation helpers.

const ROLE_LABEL: Record<ColumnRole, string> = {
  no: 'NO',
  kode: 'KODE',
  tujuan: 'TUJUAN',
  indikatorTujuan: 'INDIKATOR TUJUAN',
  sasaran: 'SASARAN STRATEGIS',
  indikatorSasaran: 'INDIKATOR SASARAN',
  formulasi: 'FORMULASI PERHITUNGAN',
  target1: 'TARGET TW I',
  target2: 'TARGET TW II',
  target3: 'TARGET TW III',
  target4: 'TARGET TW IV',
  realisasiIndikator: 'REALISASI KINERJA',
  capaianIndikator: 'CAPAIAN KINERJA',
  nama: 'PROGRAM/KEGIATAN/SUB KEGIATAN',
  pagu: 'PAGU',
  kas1: 'ANGGARAN KAS TW I',
  kas2: 'ANGGARAN KAS TW II',
  kas3: 'ANGGARAN KAS TW III',
  kas4: 'ANGGARAN KAS TW IV',
  realisasi: 'REALISASI (Rp)',
  capaian: 'CAPAIAN ANGGARAN (%)',
};

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Kesalahan', warning: 'Peringatan', info: 'Info' };
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const ROMAN = ['', 'I', 'II', 'III', 'IV'];

const numberFormatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 });

function fmtValue(v: ReportValue | undefined): string {
  if (v === null || v === undefined) return '(kosong)';
  if (typeof v === 'number') return numberFormatter.format(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return JSON.stringify(v);
}

function columnLetters(layout: Layout | null): Partial<Record<ColumnRole, string>> | null {
  if (!layout) return null;
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const [role, col] of Object.entries(layout.columns) as [ColumnRole, number | undefined][]) {
    if (typeof col === 'number') out[role] = columnLetter(col);
  }
  return out;
}

function describeLayout(layout: Layout): string[] {
  const lines: string[] = [];
  const header =
    layout.headerTop === layout.headerBottom
      ? `judul kolom baris ${layout.headerTop + 1}`
      : `judul kolom baris ${layout.headerTop + 1}–${layout.headerBottom + 1}`;
  const quarter = layout.quarter ? `, s/d triwulan ${ROMAN[layout.quarter]}` : '';
  const data = layout.lastDataRow >= layout.firstDataRow ? `data baris ${layout.firstDataRow + 1}–${layout.lastDataRow + 1}` : 'tanpa baris data';
  lines.push(`tabel ditemukan: ${header}, ${data}${quarter}`);
  const cols = (Object.entries(layout.columns) as [ColumnRole, number | undefined][])
    .filter((e): e is [ColumnRole, number] => typeof e[1] === 'number')
    .sort((a, b) => a[1] - b[1])
    .map(([role, col]) => `${columnLetter(col)}=${ROLE_LABEL[role] ?? role}`);
  lines.push(`kolom: ${cols.length ? cols.join(', ') : '(tidak ada)'}`);
  return lines;
}

function fixTarget(fix: Fix, withSheet = false): string {
  const target = fix.kind === 'columnWidth' ? `kolom ${fix.cell}` : fix.cell;
  if (!withSheet) return target;
  return fix.kind === 'columnWidth' ? `${fix.sheet}, ${target}` : `${fix.sheet}!${target}`;
}

function describeFix(fix: Fix, withSheet = false): string {
  if (fix.kind === 'columnWidth') {
    const oldW = typeof fix.old === 'number' ? `${numberFormatter.format(fix.old)} pt` : fmtValue(fix.old);
    const newW = typeof fix.width === 'number' ? fix.width : fix.new;
    const newS = typeof newW === 'number' ? `${numberFormatter.format(newW)} pt` : fmtValue(newW);
    return `lebar ${fixTarget(fix, withSheet)}: ${oldW} → ${newS} [${fix.rule}] — ${fix.reason}`;
  }
  const formula = fix.write?.formula ? ` (rumus ${fix.write.formula})` : '';
  return `${fixTarget(fix, withSheet)}: ${fmtValue(fix.old)} → ${fmtValue(fix.new)}${formula} [${fix.rule}] — ${fix.reason}`;
}

function describeFinding(f: Finding, withSheet = false): string {
  const where = withSheet ? (f.cell ? `${f.sheet}!${f.cell}: ` : `${f.sheet}: `) : f.cell ? `${f.cell}: ` : '';
  let values = '';
  if (f.actual !== null && f.expected !== null) values = ` (nilai: ${fmtValue(f.actual)}; seharusnya: ${fmtValue(f.expected)})`;
  else if (f.actual !== null) values = ` (nilai: ${fmtValue(f.actual)})`;
  else if (f.expected !== null) values = ` (nilai: ${fmtValue(f.actual)}; seharusnya: ${fmtValue(f.expected)})`;
  return `${where}${f.message}${values} [${f.rule}]`;
}

function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell ?? null,
    message: f.message,
    messageEn: f.messageEn,
    actual: f.actual,
    expected: f.expected,
  };
}

function fixJson(f: Fix) {
  const out: Record<string, unknown> = {
    rule: f.rule,
    sheet: f.sheet,
    cell: f.cell,
    kind: f.kind,
    old: f.old,
    new: f.new,
    certain: f.certain,
    reason: f.reason,
    reasonEn: f.reasonEn,
  };
  if (f.write) out.write = f.write;
  if (f.width !== undefined) out.width = f.width;
  return out;
}

// ---------------------------------------------------------------------------
// Shared work: load + analyze one file.

interface Analyzed {
  wb: ExcelJS.Workbook;
  sheets: SheetReport[];
}

function analyzeFile(wb: ExcelJS.Workbook, snapshot: WorkbookSnapshot, wanted: string[], file: string): Analyzed {
  if (wanted.length > 0) {
    const names = snapshot.sheets.map((s) => s.name);
    const missing = wanted.filter((w) => !names.includes(w));
    if (missing.length > 0) {
      throw new CapaianFileError(
        `Lembar tidak ditemukan di ${path.basename(file)}: ${missing.join(', ')} (lembar yang ada: ${names.join(', ') || '-'})`,
      );
    }
  }
  // Choices made in the add-in travel with the file: the CLI honours them too.
  const saved = readCapaianSettings(wb);
  const choices = (saved[OPTIONS_SETTING] ?? {}) as Pick<AnalyzeOptions, 'columnOverrides' | 'polarity' | 'levels'>;
  const options: AnalyzeOptions = {
    columnOverrides: choices.columnOverrides,
    polarity: choices.polarity,
    levels: choices.levels,
    ...(wanted.length > 0 ? { sheets: wanted } : {}),
  };
  const report = analyzeWorkbook(snapshot, options);
  const ignored = Array.isArray(saved[IGNORED_SETTING]) ? (saved[IGNORED_SETTING] as IgnoredFinding[]) : [];
  if (ignored.length) for (const s of report.sheets) s.findings = s.findings.filter((f) => !isIgnored(f, ignored));
  const sheets = wanted.length > 0 ? report.sheets.filter((s) => wanted.includes(s.name)) : report.sheets;
  if (sheets.length === 0 || sheets.every((s) => s.layout === null)) {
    const scope = wanted.length > 0 ? 'di lembar yang dipilih' : 'di lembar mana pun';
    throw new CapaianFileError(`Tidak ada tabel Pengukuran Kinerja yang dikenali ${scope}: ${path.basename(file)}`);
  }
  return { wb, sheets };
}

function countBy(findings: Finding[], sev: Severity): number {
  return findings.filter((f) => f.severity === sev).length;
}

function errorLine(e: unknown, file?: string): string {
  if (e instanceof CapaianFileError) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  return file ? `Kesalahan tak terduga (${path.basename(file)}): ${msg}` : `Kesalahan tak terduga: ${msg}`;
}

function debugDetail(e: unknown): string {
  if (!process.env.CAPAIAN_DEBUG) return '';
  const parts: string[] = [];
  if (e instanceof Error && e.stack) parts.push(e.stack);
  const detail = e instanceof CapaianFileError ? e.detail : undefined;
  if (detail instanceof Error && detail.stack) parts.push(`Penyebab: ${detail.stack}`);
  else if (detail !== undefined) parts.push(`Penyebab: ${String(detail)}`);
  return parts.length ? parts.join('\n') + '\n' : '';
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function reportError(io: CliIO, e: unknown, file?: string): void {
  io.stderr.write(`capaian: ${oneLine(errorLine(e, file))}\n`);
  const d = debugDetail(e);
  if (d) io.stderr.write(d);
}

// ---------------------------------------------------------------------------
// check

interface FileResult {
  file: string;
  error?: string;
  sheets: {
    name: string;
    layout: Layout | null;
    columns: Partial<Record<ColumnRole, string>> | null;
    findings: ReturnType<typeof findingJson>[];
    fixes: ReturnType<typeof fixJson>[];
  }[];
}

async function runCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  let worst = EXIT_OK;
  const results: FileResult[] = [];
  const all: { findings: Finding[]; fixes: Fix[] } = { findings: [], fixes: [] };
  const text: string[] = [];

  for (const file of args.files) {
    try {
      const wb = await loadWorkbook(file);
      const { sheets } = analyzeFile(wb, snapshotFromWorkbook(wb), args.sheets, file);
      const findings = sheets.flatMap((s) => s.findings);
      const fixes = sheets.flatMap((s) => s.fixes);
      all.findings.push(...findings);
      all.fixes.push(...fixes);
      results.push({
        file,
        sheets: sheets.map((s) => ({
          name: s.name,
          layout: s.layout,
          columns: columnLetters(s.layout),
          findings: s.findings.map(findingJson),
          fixes: s.fixes.map(fixJson),
        })),
      });
      if (countBy(findings, 'error') > 0) worst = Math.max(worst, EXIT_FINDINGS);
      if (!args.json) text.push(...renderCheckText(file, sheets));
    } catch (e) {
      worst = EXIT_UNUSABLE;
      reportError(io, e, file);
      results.push({ file, error: oneLine(errorLine(e, file)), sheets: [] });
    }
  }

  const summary = {
    files: args.files.length,
    filesUnusable: results.filter((r) => r.error !== undefined).length,
    errors: countBy(all.findings, 'error'),
    warnings: countBy(all.findings, 'warning'),
    infos: countBy(all.findings, 'info'),
    fixesCertain: all.fixes.filter((f) => f.certain).length,
    fixesSuggested: all.fixes.filter((f) => !f.certain).length,
  };

  if (args.json) {
    io.stdout.write(JSON.stringify({ files: results, summary }, null, 2) + '\n');
  } else if (results.some((r) => r.error === undefined)) {
    text.push(
      `Ringkasan: ${summary.errors} kesalahan, ${summary.warnings} peringatan, ${summary.infos} info; ` +
        `${summary.fixesCertain} perbaikan pasti, ${summary.fixesSuggested} saran` +
        (summary.files > 1 ? `; ${summary.files} berkas (${summary.filesUnusable} tidak dapat dipakai)` : '') +
        '.',
    );
    if (summary.fixesCertain > 0) text.push('Terapkan perbaikan pasti dengan: capaian fix BERKAS.xlsx --out HASIL.xlsx');
    io.stdout.write(text.join('\n') + '\n');
  }
  return worst;
}

function renderCheckText(file: string, sheets: SheetReport[]): string[] {
  const lines: string[] = [`Berkas: ${file}`];
  for (const s of sheets) {
    if (!s.layout) {
      lines.push(`  Lembar "${s.name}": tidak ada tabel yang dikenali`);
      continue;
    }
    lines.push(`  Lembar "${s.name}":`);
    for (const l of describeLayout(s.layout)) lines.push(`    ${l}`);
    if (s.findings.length === 0) lines.push('    Tidak ada temuan.');
    for (const sev of SEVERITIES) {
      const group = s.findings.filter((f) => f.severity === sev);
      if (group.length === 0) continue;
      lines.push(`    ${SEVERITY_LABEL[sev]} (${group.length}):`);
      lines.push(...limited(group, (f) => describeFinding(f), '      - '));
    }
    const certain = s.fixes.filter((f) => f.certain);
    const suggested = s.fixes.filter((f) => !f.certain);
    if (certain.length) {
      lines.push(`    Perbaikan pasti (${certain.length}) — diterapkan oleh "capaian fix":`);
      lines.push(...limited(certain, (f) => describeFix(f), '      - '));
    }
    if (suggested.length) {
      lines.push(`    Saran perbaikan (${suggested.length}) — perlu diputuskan sendiri:`);
      lines.push(...limited(suggested, (f) => describeFix(f), '      - '));
    }
  }
  lines.push('');
  return lines;
}

// ---------------------------------------------------------------------------
// fix

/** Is the finding taken care of by one of the applied fixes (same sheet, rule and cell / column)? */
function resolvedBy(f: Finding, applied: Fix[]): boolean {
  if (!f.cell) return false;
  const col = f.cell.replace(/\$/g, '').replace(/\d+$/, '').toUpperCase();
  return applied.some(
    (x) =>
      x.sheet === f.sheet &&
      x.rule === f.rule &&
      (x.kind === 'columnWidth' ? x.cell.toUpperCase() === col : x.cell.replace(/\$/g, '').toUpperCase() === f.cell!.replace(/\$/g, '').toUpperCase()),
  );
}

async function runFix(args: ParsedArgs, io: CliIO): Promise<number> {
  const file = args.files[0];
  const out = args.out!;
  try {
    assertNotSameFile(file, out);
    const wb = await loadWorkbook(file);
    const { sheets } = analyzeFile(wb, snapshotFromWorkbook(wb), args.sheets, file);
    const findings = sheets.flatMap((s) => s.findings);
    const fixes = sheets.flatMap((s) => s.fixes);
    const certain = fixes.filter((f) => f.certain);
    const suggestions = fixes.filter((f) => !f.certain);
    const { applied, skipped } = applyFixes(wb, certain);
    await saveWorkbook(wb, out, file);

    const remaining = findings.filter((f) => !resolvedBy(f, applied));
    const errorsLeft = remaining.filter((f) => f.severity === 'error').length;

    if (args.json) {
      io.stdout.write(
        JSON.stringify(
          {
            file,
            out,
            applied: applied.map(fixJson),
            skipped: skipped.map((s) => ({ ...fixJson(s.fix), skipReason: s.reason })),
            remaining: remaining.map(findingJson),
            suggestions: suggestions.map(fixJson),
            summary: {
              applied: applied.length,
              skipped: skipped.length,
              errors: errorsLeft,
              warnings: countBy(remaining, 'warning'),
              infos: countBy(remaining, 'info'),
              suggestions: suggestions.length,
            },
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      const lines: string[] = [`Berkas: ${file}`, `Hasil:  ${out}`];
      if (applied.length === 0) lines.push('Tidak ada perbaikan pasti yang diterapkan; isi berkas hasil sama dengan berkas asli.');
      else {
        lines.push(`Diubah (${applied.length}):`);
        lines.push(...limited(applied, (f) => describeFix(f, true), '  - '));
      }
      if (skipped.length) {
        lines.push(`Tidak diterapkan (${skipped.length}):`);
        for (const s of skipped) lines.push(`  - ${fixTarget(s.fix, true)}: ${s.reason}`);
      }
      if (remaining.length || suggestions.length) {
        lines.push('Masih perlu diperiksa:');
        for (const sev of SEVERITIES) {
          const group = remaining.filter((f) => f.severity === sev);
          if (group.length === 0) continue;
          lines.push(`  ${SEVERITY_LABEL[sev]} (${group.length}):`);
          lines.push(...limited(group, (f) => describeFinding(f, true), '    - '));
        }
        if (suggestions.length) {
          lines.push(`  Saran perbaikan (${suggestions.length}):`);
          lines.push(...limited(suggestions, (f) => describeFix(f, true), '    - '));
        }
      } else {
        lines.push('Tidak ada lagi yang perlu diperiksa.');
      }
      if (applied.length) lines.push('Rumus akan dihitung ulang oleh Excel saat berkas hasil dibuka.');
      io.stdout.write(lines.join('\n') + '\n');
    }
    return errorsLeft > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    reportError(io, e, file);
    return EXIT_UNUSABLE;
  }
}

// ---------------------------------------------------------------------------

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    let args: ParsedArgs;
    try {
      args = parseArgs(argv);
    } catch (e) {
      if (e instanceof UsageError) {
        io.stderr.write(`capaian: ${e.message}\n`);
        return EXIT_UNUSABLE;
      }
      throw e;
    }
    showAll = !!args.all;
    if (args.command === 'help') {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (args.command === 'check') return await runCheck(args, io);
    return await runFix(args, io);
  } catch (e) {
    reportError(io, e);
    return EXIT_UNUSABLE;
  }
}
