// rollup-mismatch: a program's or kegiatan's pagu, kas column or realisasi that differs from the sum of its rows.
import { small, smallWith, pengendalian } from '../helpers/examples';
import { applyFixes, cellsOf, evaluateCell, theFinding, theFix } from '../helpers/expect';
import { K, P, S, allFixes, analyze, findings, fixAt, fixesOf, fx, sheet } from '../helpers/table';

const RULE = 'rollup-mismatch';

describe('rollup-mismatch finds', () => {
  test('a kegiatan pagu below both its sub kegiatan and its program: only that cell is changed', () => {
    // Kegiatan 0/1: pagu typed 250, its sub kegiatan add up to 300, the program (300) agrees with them.
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 300, [100, 100, 50, 50], 150),
        K('Pembuatan Peta Potensi Investasi', 250, [100, 100, 50, 50], 150, 50),
        S('Penyediaan Peta Potensi', 200, [50, 50, 50, 50], 100),
        S('Penyusunan Profil Investasi', 100, [50, 50, 0, 0], 50),
      ],
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('pagu', 1)]);
    const f = theFinding(report, RULE, 'N8', 'TW I');
    expect(f.actual).toBe(250);
    expect(f.expected).toBe(300);
    const fix = theFix(report, 'N8');
    expect(fix).toMatchObject({ rule: RULE, kind: 'cell', old: 250, new: 300, certain: true, write: { value: 300 } });
    expect(fix.write!.formula).toBeUndefined();
    // The program and the sub kegiatan are left alone.
    expect(cellsOf(fixesOf(report, RULE))).toEqual(['N8']);
    for (const a1 of ['N7', 'N9', 'N10']) expect(fixAt(report, a1)).toBeUndefined();
  });

  test('a program realisasi that leaves out a kegiatan is raised to the sum of its kegiatan', () => {
    // 150 typed = only the first kegiatan; the second one's 80 is missing.
    const tw = sheet('TW I', { budget: smallWith({ 0: { realisasi: 150, capaian: 30 } }) });
    const report = analyze(tw);
    const f = theFinding(report, RULE, tw.at('realisasi', 0));
    expect(f.actual).toBe(150);
    expect(f.expected).toBe(230);
    const fix = theFix(report, 'S7');
    expect(fix).toMatchObject({ rule: RULE, old: 150, new: 230, certain: true, write: { value: 230 } });
    expect(cellsOf(fixesOf(report, RULE))).toEqual(['S7']);
  });

  test('an empty parent kas column is filled from the rows below', () => {
    // Anggaran kas TW I left empty on the program and on both kegiatan.
    const tw = sheet('TW I', {
      budget: smallWith({ 0: { kas: [null, 200, 50, 50] }, 1: { kas: [null, 100, 50, 50] }, 4: { kas: [null, 100, 0, 0] } }),
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['O11', 'O7', 'O8'].sort());
    const keg = theFinding(report, RULE, 'O8');
    expect(keg.actual).toBeNull();
    expect(keg.expected).toBe(100);
    const prog = theFinding(report, RULE, 'O7');
    expect(prog.actual).toBeNull();
    expect(prog.expected).toBe(200);
    // Written as numbers formatted like the rest of the column.
    expect(theFix(report, 'O8')).toMatchObject({ rule: RULE, old: null, new: 100, certain: true, write: { value: 100, numberFormat: '#,##0' } });
    expect(theFix(report, 'O11')).toMatchObject({ new: 100, certain: true, write: { value: 100, numberFormat: '#,##0' } });
    expect(theFix(report, 'O7')).toMatchObject({ new: 200, certain: true, write: { value: 200, numberFormat: '#,##0' } });
  });

  test('a parent cell holding a formula gets a working SUM formula over its rows', () => {
    // Kegiatan realisasi =S9 (forgets S10); program realisasi =S8 (forgets the second kegiatan on row 11).
    const tw = sheet('TW I', {
      budget: smallWith({
        0: { realisasi: fx('=S8', 100, '#,##0'), capaian: 20 },
        1: { realisasi: fx('=S9', 100, '#,##0'), capaian: 33.33 },
      }),
    });
    const report = analyze(tw);
    const keg = theFix(report, 'S8');
    expect(keg).toMatchObject({ rule: RULE, new: 150, certain: true, write: { value: 150, formula: '=SUM(S9:S10)' } });
    const prog = theFix(report, 'S7');
    expect(prog).toMatchObject({ rule: RULE, new: 230, certain: true, write: { value: 230, formula: '=SUM(S8,S11)' } });
    // The formulas give the repaired totals on the repaired sheet.
    const repaired = applyFixes(tw, report.sheets[0].fixes);
    expect(evaluateCell(repaired, 'S8')).toBe(150);
    expect(evaluateCell(repaired, 'S7')).toBe(230);
  });

  test('a formula without a cached value is evaluated before it is compared', () => {
    const tw = sheet('TW I', { budget: smallWith({ 1: { pagu: fx('=N9'), capaian: 50 } }) });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'N8');
    expect(f.actual).toBe(200); // =N9
    expect(f.expected).toBe(300);
    expect(theFix(report, 'N8').write).toMatchObject({ value: 300, formula: '=SUM(N9:N10)' });
  });

  test('sub kegiatan (leaf) values are never changed by this rule', () => {
    // The sub kegiatan realisasi disagree with their kegiatan and program: the parents move, the leaves stay.
    const tw = sheet('TW I', { budget: smallWith({ 2: { realisasi: 120 }, 5: { realisasi: 95 } }) });
    const report = analyze(tw);
    const fixes = fixesOf(report, RULE);
    expect(cellsOf(fixes).sort()).toEqual(['S11', 'S7', 'S8'].sort());
    expect(theFix(report, 'S8').new).toBe(170);
    expect(theFix(report, 'S11').new).toBe(95);
    expect(theFix(report, 'S7').new).toBe(265);
    const leafRows = [tw.row(2), tw.row(3), tw.row(5)].map((r) => String(r + 1));
    for (const f of fixes) expect(leafRows).not.toContain(f.cell.replace(/^[A-Z]+/, ''));
    for (const f of findings(report, RULE)) expect(leafRows).not.toContain(f.cell!.replace(/^[A-Z]+/, ''));
  });

  test('parents whose rows are all blank in a column: the sum is 0 but the typed number is only a suggestion', () => {
    // Anggaran kas TW IV typed on the program and kegiatan, nothing below.
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PROMOSI PENANAMAN MODAL', 49421000, [0, 49421000, 0, 100], 800000),
        K('Penyelenggaraan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, 100], 800000),
        S('Pelaksanaan Kegiatan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, null], 800000),
      ],
    });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'R8');
    expect(f.actual).toBe(100);
    expect(f.expected).toBe(0);
    // The kegiatan, whose sub kegiatan are blank, is not changed without asking.
    expect(theFix(report, 'R8')).toMatchObject({ rule: RULE, old: 100, new: 0, certain: false, write: { value: 0 } });
    // A suggestion is not built upon: the program still agrees with the kegiatan as typed, so no certain
    // repair of the program rests on the suggestion.
    expect(findings(report, RULE).filter((x) => x.cell === 'R7')).toEqual([]);
    expect(allFixes(report).filter((x) => x.cell === 'R7')).toEqual([]);
  });

  test('with a KODE column the tree comes from the codes (kode-first layout)', () => {
    const budget = pengendalian();
    budget[0] = { ...budget[0], realisasi: 17936000, capaian: 4.35 }; // only the first sub kegiatan
    const tw = sheet('Triwulan I', { columns: 'kode-first', budget });
    const report = analyze(tw);
    expect(tw.at('realisasi', 0)).toBe('H7');
    const f = theFinding(report, RULE, 'H7');
    expect(f.actual).toBe(17936000);
    expect(f.expected).toBe(24270000);
    expect(theFix(report, 'H7')).toMatchObject({ rule: RULE, new: 24270000, certain: true, write: { value: 24270000 } });
  });
});

describe('rollup-mismatch stays quiet', () => {
  test('on a table whose parents are the sums of their rows', () => {
    const report = analyze(sheet('TW I', { budget: small() }));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('on differences within half a rupiah', () => {
    const report = analyze(sheet('TW I', { budget: smallWith({ 2: { realisasi: 100.4, capaian: 50.2 } }) }));
    expect(findings(report, RULE)).toEqual([]);
  });

  test('on parents holding correct SUM formulas without cached values', () => {
    const tw = sheet('TW I', {
      budget: smallWith({
        0: { pagu: fx('=N8+N11'), realisasi: fx('=S8+S11'), capaian: fx('=IF(N7=0,"-",S7/N7*100)') },
        1: { pagu: fx('=SUM(N9:N10)'), realisasi: fx('=SUM(S9:S10)'), capaian: fx('=IF(N8=0,"-",S8/N8*100)') },
        4: { pagu: fx('=SUM(N12)'), realisasi: fx('=SUM(S12)'), capaian: 40 },
      }),
    });
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(report.sheets[0].fixes).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
