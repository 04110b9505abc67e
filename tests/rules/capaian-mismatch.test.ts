// capaian-mismatch: budget CAPAIAN (%) differs from realisasi / pagu × 100 at the precision the cell shows.
import { pengendalian, small, smallWith } from '../helpers/examples';
import { applyFixes, cellsOf, evaluateCell, theFinding, theFix } from '../helpers/expect';
import { K, P, S, analyze, err, findings, fixesOf, fx, sheet } from '../helpers/table';

const RULE = 'capaian-mismatch';

/** PROGRAM PROMOSI: realisasi 800.000 of pagu 49.421.000 = 1,6187…%. */
const promosi = (capaian: Parameters<typeof P>[4], opts: Parameters<typeof sheet>[1] = {}) =>
  sheet('TW I', {
    ...opts,
    budget: [
      P('PROGRAM PROMOSI PENANAMAN MODAL', 49421000, [0, 49421000, 0, 0], 800000, capaian),
      K('Penyelenggaraan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, 0], 800000),
      S('Pelaksanaan Kegiatan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, 0], 800000),
    ],
  });

describe('capaian-mismatch finds', () => {
  test('a plain number: the fix writes the number', () => {
    const tw = promosi(2.5);
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('capaian', 0)]);
    const f = theFinding(report, RULE, 'T7', 'TW I');
    expect(f.actual).toBe(2.5);
    expect(f.expected).toBe(1.62);
    const fix = theFix(report, 'T7');
    expect(fix).toMatchObject({ rule: RULE, kind: 'cell', old: 2.5, new: 1.62, certain: true });
    expect(fix.write).toEqual({ value: 1.62 }); // the cell keeps its '0.00' format
  });

  test('a percent-formatted cell (0.00%): compared in percent, the fix writes the fraction', () => {
    const tw = promosi(2.5, { percentCapaian: true }); // 0.025 under '0.00%'
    expect(tw.cell('capaian', 0)).toEqual({ value: 0.025, numberFormat: '0.00%' });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'T7');
    expect(f.actual).toBe(2.5);
    expect(f.expected).toBe(1.62);
    const fix = theFix(report, 'T7');
    expect(fix).toMatchObject({ rule: RULE, old: 0.025, new: 0.0162, certain: true });
    expect(fix.write!.formula).toBeUndefined();
    expect(fix.write!.value as number).toBeCloseTo(800000 / 49421000, 6);
  });

  test('a correct percent-formatted cell is quiet', () => {
    expect(findings(analyze(promosi(1.62, { percentCapaian: true })), RULE)).toEqual([]);
  });

  test('a wrong formula is replaced by a working one', () => {
    // =S7/N7 forgets the ×100 (0,02 shown under '0.00').
    const tw = promosi(fx('=S7/N7', 0.0162, '0.00'));
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'T7');
    expect(f.actual).toBe(0.0162);
    expect(f.expected).toBe(1.62);
    const fix = theFix(report, 'T7');
    expect(fix).toMatchObject({ rule: RULE, new: 1.62, certain: true });
    expect(fix.write!.formula).toBeDefined();
    expect(fix.write!.formula).not.toBe('=S7/N7');
    const repaired = applyFixes(tw, report.sheets[0].fixes);
    expect(evaluateCell(repaired, 'T7') as number).toBeCloseTo(1.6187, 4);
  });

  test("a formula that is right once the totals are repaired is kept", () => {
    // Program realisasi 150 leaves out a kegiatan (rollup-mismatch raises it to 230); =S7/N7*100 then gives 46.
    const tw = sheet('TW I', { budget: smallWith({ 0: { realisasi: 150, capaian: fx('=S7/N7*100', 30, '0.00') } }) });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'T7');
    expect(f.actual).toBe(30);
    expect(f.expected).toBe(46);
    const fix = theFix(report, 'T7');
    expect(fix).toMatchObject({ rule: RULE, new: 46, certain: true, write: { value: 46, formula: '=S7/N7*100' } });
    const repaired = applyFixes(tw, report.sheets[0].fixes);
    expect(evaluateCell(repaired, 'T7')).toBe(46);
  });

  test('pagu 0: the expected capaian is "-"', () => {
    // Second program has no money; its sub kegiatan still shows 12,5.
    const tw = sheet('TW I', {
      budget: [
        ...small(),
        P('PROGRAM PROMOSI PENANAMAN MODAL', 0, [0, 0, 0, 0], 0, '-'),
        K('Penyelenggaraan Promosi Penanaman Modal', 0, [0, 0, 0, 0], 0, '-'),
        S('Pelaksanaan Kegiatan Promosi Penanaman Modal', 0, [0, 0, 0, 0], 0, 12.5),
      ],
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('capaian', 8)]);
    const f = theFinding(report, RULE, 'T15');
    expect(f.actual).toBe(12.5);
    expect(f.expected).toBe('-');
    expect(theFix(report, 'T15')).toMatchObject({ rule: RULE, old: 12.5, new: '-', certain: true, write: { value: '-' } });
  });

  test('an empty capaian where there is one to show', () => {
    const tw = sheet('TW I', { budget: smallWith({ 3: { capaian: null } }) });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'T10');
    expect(f.actual).toBeNull();
    expect(f.expected).toBe(50);
    expect(theFix(report, 'T10')).toMatchObject({ rule: RULE, old: null, new: 50, write: { value: 50, numberFormat: '0.00' } });
  });

  test('compared at the precision shown: 1,60 under 0.00 is wrong for 1,6187', () => {
    const report = analyze(promosi(1.6));
    expect(theFinding(report, RULE, 'T7').expected).toBe(1.62);
  });

  test('in the kode-first layout with percent cells', () => {
    const budget = pengendalian();
    budget[2] = { ...budget[2], capaian: 5.78 }; // 17.936.000 / 375.108.000 = 4,78 %
    const tw = sheet('Triwulan I', { columns: 'kode-first', percentCapaian: true, budget });
    const report = analyze(tw);
    expect(tw.at('capaian', 2)).toBe('I9');
    const f = theFinding(report, RULE, 'I9');
    expect(f.actual).toBe(5.78);
    expect(f.expected).toBe(4.78);
    expect(theFix(report, 'I9').write!.value as number).toBeCloseTo(17936000 / 375108000, 6);
  });
});

describe('capaian-mismatch stays quiet', () => {
  test('on correct capaian', () => {
    const report = analyze(sheet('TW I', { budget: small() }));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('1,62 stated for 1,6187 (two decimals shown)', () => {
    expect(findings(analyze(promosi(1.62)), RULE)).toEqual([]);
  });

  test("1,6 stated for 1,6187 under a '0.0' format", () => {
    expect(findings(analyze(promosi({ value: 1.6, numberFormat: '0.0' })), RULE)).toEqual([]);
  });

  test('1,6187 stated under a four-decimal format', () => {
    expect(findings(analyze(promosi({ value: 1.6187, numberFormat: '0.0000' })), RULE)).toEqual([]);
  });

  test('pagu 0 with "-" or 0 as capaian', () => {
    const tw = sheet('TW I', {
      budget: [
        ...small(),
        P('PROGRAM PROMOSI PENANAMAN MODAL', 0, [0, 0, 0, 0], 0, '-'),
        K('Penyelenggaraan Promosi Penanaman Modal', 0, [0, 0, 0, 0], 0, 0),
        S('Pelaksanaan Kegiatan Promosi Penanaman Modal', 0, [0, 0, 0, 0], 0, null),
      ],
    });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });

  test('capaian formulas that compute correctly', () => {
    const tw = promosi(fx('=IF(N7=0,"-",S7/N7*100)', null, '0.00'));
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(report.sheets[0].fixes).toEqual([]);
  });

  test('a capaian that is an Excel error is left to formula-error (no capaian-mismatch finding)', () => {
    const report = analyze(promosi(err('#DIV/0!', '=S7/N7*100')));
    expect(findings(report, RULE)).toEqual([]);
    expect(findings(report, 'formula-error')).toHaveLength(1);
  });
});
