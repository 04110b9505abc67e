// The office-js adapter against the in-memory Excel: a constant number of syncs, protected sheets,
// cells edited between scan and write, exact undo, no half-written batch, and a log that stays text.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Fix, WorkbookSnapshot } from '../../src/engine/types';
import type { ExcelLike, OfficeContextLike } from '../../src/addin/excel-like';
import { batalkan, hitungUlangCapaian, scan } from '../../src/addin/recalculate';
import { applyFixes, LOG_SHEET } from '../../src/addin/write';
import { createFakeExcel, modelFromSnapshot, snapshotFromModel } from '../../src/preview/fake-excel';
import { loadWorkbook, snapshotFromWorkbook } from '../../src/xlsx/read';
import { applyFixes as applyFixesXlsx } from '../../src/xlsx/write';
import { analyzeWorkbook } from '../../src/engine/analyze';
import { buildFixture } from '../fixtures/build-fixtures';
import { K, P, S, sheet, workbook } from '../helpers/table';

type Fake = ReturnType<typeof createFakeExcel>;

function env(fake: Fake) {
  return { Excel: fake.Excel as ExcelLike, office: fake.Office.context as OfficeContextLike };
}

/** A quarter sheet with `n` budget rows: programs of 1 kegiatan and 8 sub kegiatan, one wrong total each. */
function bigSheet(n: number) {
  const budget = [];
  let rows = 0;
  let p = 0;
  while (rows < n) {
    const subs = Array.from({ length: 8 }, (_, i) => S(`Sub kegiatan ${p}.${i}`, 1000 + i, [250, 250, 250, 250 + i], 100 + i));
    const pagu = subs.reduce((s, x) => s + (x.pagu as number), 0);
    const real = subs.reduce((s, x) => s + (x.realisasi as number), 0);
    const kas = [2000, 2000, 2000, 2000 + 28] as [number, number, number, number];
    budget.push(P(`PROGRAM NOMOR ${p}`, pagu, kas, real + (p % 50 === 0 ? 1 : 0)));
    budget.push(K(`Kegiatan nomor ${p}`, pagu, kas, real));
    budget.push(...subs);
    rows += 10;
    p++;
  }
  return sheet('TW I', { quarter: 1, budget });
}

function cellsOf(s: WorkbookSnapshot, name: string) {
  const sh = s.sheets.find((x) => x.name === name)!;
  return JSON.stringify({ cells: sh.cells.map((r) => r?.map((c) => (c ? { v: c.value, f: c.formula, n: c.numberFormat } : null))), widths: sh.columnWidths });
}

describe('reading and writing take a fixed number of syncs', () => {
  const counts: Record<number, { syncs: number; maxBytes: number; fixed: number }> = {};
  test.each([100, 1000, 10000])('%i rows', async (n) => {
    const fake = createFakeExcel(modelFromSnapshot(workbook(bigSheet(n))), {});
    const r = await hitungUlangCapaian(env(fake));
    expect(r.outcome).not.toBeNull();
    counts[n] = { syncs: fake.stats.syncs, maxBytes: Math.max(...fake.stats.bytesPerSync), fixed: r.outcome!.applied.length };
    expect(r.outcome!.applied.length).toBeGreaterThan(0);
    expect(Math.max(...fake.stats.bytesPerSync)).toBeLessThan(5 * 1024 * 1024);
  });
  test('the same small number at 100, 1,000 and 10,000 rows', () => {
    expect(counts[100].syncs).toBe(counts[1000].syncs);
    expect(counts[1000].syncs).toBe(counts[10000].syncs);
    expect(counts[100].syncs).toBeLessThanOrEqual(6);
    expect(counts[10000].fixed).toBeGreaterThan(counts[100].fixed);
  });
});

describe('one click on the seed workbook', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-addin-'));
  let seed: WorkbookSnapshot;
  beforeAll(async () => {
    const file = path.join(dir, 'seed.xlsx');
    await (await buildFixture('seed')).xlsx.writeFile(file);
    seed = snapshotFromWorkbook(await loadWorkbook(file));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('corrects the workbook the same way `capaian fix` does, and says so in a sentence', async () => {
    const fake = createFakeExcel(modelFromSnapshot(seed), {});
    const r = await hitungUlangCapaian(env(fake));
    expect(r.message).toMatch(/^\d+ sel diperbaiki, \d+ perlu diperiksa — buka Periksa Sebelum Kirim/);
    // The CLI path on the same workbook.
    const wb = await loadWorkbook(path.join(dir, 'seed.xlsx'));
    const report = analyzeWorkbook(snapshotFromWorkbook(wb));
    const cliApplied = applyFixesXlsx(wb, report.sheets.flatMap((s) => s.fixes)).applied;
    const key = (f: Fix) => `${f.sheet}!${f.cell}=${JSON.stringify(f.new)}`;
    expect(r.outcome!.applied.map(key).sort()).toEqual(cliApplied.map(key).sort());
    // And the cells hold the corrected values.
    const after = snapshotFromModel(fake.model);
    const tw4 = after.sheets.find((s) => s.name === 'TW IV')!;
    expect(tw4.cells[21][13]!.value).toBe(250634400); // N22
    expect(tw4.cells[34][18]!.value).toBe(119183704); // S35
    // Display overflow repaired by autofit: TW III columns O, Q, R wider than before.
    const w0 = seed.sheets.find((s) => s.name === 'TW III')!.columnWidths!;
    const w1 = after.sheets.find((s) => s.name === 'TW III')!.columnWidths!;
    for (const c of [14, 16, 17]) expect(w1[c]!).toBeGreaterThan(w0[c]!);
    // A second click finds nothing more to repair.
    const again = await hitungUlangCapaian(env(fake));
    expect(again.outcome!.applied).toHaveLength(0);
  });

  test('the add-in and the command line find the same things on the same workbook', async () => {
    const fake = createFakeExcel(modelFromSnapshot(seed), {});
    const viaExcel = (await scan(env(fake))).report;
    const viaFile = analyzeWorkbook(seed);
    const key = (r: typeof viaFile) =>
      r.sheets.flatMap((s) => s.findings.map((f) => `${f.sheet}!${f.cell}:${f.rule}:${JSON.stringify(f.expected)}`)).sort();
    // (the CLI also reports the cover sheet without a table, which the add-in reads too)
    expect(key(viaExcel)).toEqual(key(viaFile));
  });

  test('English when Office speaks English', async () => {
    const model = modelFromSnapshot(seed);
    model.displayLanguage = 'en-US';
    const r = await hitungUlangCapaian(env(createFakeExcel(model, {})));
    expect(r.message).toMatch(/^\d+ cells fixed, \d+ to check — open Check Before Sending/);
  });

  test('groups the batch into one undo step where ExcelApi 1.20 is there, and not elsewhere', async () => {
    const m1 = modelFromSnapshot(seed);
    m1.supportedSets = { ExcelApi: '1.20' };
    const f1 = createFakeExcel(m1, {});
    await hitungUlangCapaian(env(f1));
    expect(f1.stats.runs.some((o) => o?.mergeUndoGroup === true && o?.delayForCellEdit === true)).toBe(true);
    const m2 = modelFromSnapshot(seed);
    m2.supportedSets = { ExcelApi: '1.13' };
    const f2 = createFakeExcel(m2, {});
    await hitungUlangCapaian(env(f2));
    expect(f2.stats.runs.some((o) => o?.mergeUndoGroup)).toBe(false);
    expect(f2.stats.runs.some((o) => o?.delayForCellEdit === true)).toBe(true);
  });

  test('"Batalkan" restores every touched cell exactly (values, formulas, formats, widths)', async () => {
    const model = modelFromSnapshot(seed);
    const fake = createFakeExcel(model, {});
    const before = snapshotFromModel(fake.model);
    const r = await hitungUlangCapaian(env(fake));
    expect(r.outcome!.applied.length).toBeGreaterThan(20);
    const mid = snapshotFromModel(fake.model);
    expect(cellsOf(mid, 'TW IV')).not.toBe(cellsOf(before, 'TW IV'));
    const u = await batalkan(env(fake));
    expect(u.restored).toBe(r.outcome!.undo.entries.length);
    expect(u.changedSince).toBe(0);
    const after = snapshotFromModel(fake.model);
    for (const name of ['TW I', 'TW II', 'TW III', 'TW IV', 'Sampul']) expect(cellsOf(after, name)).toBe(cellsOf(before, name));
    // nothing left to undo
    expect((await batalkan(env(fake))).restored).toBe(0);
  });

  test('a cell edited between the scan and the write is left alone and reported', async () => {
    const fake = createFakeExcel(modelFromSnapshot(seed), {});
    const { read, report } = await scan(env(fake));
    const fixes = report.sheets.flatMap((s) => s.fixes).filter((f) => f.certain);
    // Someone types into TW IV!N22 meanwhile.
    const tw4 = fake.model.sheets.find((s) => s.name === 'TW IV')!;
    tw4.cells.set('21,13', { value: 250000000, numberFormat: '#,##0' });
    const out = await applyFixes(fake.Excel as ExcelLike, fixes, { office: fake.Office.context as OfficeContextLike, snapshot: read.snapshot });
    const skipped = out.skipped.find((s) => s.fix.cell === 'N22' && s.fix.sheet === 'TW IV')!;
    expect(skipped.reason).toMatch(/berubah sejak diperiksa/);
    expect(tw4.cells.get('21,13')!.value).toBe(250000000);
    expect(out.applied.length).toBe(fixes.length - 1);
  });

  test('a protected sheet: nothing is written to it, the user is told which sheet and why', async () => {
    const model = modelFromSnapshot(seed);
    model.sheets.find((s) => s.name === 'TW IV')!.protected = true;
    const fake = createFakeExcel(model, {});
    const before = cellsOf(snapshotFromModel(fake.model), 'TW IV');
    const r = await hitungUlangCapaian(env(fake));
    expect(cellsOf(snapshotFromModel(fake.model), 'TW IV')).toBe(before);
    expect(r.message).toMatch(/Lembar "TW IV" dilindungi/);
    expect(r.outcome!.applied.some((f) => f.sheet === 'TW I')).toBe(true);
  });

  test('an error midway leaves the workbook as it was', async () => {
    const model = modelFromSnapshot(seed);
    let calls = 0;
    const fake = createFakeExcel(model, { failOnWrite: (sheet) => sheet === 'TW III' && ++calls === 1 });
    const before = snapshotFromModel(fake.model);
    const r = await hitungUlangCapaian(env(fake));
    expect(r.outcome).toBeNull();
    expect(r.message).toMatch(/tidak ada yang diubah/);
    const after = snapshotFromModel(fake.model);
    for (const name of ['TW I', 'TW II', 'TW III', 'TW IV']) expect(cellsOf(after, name)).toBe(cellsOf(before, name));
    expect(fake.model.sheets.some((s) => s.name === LOG_SHEET)).toBe(false);
  });
});

describe('the log sheet', () => {
  test('every change is logged as plain values; text that starts with =, +, - or @ stays text', async () => {
    const tw = sheet('TW I', { budget: [P('PROGRAM A', 100, [50, 50, 0, 0], 10), K('Kegiatan A', 100, [50, 50, 0, 0], 10), S('Sub A', 100, [50, 50, 0, 0], 10)] });
    const model = modelFromSnapshot(workbook(tw));
    const fake = createFakeExcel(model, {});
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    // Cells holding that text, and fixes that "change" them (as a conversion would).
    const sh = model.sheets[0];
    hostile.forEach((t, i) => sh.cells.set(`${40 + i},0`, { value: t, numberFormat: '@' }));
    const snap = snapshotFromModel(model);
    const fixes: Fix[] = hostile.map((t, i) => ({
      rule: 'number-as-text',
      sheet: 'TW I',
      cell: `A${41 + i}`,
      kind: 'cell',
      old: t,
      new: `${t} baru`,
      write: { value: `${t} baru` },
      reason: 'uji',
      reasonEn: 'test',
      certain: true,
    }));
    const out = await applyFixes(fake.Excel as ExcelLike, fixes, { office: fake.Office.context as OfficeContextLike, snapshot: snap });
    expect(out.applied).toHaveLength(4);
    const log = fake.model.sheets.find((s) => s.name === LOG_SHEET)!;
    expect(log).toBeDefined();
    const row = (r: number) => [0, 1, 2, 3, 4, 5].map((c) => log.cells.get(`${r},${c}`));
    expect(row(0).map((c) => c?.value)).toEqual(['Waktu', 'Lembar', 'Sel', 'Nilai lama', 'Nilai baru', 'Aturan']);
    hostile.forEach((t, i) => {
      const [, sheetCell, a1, oldCell, newCell, rule] = row(i + 1);
      expect(sheetCell!.value).toBe('TW I');
      expect(a1!.value).toBe(`A${41 + i}`);
      expect(oldCell!.value).toBe(t);
      expect(oldCell!.formula).toBeUndefined();
      expect(newCell!.value).toBe(`${t} baru`);
      expect(newCell!.formula).toBeUndefined();
      expect(rule!.value).toBe('number-as-text');
    });
    // The repaired cells hold the text too, not formulas.
    hostile.forEach((t, i) => {
      const c = sh.cells.get(`${40 + i},0`)!;
      expect(c.value).toBe(`${t} baru`);
      expect(c.formula).toBeUndefined();
    });
  });
});
