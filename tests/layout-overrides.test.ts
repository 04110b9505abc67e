// Columns chosen by a person (saved per sheet): a role moved to another column, or set to "(tidak ada)"
// (null: the role is not in this table, whatever its header says). One column holds one role.
import { Grid } from '../src/engine/grid';
import { detectLayout } from '../src/engine/layout';
import type { ColumnOverrides, WorkbookReport } from '../src/engine/types';
import { snapshotFromWorkbook } from '../src/xlsx/snapshot';
import { buildFixture } from './fixtures/build-fixtures';
import { analyze, allFindings, allFixes, columnsOf, findings, fixesOf, K, letter, P, rawSheet, S, sheet } from './helpers/table';

const C = columnsOf('seed');
const T = letter(C.capaian); // "T"
const N = letter(C.pagu); // "N"

function table() {
  return sheet('TW I', {
    quarter: 1,
    budget: [
      P('PROGRAM PENUNJANG URUSAN', 300, [100, 100, 50, 50], 150),
      K('Kegiatan Administrasi', 300, [100, 100, 50, 50], 140), // realisasi 140 ≠ 100 + 50
      S('Sub Satu', 200, [50, 50, 50, 50], 100, 40), // capaian 40 ≠ 50
      S('Sub Dua', 100, [50, 50, 0, 0], 50),
    ],
  });
}

const layoutOf = (overrides?: ColumnOverrides) => detectLayout(new Grid(table()), overrides);

describe('detectLayout with overrides', () => {
  test('null takes a role out of the table; the other columns stay as detected', () => {
    const auto = layoutOf()!;
    expect(auto.columns.capaian).toBe(C.capaian);
    const none = layoutOf({ capaian: null })!;
    expect(none).not.toBeNull();
    expect('capaian' in none.columns).toBe(false);
    const { capaian: _, ...rest } = auto.columns;
    expect(none.columns).toEqual(rest);
    expect(none.firstDataRow).toBe(auto.firstDataRow);
    expect(none.lastDataRow).toBe(auto.lastDataRow);
  });

  test('a column moves the role there and drops the role detected on that column', () => {
    const moved = layoutOf({ capaian: C.realisasi })!;
    expect(moved.columns.capaian).toBe(C.realisasi);
    expect('realisasi' in moved.columns).toBe(false);
    // Every other role as detected.
    const { capaian: _c, realisasi: _r, ...rest } = layoutOf()!.columns;
    const { capaian: _c2, ...movedRest } = moved.columns;
    expect(movedRest).toEqual(rest);
  });

  test('a role that is itself chosen is not dropped: two roles swapped, or both put on one column, stay', () => {
    const swapped = layoutOf({ capaian: C.realisasi, realisasi: C.capaian })!;
    expect(swapped.columns.capaian).toBe(C.realisasi);
    expect(swapped.columns.realisasi).toBe(C.capaian);
    // REALISASI confirmed on its own column by the person, CAPAIAN put on it too: both kept, in either order.
    for (const o of [{ realisasi: C.realisasi, capaian: C.realisasi }, { capaian: C.realisasi, realisasi: C.realisasi }]) {
      const shared = layoutOf(o)!;
      expect([shared.columns.realisasi, shared.columns.capaian]).toEqual([C.realisasi, C.realisasi]);
    }
  });

  test('values that are not a column or null (settings come from a file) are ignored', () => {
    const junk = { capaian: -1, pagu: 1.5, kas4: 16384, realisasi: '3', kas1: true, nama: Number.NaN, bogus: 2, toString: 4 } as unknown as ColumnOverrides;
    expect(layoutOf(junk)!.columns).toEqual(layoutOf()!.columns);
  });

  test('no header found: a table pointed out by its columns, where null roles are left out', () => {
    const raw = rawSheet('Lembar1', [
      ['Belanja pegawai', 1000, 500, 50],
      ['Belanja barang', 2000, 1000, 50],
    ]);
    expect(detectLayout(new Grid(raw))).toBeNull();
    const l = detectLayout(new Grid(raw), { nama: 0, pagu: 1, realisasi: 2, capaian: null })!;
    expect(l.columns).toEqual({ nama: 0, pagu: 1, realisasi: 2 });
    expect(l.lastDataRow).toBe(1);
    // nama null (or absent) points out nothing.
    expect(detectLayout(new Grid(raw), { nama: null, pagu: 1 })).toBeNull();
  });
});

describe('analysis with a role set to none', () => {
  test('CAPAIAN none: no capaian finding or fix, nothing on the capaian column; the rest still checked', () => {
    const before = analyze(table());
    expect(findings(before, 'capaian-mismatch').map((f) => f.cell)).toContain(`${T}9`); // Sub Satu's 40
    expect(findings(before, 'rollup-mismatch').map((f) => f.cell)).toEqual(['S8']);

    const after = analyze(table(), { columnOverrides: { 'TW I': { capaian: null } } });
    expect(findings(after, 'capaian-mismatch')).toEqual([]);
    expect(fixesOf(after, 'capaian-mismatch')).toEqual([]);
    expect(allFindings(after).filter((f) => f.cell?.startsWith(T))).toEqual([]);
    expect(allFixes(after).filter((f) => f.cell.startsWith(T))).toEqual([]);
    expect(findings(after, 'rollup-mismatch').map((f) => f.cell)).toEqual(['S8']);
    // The tree is still read, with no capaian.
    expect(after.sheets[0].programs).toHaveLength(1);
    expect(after.sheets[0].programs[0].capaian.source).toBe('empty');
  });

  test('PAGU none: the table is still read (name and realisasi); nothing is judged on the pagu', () => {
    const r = analyze(table(), { columnOverrides: { 'TW I': { pagu: null } } });
    const s = r.sheets[0];
    expect(s.layout).not.toBeNull();
    expect(s.layout!.columns.pagu).toBeUndefined();
    expect(s.programs[0].pagu.source).toBe('empty');
    // capaian = realisasi / pagu cannot be checked without a pagu; realisasi totals still are.
    expect(findings(r, 'capaian-mismatch')).toEqual([]);
    expect(findings(r, 'realisasi-over-pagu')).toEqual([]);
    expect(findings(r, 'kas-pagu-mismatch')).toEqual([]);
    expect(allFindings(r).filter((f) => f.cell?.startsWith(N))).toEqual([]);
    expect(findings(r, 'rollup-mismatch').map((f) => f.cell)).toEqual(['S8']);
  });

  test('no names left (budget nor indicator): no table on the sheet', () => {
    const r = analyze(table(), { columnOverrides: { 'TW I': { nama: null, indikatorSasaran: null, indikatorTujuan: null } } });
    expect(r.sheets[0].layout).toBeNull();
    expect(findings(r, 'layout-not-found')).toHaveLength(1);
  });
});

describe('seed workbook', () => {
  let plain: WorkbookReport;
  let none: WorkbookReport;
  beforeAll(async () => {
    const snap = snapshotFromWorkbook(await buildFixture('seed'));
    plain = analyze(snap.sheets);
    none = analyze(snap.sheets, { columnOverrides: { 'TW I': { capaian: null } } });
  });

  test('TW I with CAPAIAN none: its capaian findings and fixes (T28, T73) vanish, other sheets unchanged', () => {
    expect(findings(plain, 'capaian-mismatch', 'TW I').map((f) => f.cell)).toEqual(['T28', 'T73']);
    expect(fixesOf(plain, 'capaian-mismatch', 'TW I').map((f) => f.cell)).toEqual(['T28', 'T73']);
    expect(findings(none, 'capaian-mismatch', 'TW I')).toEqual([]);
    expect(fixesOf(none, 'capaian-mismatch', 'TW I')).toEqual([]);
    const tw1 = none.sheets.find((s) => s.name === 'TW I')!;
    expect(tw1.findings.filter((f) => f.cell?.startsWith('T'))).toEqual([]);
    expect(tw1.fixes.filter((f) => f.cell.startsWith('T'))).toEqual([]);
    // The rest of TW I as before.
    const rest = (r: WorkbookReport) =>
      r.sheets.find((s) => s.name === 'TW I')!.findings.filter((f) => f.rule !== 'capaian-mismatch').map((f) => `${f.rule}@${f.cell}`);
    expect(rest(none)).toEqual(rest(plain));
    // Other sheets: untouched.
    for (const name of ['TW II', 'TW III', 'TW IV']) {
      expect(none.sheets.find((s) => s.name === name)!.findings).toEqual(plain.sheets.find((s) => s.name === name)!.findings);
    }
  });
});
