// The seed's four quarterly tables: every defect the rules cover, and the repairs a careful
// accountant would write. Expected numbers are worked out by hand from the seed text
// (../shared/seed/000_82f230dc2c4cdfd0.txt); the sums are written out next to each.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeWorkbook } from '../src/engine/analyze';
import type { Finding, Fix, WorkbookReport } from '../src/engine/types';
import { loadWorkbook, snapshotFromWorkbook } from '../src/xlsx/read';
import { buildFixture, HASH_CELLS, type FixtureVariant } from './fixtures/build-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-seed-'));
const reports = new Map<FixtureVariant, WorkbookReport>();

async function report(variant: FixtureVariant): Promise<WorkbookReport> {
  const cached = reports.get(variant);
  if (cached) return cached;
  const file = path.join(dir, `${variant}.xlsx`);
  await (await buildFixture(variant)).xlsx.writeFile(file);
  const r = analyzeWorkbook(snapshotFromWorkbook(await loadWorkbook(file)));
  reports.set(variant, r);
  return r;
}

function findingsOf(r: WorkbookReport, sheet: string, rule?: string): Finding[] {
  const s = r.sheets.find((x) => x.name === sheet)!;
  return s.findings.filter((f) => !rule || f.rule === rule);
}
function fixAt(r: WorkbookReport, sheet: string, cell: string): Fix | undefined {
  return r.sheets.find((x) => x.name === sheet)!.fixes.find((f) => f.cell === cell);
}
const cells = (fs: Finding[]) => fs.map((f) => f.cell).sort();

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('seed workbook: defects found', () => {
  test('the cover sheet has no table, reported as info', async () => {
    const r = await report('seed');
    const f = findingsOf(r, 'Sampul');
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe('layout-not-found');
    expect(f[0].severity).toBe('info');
  });

  test('TW I: PROGRAM PENUNJANG realisasi leaves out the kegiatan "pemeliharaan BMD"', async () => {
    const r = await report('seed');
    // 6.482.620 + 1.656.657.949 + 3.982.620 + 0 + 59.390.920 + 0 + 140.382.476 + 15.601.113 = 1.882.497.698
    // (the sheet says 1.866.896.585 = the same without 15.601.113)
    const f = findingsOf(r, 'TW I', 'rollup-mismatch').find((x) => x.cell === 'S28')!;
    expect(f.actual).toBe(1866896585);
    expect(f.expected).toBe(1882497698);
    expect(fixAt(r, 'TW I', 'S28')).toMatchObject({ new: 1882497698, certain: true });
    // capaian 1.882.497.698 / 9.453.491.952 × 100 = 19,913…
    expect(fixAt(r, 'TW I', 'T28')).toMatchObject({ rule: 'capaian-mismatch', new: 19.91, certain: true });
  });

  test('TW I: PROGRAM HUBUNGAN INDUSTRIAL has no kas and no realisasi: filled from its two kegiatan', async () => {
    const r = await report('seed');
    // kas: 10.959.500 + 26.765.975; 9.959.900 + 47.885.975; 7.450.000 + 25.985.975; 19.369.900 + 21.885.975
    const expected: Record<string, number> = { O73: 37725475, P73: 57845875, Q73: 33435975, R73: 41255875, S73: 10333000 + 4491620 };
    for (const [cell, v] of Object.entries(expected)) {
      expect(fixAt(r, 'TW I', cell)).toMatchObject({ rule: 'rollup-mismatch', old: null, new: v, certain: true });
    }
    // 14.824.620 / 170.263.200 × 100 = 8,706…
    expect(fixAt(r, 'TW I', 'T73')).toMatchObject({ rule: 'capaian-mismatch', old: '-', new: 8.71 });
  });

  test('TW I/II/IV: the sub kegiatan under "Pelindungan PMI" has no name', async () => {
    const r = await report('seed');
    expect(cells(findingsOf(r, 'TW I', 'missing-name'))).toEqual(['M72']);
    expect(cells(findingsOf(r, 'TW II', 'missing-name'))).toEqual(['M73']);
    expect(cells(findingsOf(r, 'TW IV', 'missing-name'))).toEqual(['M41']);
    expect(findingsOf(r, 'TW III', 'missing-name')).toHaveLength(0);
  });

  test('TW II: HUBUNGAN INDUSTRIAL realisasi 0 while its rows add to 10.732.430; realisasi went down from TW I', async () => {
    const r = await report('seed');
    expect(fixAt(r, 'TW II', 'S74')).toMatchObject({ old: 0, new: 10732430 });
    expect(fixAt(r, 'TW II', 'T74')).toMatchObject({ new: 6.3 }); // 10.732.430 / 170.263.200 = 6,303…%
    const dec = findingsOf(r, 'TW II', 'quarter-decrease');
    // Sub kegiatan whose cumulative realisasi is lower than in TW I, as printed:
    // Pengawasan 6.334.000 → 2.720.000; Lap. Keuangan 2.854.800 → 1.260.000; Rumah Tangga 333.500 → 319.500;
    // Kunjungan Tamu 1.205.000 → 605.000; Komunikasi 68.721.100 → 63.432.806; PP bagi Perusahaan 9.733.000 → 0;
    // Pendataan HI 600.000 → 0; kegiatan Pengesahan PP 10.333.000 → 0; program HI 14.824.620 → 10.732.430 (both repaired).
    expect(cells(dec)).toEqual(['S17', 'S36', 'S43', 'S47', 'S54', 'S74', 'S75', 'S77', 'S78']);
    expect(dec.find((d) => d.cell === 'S17')).toMatchObject({ actual: 2720000, expected: 6334000 });
  });

  test('TW III: eight numbers too wide for their columns print as #####; columns O, Q, R widened', async () => {
    const r = await report('seed');
    const overflow = findingsOf(r, 'TW III', 'display-overflow');
    expect(cells(overflow)).toEqual(HASH_CELLS.map((h) => h.cell).sort());
    const widths = r.sheets.find((s) => s.name === 'TW III')!.fixes.filter((f) => f.kind === 'columnWidth');
    expect(widths.map((w) => w.cell).sort()).toEqual(['O', 'Q', 'R']);
    for (const w of widths) {
      expect(w.certain).toBe(true);
      expect(w.width!).toBeGreaterThan(w.old as number);
    }
    // No other sheet overflows.
    for (const s of ['TW I', 'TW II', 'TW IV']) expect(findingsOf(r, s, 'display-overflow')).toHaveLength(0);
  });

  test('TW III: PROGRAM PENUNJANG realisasi differs from its kegiatan', async () => {
    const r = await report('seed');
    // 28.155.828 + 6.377.298.617 + 15.930.480 + 0 + 166.600.205 + 0 + 492.833.248 + 93.689.368 = 7.174.507.746
    expect(fixAt(r, 'TW III', 'S28')).toMatchObject({ old: 7131532431, new: 7174507746 });
    expect(fixAt(r, 'TW III', 'T28')).toMatchObject({ old: 75.44, new: 75.89 });
  });

  test('TW IV: the kegiatan under PELAYANAN disagrees with both its subs and its program: only it changes', async () => {
    const r = await report('seed');
    // subs 110.765.800 + 56.176.300 + 3.249.800 + 80.442.500 = 250.634.400 = program pagu
    expect(fixAt(r, 'TW IV', 'N22')).toMatchObject({ rule: 'rollup-mismatch', old: 246174400, new: 250634400, certain: true });
    expect(fixAt(r, 'TW IV', 'N21')).toBeUndefined(); // the program stays
    expect(fixAt(r, 'TW IV', 'T22')).toMatchObject({ old: 96.46, new: 94.74 }); // 237.460.106 / 250.634.400
    // its subs' pagu were revised (APBD-P) but not their kas plan; the totals above them only repeat
    // that, so the finding sits on the subs (and on PENUNJANG, whose own kas changed)
    const kas = cells(findingsOf(r, 'TW IV', 'kas-pagu-mismatch'));
    expect(kas).toEqual(['N13', 'N24', 'N26', 'N27', 'N33']);
    expect(fixAt(r, 'TW IV', 'N24')).toBeUndefined(); // a leaf's typed pagu is never changed
  });

  test('TW IV: PENEMPATAN and HUBUNGAN INDUSTRIAL realisasi repaired from their rows', async () => {
    const r = await report('seed');
    // 81.189.204 + 32.994.800 + 4.999.700 = 119.183.704 ; 119.183.704 / 121.294.150 = 98,26 %
    expect(fixAt(r, 'TW IV', 'S35')).toMatchObject({ old: 114184004, new: 119183704 });
    expect(fixAt(r, 'TW IV', 'T35')).toMatchObject({ old: 94.14, new: 98.26 });
    // kegiatan Pengesahan: 9.733.000 + 35.527.100 = 45.260.100 ; 45.260.100 / 47.739.300 = 94,81 %
    expect(fixAt(r, 'TW IV', 'S44')).toMatchObject({ old: 9733000, new: 45260100 });
    expect(fixAt(r, 'TW IV', 'T44')).toMatchObject({ old: 20.39, new: 94.81 });
    // program: 45.260.100 + 114.404.520 = 159.664.620 ; / 170.263.200 = 93,78 %
    expect(fixAt(r, 'TW IV', 'S42')).toMatchObject({ old: 0, new: 159664620 });
    expect(fixAt(r, 'TW IV', 'T42')).toMatchObject({ new: 93.78 });
  });

  test('TW IV: PROGRAM PENUNJANG lists one kegiatan: tree-incomplete, never lowered; realisasi above pagu', async () => {
    const r = await report('seed');
    const inc = findingsOf(r, 'TW IV', 'tree-incomplete');
    expect(inc).toHaveLength(1);
    expect(inc[0]).toMatchObject({ cell: 'N27', actual: 49965000, expected: 9453491952 });
    for (const c of ['N27', 'O27', 'P27', 'Q27', 'R27', 'S27', 'T27']) expect(fixAt(r, 'TW IV', c)).toBeUndefined();
    expect(findingsOf(r, 'TW IV', 'rollup-mismatch').filter((f) => f.cell?.endsWith('27'))).toHaveLength(0);
    const over = cells(findingsOf(r, 'TW IV', 'realisasi-over-pagu'));
    expect(over).toEqual(['S27', 'S49']); // 9.659.891.309 > 9.453.491.952 ; 114.404.520 > 112.523.900
  });

  test('TW IV: pagu and target changes against TW III are noted', async () => {
    const r = await report('seed');
    const ch = findingsOf(r, 'TW IV', 'quarter-change');
    expect(cells(ch)).toEqual(['G21', 'N21', 'N22', 'N24', 'N26', 'N30', 'N32', 'N33']);
    expect(ch.find((c) => c.cell === 'N24')).toMatchObject({ actual: 56176300, expected: 71159800 });
  });

  test('indicator capaian are all consistent in the seed; no level is ambiguous', async () => {
    const r = await report('seed');
    for (const s of ['TW I', 'TW II', 'TW III', 'TW IV']) {
      expect(findingsOf(r, s, 'indicator-capaian-mismatch')).toHaveLength(0);
      expect(findingsOf(r, s, 'ambiguous-level')).toHaveLength(0);
      expect(findingsOf(r, s, 'formula-error')).toHaveLength(0);
    }
  });

  test('totals of the seed report', async () => {
    const r = await report('seed');
    expect(r.summary).toMatchObject({ errors: 36, fixesSuggested: 0 });
    expect(r.summary.fixesCertain).toBe(31);
  });
});

describe('variants', () => {
  test('seed-hash: the eight ##### cells are recovered from the balance rules', async () => {
    const r = await report('seed-hash');
    const found = findingsOf(r, 'TW III', 'hash-literal');
    expect(cells(found)).toEqual(HASH_CELLS.map((h) => h.cell).sort());
    for (const h of HASH_CELLS) {
      expect(fixAt(r, 'TW III', h.cell)).toMatchObject({ rule: 'hash-literal', old: '#####', new: h.value, certain: true });
    }
    // Gaji TW I: 8.030.725.352 − 2.795.696.330 − 2.118.248.466 − 971.977.867 = 2.144.802.689
    expect(fixAt(r, 'TW III', 'O33')!.new).toBe(2144802689);
    // the recovered numbers need wider columns
    expect(r.sheets.find((s) => s.name === 'TW III')!.fixes.filter((f) => f.kind === 'columnWidth').map((f) => f.cell).sort()).toEqual([
      'O',
      'Q',
      'R',
    ]);
  });

  test('seed-text: numbers typed as text are read as numbers and give the same repairs', async () => {
    const r = await report('seed-text');
    const base = await report('seed');
    expect(findingsOf(r, 'TW I', 'number-as-text').length).toBeGreaterThan(300);
    const fix = fixAt(r, 'TW I', 'N8')!; // "55.599.900,00"
    expect(fix).toMatchObject({ rule: 'number-as-text', old: '55.599.900,00', new: 55599900, certain: true });
    expect(fix.write!.numberFormat).toBe('#,##0.00');
    expect(fixAt(r, 'TW I', 'G8')).toMatchObject({ old: '0,39%', new: 0.0039 });
    expect(fixAt(r, 'TW I', 'G8')!.write!.numberFormat).toBe('0.00%');
    for (const [sheet, cell] of [
      ['TW I', 'S28'],
      ['TW IV', 'N22'],
      ['TW IV', 'S35'],
    ]) {
      expect(fixAt(r, sheet, cell)!.new).toBe(fixAt(base, sheet, cell)!.new);
    }
  });

  test('seed-formulas: error cells get working formulas', async () => {
    const r = await report('seed-formulas');
    const errors = r.sheets.flatMap((s) => s.findings.filter((f) => f.rule === 'formula-error'));
    expect(errors.map((e) => `${e.sheet}!${e.cell}`).sort()).toEqual(['TW I!T10', 'TW II!T74', 'TW III!L8']);
    expect(fixAt(r, 'TW I', 'T10')!.write!.formula).toBe('=IF(N10=0,"-",S10/N10*100)');
    expect(fixAt(r, 'TW II', 'T74')).toMatchObject({ new: 6.3 });
    // TW III indicator: realisasi 0,064% / target TW III 0,39% = 16,41 %
    expect(fixAt(r, 'TW III', 'L8')).toMatchObject({ rule: 'formula-error', new: 0.1641 }); // a fraction in the % cell
    expect(fixAt(r, 'TW III', 'L8')!.write!.formula).toBe('=K8/I8');
    // correct formulas are kept when only their inputs change
    expect(fixAt(r, 'TW I', 'T28')!.write!.formula).toBe('=IF(N28=0,"-",S28/N28*100)');
  });

  test('kode-reordered: another column order with KODE gives the same repairs', async () => {
    const r = await report('kode-reordered');
    const s = r.sheets.find((x) => x.name === 'Triwulan I')!;
    expect(s.layout!.columns).toMatchObject({ kode: 0, nama: 1, pagu: 2, kas1: 3, realisasi: 7, capaian: 8, target1: 15, capaianIndikator: 20 });
    const byCell = Object.fromEntries(s.fixes.map((f) => [f.cell, f.new]));
    expect(byCell).toMatchObject({ H24: 1882497698, I24: 19.91, D68: 37725475, H68: 14824620, I68: 8.71 });
    expect(s.programs.map((p) => p.kode)).toHaveLength(9);
    expect(s.programs.every((p) => p.levelBy === 'kode')).toBe(true);
  });
});
