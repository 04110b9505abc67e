// quarter-decrease: cumulative realisasi lower than on the previous quarter's sheet.
import { pengendalian, small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { analyze, allFixes, findings, sheet } from '../helpers/table';

const RULE = 'quarter-decrease';

// TW I: realisasi as in small() (sub kegiatan 2 spent 100). TW II: sub kegiatan 2 shows 80 (and its parents 130, 210).
const tw1 = () => sheet('TW I', { quarter: 1, budget: small() });
const tw2Lower = () => sheet('TW II', { quarter: 2, budget: smallWith({ 0: { realisasi: 210 }, 1: { realisasi: 130 }, 2: { realisasi: 80 } }) });

describe('quarter-decrease finds', () => {
  test('a sub kegiatan whose cumulative realisasi went down, and its parents: reported on the later sheet', () => {
    const b = tw2Lower();
    const report = analyze([tw1(), b]);
    expect(findings(report, RULE, 'TW I')).toEqual([]);
    expect(cellsOf(findings(report, RULE, 'TW II')).sort()).toEqual(['S7', 'S8', 'S9']);
    const f = theFinding(report, RULE, b.at('realisasi', 2), 'TW II');
    expect(f.actual).toBe(80);
    expect(f.expected).toBe(100);
    expect(theFinding(report, RULE, 'S8', 'TW II')).toMatchObject({ actual: 130, expected: 150 });
    expect(theFinding(report, RULE, 'S7', 'TW II')).toMatchObject({ actual: 210, expected: 230 });
    expect(f.messageEn).toContain('TW I');
    // Which quarter is right cannot be known: no fix.
    expect(allFixes(report)).toEqual([]);
  });

  test('sheets are ordered by the quarter in their title, not by their position in the workbook', () => {
    const report = analyze([tw2Lower(), tw1()]);
    expect(cellsOf(findings(report, RULE, 'TW II')).sort()).toEqual(['S7', 'S8', 'S9']);
    expect(findings(report, RULE, 'TW I')).toEqual([]);
  });

  test('rows are matched by KODE when names changed between quarters', () => {
    const a = sheet('Triwulan I', { quarter: 1, columns: 'kode-first', budget: pengendalian() });
    const later = pengendalian().map((r) => ({ ...r, nama: r.nama.toUpperCase() + ' (REVISI)' }));
    later[3] = { ...later[3], realisasi: 6000000, capaian: 15.92 };
    later[1] = { ...later[1], realisasi: 23936000, capaian: 5.8 };
    later[0] = { ...later[0], realisasi: 23936000, capaian: 5.8 };
    const b = sheet('Triwulan II', { quarter: 2, columns: 'kode-first', budget: later });
    const report = analyze([a, b]);
    expect(theFinding(report, RULE, b.at('realisasi', 3), 'Triwulan II')).toMatchObject({ actual: 6000000, expected: 6334000 });
  });

  test('an emptied realisasi counts as 0', () => {
    const b = sheet('TW II', { quarter: 2, budget: smallWith({ 0: { realisasi: 130 }, 4: { realisasi: null }, 5: { realisasi: null } }) });
    const report = analyze([tw1(), b]);
    expect(theFinding(report, RULE, 'S12', 'TW II')).toMatchObject({ actual: null, expected: 80 });
  });
});

describe('quarter-decrease stays quiet', () => {
  test('when realisasi grows or stays', () => {
    const b = sheet('TW II', { quarter: 2, budget: smallWith({ 0: { realisasi: 300 }, 1: { realisasi: 220 }, 2: { realisasi: 170 } }) });
    const report = analyze([tw1(), b]);
    expect(findings(report, RULE)).toEqual([]);
  });

  test('with a single quarter sheet', () => {
    expect(findings(analyze(tw2Lower()), RULE)).toEqual([]);
  });

  test('between two sheets of the same quarter', () => {
    const b = sheet('TW I (revisi)', { quarter: 1, budget: smallWith({ 0: { realisasi: 210 }, 1: { realisasi: 130 }, 2: { realisasi: 80 } }) });
    expect(findings(analyze([tw1(), b]), RULE)).toEqual([]);
  });
});
