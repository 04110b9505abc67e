// formula-error: a cell of the table evaluates to an Excel error.
import { small, smallWith } from '../helpers/examples';
import { applyFixes, cellsOf, evaluateCell, theFinding, theFix } from '../helpers/expect';
import { I, K, P, S, analyze, err, findings, fixAt, fixesOf, fx, sheet } from '../helpers/table';

const RULE = 'formula-error';

describe('formula-error finds', () => {
  test('a capaian cell showing #DIV/0!: finding, and a certain fix with a working formula', () => {
    // The cached #DIV/0! is from before the pagu was typed; =S7/N7*100 is right on the sheet as it is now.
    const tw = sheet('TW I', { budget: smallWith({ 0: { capaian: err('#DIV/0!', '=S7/N7*100') } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('capaian', 0)]);
    const f = theFinding(report, RULE, 'T7', 'TW I');
    expect(f.actual).toBe('#DIV/0!');
    expect(f.expected).toBe(46); // what the repair writes
    const fix = theFix(report, 'T7');
    expect(fix).toMatchObject({ rule: RULE, kind: 'cell', old: '#DIV/0!', new: 46, certain: true, write: { value: 46 } });
    expect(fix.write!.formula).toBeDefined();
    const repaired = applyFixes(tw, report.sheets[0].fixes);
    expect(evaluateCell(repaired, 'T7')).toBe(46);
    // The capaian is not reported twice.
    expect(findings(report, 'capaian-mismatch')).toEqual([]);
  });

  test('#DIV/0! where the pagu really is 0: the fix shows "-" through a formula that guards the division', () => {
    const tw = sheet('TW I', {
      budget: [
        ...small(),
        P('PROGRAM PROMOSI PENANAMAN MODAL', 0, [0, 0, 0, 0], 0, err('#DIV/0!', '=S13/N13*100')),
        K('Penyelenggaraan Promosi Penanaman Modal', 0, [0, 0, 0, 0], 0, '-'),
        S('Pelaksanaan Kegiatan Promosi Penanaman Modal', 0, [0, 0, 0, 0], 0, '-'),
      ],
    });
    const report = analyze(tw);
    expect(theFinding(report, RULE, 'T13').actual).toBe('#DIV/0!');
    const fix = theFix(report, 'T13');
    expect(fix).toMatchObject({ rule: RULE, new: '-', certain: true, write: { value: '-' } });
    expect(fix.write!.formula).toBeDefined();
    expect(evaluateCell(applyFixes(tw, report.sheets[0].fixes), 'T13')).toBe('-');
  });

  test('an error without a formula (pasted) is replaced by the value', () => {
    const tw = sheet('TW I', { budget: smallWith({ 3: { capaian: err('#VALUE!') } }) });
    const report = analyze(tw);
    expect(theFinding(report, RULE, 'T10').actual).toBe('#VALUE!');
    expect(theFix(report, 'T10')).toMatchObject({ rule: RULE, new: 50, certain: true, write: { value: 50 } });
  });

  test('an error in an indicator capaian cell: fixed with a working formula', () => {
    const tw = sheet('TW I', {
      budget: small(),
      indicators: [I('Indeks Kepuasan Masyarakat', [84.17, 84.17, 84.17, 84.17], 83.29, { ...err('#DIV/0!', '=K7/G7'), numberFormat: '0.00%' })],
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual(['L7']);
    expect(theFinding(report, RULE, 'L7').actual).toBe('#DIV/0!');
    const fix = theFix(report, 'L7');
    expect(fix).toMatchObject({ rule: RULE, new: 0.9895, certain: true, write: { formula: '=K7/G7' } });
    expect(evaluateCell(applyFixes(tw, report.sheets[0].fixes), 'L7') as number).toBeCloseTo(0.9895, 4);
    expect(findings(report, 'indicator-capaian-mismatch')).toEqual([]);
  });

  test('an error in an indicator target: finding, no fix (nothing determines a target)', () => {
    const tw = sheet('TW I', {
      budget: small(),
      indicators: [I('Indeks Kepuasan Masyarakat', [err('#REF!', '=#REF!'), 84.17, 84.17, 84.17], 83.29, 98.95)],
    });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'G7');
    expect(f.actual).toBe('#REF!');
    expect(fixAt(report, 'G7')).toBeUndefined();
  });

  test("an error in a kegiatan's pagu: the sum of its rows is suggested (not certain: a formula is replaced)", () => {
    const tw = sheet('TW I', { budget: smallWith({ 1: { pagu: err('#REF!', '=SUM(#REF!)'), capaian: 50 } }) });
    const report = analyze(tw);
    expect(theFinding(report, RULE, 'N8').actual).toBe('#REF!');
    const fix = theFix(report, 'N8');
    expect(fix).toMatchObject({ rule: RULE, old: '#REF!', new: 300, certain: false, write: { value: 300, formula: '=SUM(N9:N10)' } });
    expect(evaluateCell(applyFixes(tw, [fix]), 'N8')).toBe(300);
  });

  test('an error in a sub kegiatan realisasi that nothing determines: finding, no fix', () => {
    const tw = sheet('TW I', {
      budget: smallWith({
        0: { realisasi: err('#VALUE!'), capaian: 46 },
        1: { realisasi: err('#VALUE!'), capaian: 50 },
        2: { realisasi: err('#VALUE!', '=S99+"x"'), capaian: 50 },
      }),
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['S7', 'S8', 'S9']);
    expect(theFinding(report, RULE, 'S9').actual).toBe('#VALUE!');
    for (const a1 of ['S7', 'S8', 'S9']) expect(fixAt(report, a1)).toBeUndefined();
  });
});

describe('formula-error stays quiet', () => {
  test('on a table without errors', () => {
    const report = analyze(sheet('TW I', { budget: small() }));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('on working formulas everywhere (totals and capaian)', () => {
    const tw = sheet('TW I', {
      budget: smallWith({
        0: { pagu: fx('=N8+N11'), realisasi: fx('=S8+S11'), capaian: fx('=IF(N7=0,"-",S7/N7*100)') },
        1: { pagu: fx('=SUM(N9:N10)'), realisasi: fx('=SUM(S9:S10)'), capaian: fx('=IF(N8=0,"-",S8/N8*100)') },
      }),
    });
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  test('on the text "#N/A" outside the table (title rows)', () => {
    const tw = sheet('TW I', { budget: small(), titles: ['PENGUKURAN KINERJA #N/A', 'S/D TRIWULAN I TAHUN 2022'] });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });
});
