// layout-not-found: a sheet without a recognisable Pengukuran Kinerja table is reported and skipped, never a crash.
import { small } from '../helpers/examples';
import { theFinding } from '../helpers/expect';
import { analyze, findings, rawSheet, sheet } from '../helpers/table';

const RULE = 'layout-not-found';

describe('layout-not-found finds', () => {
  test('a sheet of free text: a sheet-level finding (no cell), no fixes, no layout', () => {
    const notes = rawSheet('Catatan', [
      ['PEMERINTAH KOTA PROBOLINGGO'],
      ['Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja'],
      [null],
      ['Jl. Slamet Riyadi Nomor 20 Kota Probolinggo'],
    ]);
    const report = analyze(notes);
    const f = theFinding(report, RULE, undefined, 'Catatan');
    expect(f.cell).toBeUndefined();
    expect(f.actual).toBeNull();
    expect(f.expected).toBeNull();
    expect(f.messageEn).toContain('Catatan');
    expect(report.sheets[0].layout).toBeNull();
    expect(report.sheets[0].fixes).toEqual([]);
    expect(report.summary.infos).toBe(1);
  });

  test('an empty sheet: reported as empty', () => {
    const report = analyze([rawSheet('Kosong', []), rawSheet('Kosong juga', [[null, ''], []])]);
    const a = theFinding(report, RULE, undefined, 'Kosong');
    const b = theFinding(report, RULE, undefined, 'Kosong juga');
    expect(a.messageEn).toMatch(/empty/);
    expect(b.messageEn).toMatch(/empty/);
  });

  test('a sheet with only one header word is not a table', () => {
    const report = analyze(rawSheet('Rekap', [['PAGU', 'Jumlah'], ['Total', 1000]]));
    expect(findings(report, RULE)).toHaveLength(1);
  });
});

describe('layout-not-found stays quiet', () => {
  test('on a quarter sheet next to a cover sheet: only the cover is reported', () => {
    const report = analyze([rawSheet('Sampul', [['PENGUKURAN KINERJA TAHUN 2022'], ['DPMPTSPNAKER']]), sheet('TW I', { budget: small() })]);
    expect(findings(report, RULE).map((f) => f.sheet)).toEqual(['Sampul']);
    expect(report.sheets[1].layout).not.toBeNull();
    expect(report.sheets[1].layout!.quarter).toBe(1);
  });

  test('on a table in either column order', () => {
    expect(findings(analyze(sheet('Triwulan II', { quarter: 2, columns: 'kode-first', budget: small() })), RULE)).toEqual([]);
    expect(findings(analyze(sheet('TW II', { quarter: 2, budget: small() })), RULE)).toEqual([]);
  });
});
