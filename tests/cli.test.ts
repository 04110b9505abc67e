import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as engine from '../src/engine/analyze';
import { main } from '../src/cli/main';
import type { AnalyzeOptions, Finding, Fix, Layout, SheetReport, WorkbookReport, WorkbookSnapshot } from '../src/engine/types';
import { loadWorkbook, snapshotFromWorkbook } from '../src/xlsx/read';

const ROOT = path.resolve(__dirname, '..');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  jest.restoreAllMocks();
});

const tmp = (name: string) => path.join(dir, name);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

/** stderr is exactly one line and carries no stack trace. */
function expectOneLine(err: string): void {
  expect(err.endsWith('\n')).toBe(true);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  expect(err).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

async function writeWorkbook(file: string, sheets: Record<string, Record<string, ExcelJS.CellValue>>, protect: string[] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
    if (protect.includes(name)) await ws.protect('', {});
  }
  await wb.xlsx.writeFile(file);
}

// A stand-in engine report, so the CLI contract can be tested independently of the real rules.
const LAYOUT: Layout = {
  sheet: 'TW I',
  headerTop: 2,
  headerBottom: 3,
  firstDataRow: 4,
  lastDataRow: 9,
  columns: { nama: 0, pagu: 1, realisasi: 2, capaian: 3 },
  quarter: 1,
};

function finding(sheet: string, cell: string, severity: Finding['severity'], rule: Finding['rule'] = 'capaian-mismatch'): Finding {
  return { rule, severity, sheet, cell, message: `Temuan ${cell}`, messageEn: `Finding ${cell}`, actual: 1, expected: 2 };
}

function fix(sheet: string, cell: string, value: number, certain: boolean, rule: Fix['rule'] = 'capaian-mismatch'): Fix {
  return {
    rule,
    sheet,
    cell,
    kind: 'cell',
    old: 1,
    new: value,
    write: { value, formula: `=C${cell.slice(1)}/B${cell.slice(1)}*100` },
    reason: `Alasan ${cell}`,
    reasonEn: `Reason ${cell}`,
    certain,
  };
}

function fakeEngine(bySheet: Record<string, Partial<SheetReport>>) {
  return jest.spyOn(engine, 'analyzeWorkbook').mockImplementation((snap: WorkbookSnapshot, options: AnalyzeOptions = {}): WorkbookReport => {
    const sheets = snap.sheets
      .filter((s) => !options.sheets || options.sheets.includes(s.name))
      .map((s) => ({ name: s.name, layout: null, findings: [], fixes: [], programs: [], indicators: [], ...(bySheet[s.name] ?? {}) }));
    const findings = sheets.flatMap((s) => s.findings);
    const fixes = sheets.flatMap((s) => s.fixes);
    return {
      sheets,
      summary: {
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        infos: findings.filter((f) => f.severity === 'info').length,
        fixesCertain: fixes.filter((f) => f.certain).length,
        fixesSuggested: fixes.filter((f) => !f.certain).length,
      },
    };
  });
}

const TABLE = { A5: 'Program X', B5: 1000, C5: 500, D5: 1 };

describe('unusable files (real engine)', () => {
  test('not a ZIP -> exit 2, one line, no stack', async () => {
    fs.writeFileSync(tmp('teks.xlsx'), 'ini bukan excel');
    const r = await run('check', tmp('teks.xlsx'));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    expect(r.err).toMatch(/Bukan berkas \.xlsx: teks\.xlsx/);
  });

  test('.xls signature -> exit 2 asking to save as .xlsx', async () => {
    const buf = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    fs.writeFileSync(tmp('lama.xls'), buf);
    const r = await run('check', tmp('lama.xls'));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    expect(r.err).toMatch(/\.xls.*simpan sebagai \.xlsx/);
  });

  test('missing file -> exit 2', async () => {
    const r = await run('check', tmp('hilang.xlsx'));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    expect(r.err).toMatch(/Berkas tidak ditemukan: .*hilang\.xlsx/);
  });

  test('a workbook without any table -> exit 2 "tidak ada tabel"', async () => {
    await writeWorkbook(tmp('kosong.xlsx'), { Sheet1: {}, Sheet2: { A1: 'catatan' } });
    const r = await run('check', tmp('kosong.xlsx'));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    expect(r.err).toMatch(/Tidak ada tabel/i);
    const f = await run('fix', tmp('kosong.xlsx'), '--out', tmp('kosong-hasil.xlsx'));
    expect(f.code).toBe(2);
    expectOneLine(f.err);
    expect(fs.existsSync(tmp('kosong-hasil.xlsx'))).toBe(false);
  });

  test('--json still prints a JSON report, with the error per file', async () => {
    fs.writeFileSync(tmp('teks2.xlsx'), 'bukan');
    const r = await run('check', '--json', tmp('teks2.xlsx'));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    const j = JSON.parse(r.out);
    expect(j.files).toEqual([{ file: tmp('teks2.xlsx'), error: expect.stringMatching(/Bukan berkas \.xlsx/), sheets: [] }]);
    expect(j.summary).toMatchObject({ files: 1, filesUnusable: 1, errors: 0 });
  });

  test('an unexpected error is one line without stack', async () => {
    await writeWorkbook(tmp('meledak.xlsx'), { 'TW I': TABLE });
    jest.spyOn(engine, 'analyzeWorkbook').mockImplementation(() => {
      throw new TypeError('boom');
    });
    const r = await run('check', tmp('meledak.xlsx'));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    expect(r.err).toMatch(/Kesalahan tak terduga.*boom/);
  });
});

describe('usage', () => {
  test('--help and no arguments print usage, exit 0', async () => {
    for (const argv of [['--help'], [], ['-h'], ['check', '--help']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/capaian check BERKAS\.xlsx/);
      expect(r.out).toMatch(/English/);
      expect(r.err).toBe('');
    }
  });

  test('unknown options and bad usage -> exit 2 with one line', async () => {
    for (const argv of [
      ['check', 'a.xlsx', '--frobnicate'],
      ['frob'],
      ['check'],
      ['fix', 'a.xlsx'],
      ['fix', 'a.xlsx', 'b.xlsx', '--out', 'c.xlsx'],
      ['check', 'a.xlsx', '--sheet'],
      ['check', 'a.xlsx', '--out', 'b.xlsx'],
      ['a.xlsx'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expectOneLine(r.err);
      expect(r.out).toBe('');
    }
  });

  test('the real bin runs through tsx', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'src/cli/capaian.js'), '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/Pemakaian/);
    const bad = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/capaian.js'), 'check', tmp('tidak-ada.xlsx')], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expectOneLine(bad.stderr);
    expect(fs.statSync(path.join(ROOT, 'src/cli/capaian.js')).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(path.join(ROOT, 'src/cli/capaian.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});

describe('check with findings (stand-in engine)', () => {
  test('errors -> exit 1; readable report grouped by severity', async () => {
    await writeWorkbook(tmp('laporan.xlsx'), { 'TW I': TABLE, Catatan: { A1: 'x' } });
    fakeEngine({
      'TW I': {
        layout: LAYOUT,
        findings: [finding('TW I', 'D5', 'error'), finding('TW I', 'C5', 'warning', 'realisasi-over-pagu'), finding('TW I', 'A5', 'info', 'ambiguous-level')],
        fixes: [fix('TW I', 'D5', 50, true), fix('TW I', 'C5', 900, false, 'realisasi-over-pagu')],
      },
    });
    const r = await run('check', tmp('laporan.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('laporan.xlsx');
    expect(r.out).toMatch(/Lembar "TW I"/);
    expect(r.out).toMatch(/baris 3–4/);
    expect(r.out).toMatch(/B=PAGU/);
    expect(r.out).toMatch(/Lembar "Catatan": tidak ada tabel/);
    const iErr = r.out.indexOf('Kesalahan (1)');
    const iWarn = r.out.indexOf('Peringatan (1)');
    const iInfo = r.out.indexOf('Info (1)');
    expect(iErr).toBeGreaterThan(0);
    expect(iWarn).toBeGreaterThan(iErr);
    expect(iInfo).toBeGreaterThan(iWarn);
    expect(r.out).toMatch(/D5: Temuan D5 \(nilai: 1; seharusnya: 2\)/);
    expect(r.out).toMatch(/Perbaikan pasti \(1\)[\s\S]*D5: 1 → 50/);
    expect(r.out).toMatch(/Saran perbaikan \(1\)[\s\S]*C5: 1 → 900/);
    expect(r.out).toMatch(/Ringkasan: 1 kesalahan, 1 peringatan, 1 info; 1 perbaikan pasti, 1 saran/);
  });

  test('--json has the documented shape', async () => {
    await writeWorkbook(tmp('laporan-json.xlsx'), { 'TW I': TABLE });
    fakeEngine({
      'TW I': { layout: LAYOUT, findings: [finding('TW I', 'D5', 'error')], fixes: [fix('TW I', 'D5', 50, true), fix('TW I', 'C5', 9, false)] },
    });
    const r = await run('check', tmp('laporan-json.xlsx'), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(['files', 'summary']);
    expect(j.files).toHaveLength(1);
    expect(j.files[0].file).toBe(tmp('laporan-json.xlsx'));
    const s = j.files[0].sheets[0];
    expect(s).toMatchObject({ name: 'TW I', layout: LAYOUT, columns: { nama: 'A', pagu: 'B', realisasi: 'C', capaian: 'D' } });
    expect(s.findings[0]).toEqual({
      rule: 'capaian-mismatch',
      severity: 'error',
      sheet: 'TW I',
      cell: 'D5',
      message: 'Temuan D5',
      messageEn: 'Finding D5',
      actual: 1,
      expected: 2,
    });
    expect(s.fixes[0]).toMatchObject({ rule: 'capaian-mismatch', sheet: 'TW I', cell: 'D5', old: 1, new: 50, certain: true, reason: 'Alasan D5' });
    expect(s.fixes[1]).toMatchObject({ cell: 'C5', certain: false });
    expect(j.summary).toEqual({ files: 1, filesUnusable: 0, errors: 1, warnings: 0, infos: 0, fixesCertain: 1, fixesSuggested: 1 });
  });

  test('warnings only -> exit 0', async () => {
    await writeWorkbook(tmp('baik.xlsx'), { 'TW I': TABLE });
    fakeEngine({ 'TW I': { layout: LAYOUT, findings: [finding('TW I', 'C5', 'warning')] } });
    const r = await run('check', tmp('baik.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Peringatan \(1\)/);
  });

  test('several files: all processed, worst exit code wins', async () => {
    await writeWorkbook(tmp('satu.xlsx'), { 'TW I': TABLE });
    fs.writeFileSync(tmp('dua.xlsx'), 'rusak');
    fakeEngine({ 'TW I': { layout: LAYOUT, findings: [finding('TW I', 'D5', 'error')] } });
    const r = await run('check', '--json', tmp('dua.xlsx'), tmp('satu.xlsx'));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    const j = JSON.parse(r.out);
    expect(j.files.map((f: { file: string }) => path.basename(f.file))).toEqual(['dua.xlsx', 'satu.xlsx']);
    expect(j.files[1].sheets[0].findings).toHaveLength(1);
    expect(j.summary).toMatchObject({ files: 2, filesUnusable: 1, errors: 1 });

    const t = await run('check', tmp('satu.xlsx'), tmp('satu.xlsx'));
    expect(t.code).toBe(1);
  });

  test('--sheet may repeat and is passed to the engine; an unknown sheet -> exit 2', async () => {
    await writeWorkbook(tmp('tiga.xlsx'), { 'TW I': TABLE, 'TW II': TABLE, 'TW III': TABLE });
    const spy = fakeEngine({
      'TW I': { layout: LAYOUT, findings: [finding('TW I', 'D5', 'error')] },
      'TW II': { layout: { ...LAYOUT, sheet: 'TW II' } },
      'TW III': { layout: { ...LAYOUT, sheet: 'TW III' } },
    });
    const r = await run('check', tmp('tiga.xlsx'), '--sheet', 'TW II', '--sheet=TW III', '--json');
    expect(r.code).toBe(0);
    expect(spy.mock.calls[0][1]).toEqual({ sheets: ['TW II', 'TW III'] });
    expect(JSON.parse(r.out).files[0].sheets.map((s: { name: string }) => s.name)).toEqual(['TW II', 'TW III']);

    const bad = await run('check', tmp('tiga.xlsx'), '--sheet', 'TW IX');
    expect(bad.code).toBe(2);
    expectOneLine(bad.err);
    expect(bad.err).toMatch(/Lembar tidak ditemukan.*TW IX/);
  });
});

describe('fix', () => {
  test('refuses OUT == FILE and leaves FILE alone', async () => {
    const file = tmp('sama.xlsx');
    await writeWorkbook(file, { 'TW I': TABLE });
    const before = fs.readFileSync(file);
    const rel = path.relative(process.cwd(), file);
    for (const out of [file, rel, path.join(dir, '.', 'sama.xlsx')]) {
      const r = await run('fix', file, '--out', out);
      expect(r.code).toBe(2);
      expectOneLine(r.err);
      expect(r.err).toMatch(/tidak boleh sama/);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('applies certain fixes to OUT, lists the rest; exit 0 when every error has a certain fix', async () => {
    const file = tmp('perbaiki.xlsx');
    const out = tmp('perbaiki-hasil.xlsx');
    await writeWorkbook(file, { 'TW I': TABLE });
    const before = fs.readFileSync(file);
    fakeEngine({
      'TW I': {
        layout: LAYOUT,
        findings: [
          finding('TW I', 'D5', 'error'),
          finding('TW I', 'C5', 'warning', 'realisasi-over-pagu'),
          finding('TW I', 'B5', 'error', 'display-overflow'),
        ],
        fixes: [
          fix('TW I', 'D5', 50, true),
          fix('TW I', 'C5', 900, false, 'realisasi-over-pagu'),
          { ...fix('TW I', 'B', 0, true, 'display-overflow'), kind: 'columnWidth', write: undefined, old: 48, new: 90, width: 90 },
        ],
      },
    });
    const r = await run('fix', file, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Diubah \(2\)[\s\S]*TW I!D5: 1 → 50/);
    expect(r.out).toMatch(/lebar TW I, kolom B: 48 pt → 90 pt/);
    expect(r.out).not.toMatch(/Kesalahan/);
    expect(r.out).toMatch(/Masih perlu diperiksa[\s\S]*Peringatan \(1\)[\s\S]*TW I!C5/);
    expect(r.out).toMatch(/Saran perbaikan \(1\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    jest.restoreAllMocks();
    const snap = snapshotFromWorkbook(await loadWorkbook(out)).sheets[0];
    expect(snap.cells[4][3]).toMatchObject({ value: 50, formula: '=C5/B5*100' });
    expect(snap.cells[4][2]?.value).toBe(500); // the suggestion was not applied
    expect(snap.cells[4][0]?.value).toBe('Program X');
    expect(snap.columnWidths![1]).toBeGreaterThanOrEqual(90);
    expect(snap.columnWidths![1]).toBeLessThan(90.75);
  });

  test('--json output; errors left for a person -> exit 1 (protected sheet, error without fix)', async () => {
    const file = tmp('terkunci.xlsx');
    const out = tmp('terkunci-hasil.xlsx');
    await writeWorkbook(file, { 'TW I': TABLE, 'TW II': TABLE }, ['TW II']);
    fakeEngine({
      'TW I': { layout: LAYOUT, findings: [finding('TW I', 'D5', 'error'), finding('TW I', 'B5', 'error', 'rollup-mismatch')], fixes: [fix('TW I', 'D5', 50, true)] },
      'TW II': { layout: { ...LAYOUT, sheet: 'TW II' }, findings: [finding('TW II', 'D5', 'error')], fixes: [fix('TW II', 'D5', 50, true)] },
    });
    const r = await run('fix', file, '--out', out, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file, out });
    expect(j.applied.map((f: Fix) => `${f.sheet}!${f.cell}`)).toEqual(['TW I!D5']);
    expect(j.skipped).toHaveLength(1);
    expect(j.skipped[0]).toMatchObject({ sheet: 'TW II', cell: 'D5', skipReason: expect.stringMatching(/diproteksi/) });
    expect(j.remaining.map((f: Finding) => `${f.sheet}!${f.cell}:${f.rule}`).sort()).toEqual(['TW I!B5:rollup-mismatch', 'TW II!D5:capaian-mismatch']);
    expect(j.remaining[0]).toHaveProperty('severity', 'error');
    expect(Array.isArray(j.suggestions)).toBe(true);
    expect(fs.existsSync(out)).toBe(true);
  });
});
