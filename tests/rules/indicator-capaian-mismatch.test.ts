// indicator-capaian-mismatch: an indicator's CAPAIAN % against its target, realisasi and polarity.
import { small } from '../helpers/examples';
import { applyFixes, cellsOf, evaluateCell, theFinding, theFix } from '../helpers/expect';
import { Amt, I, IndicatorSpec, SheetSpec, analyze, findings, fixesOf, fx, sheet } from '../helpers/table';

const RULE = 'indicator-capaian-mismatch';

/** The small() table with one indicator on the program row (data row 0, sheet row 7): target/realisasi/capaian in L7. */
const withIndicator = (ind: IndicatorSpec, spec: SheetSpec = {}, name = 'TW I') => sheet(name, { budget: small(), indicators: [ind], ...spec });
const flat = (t: Amt): [Amt, Amt, Amt, Amt] => [t, t, t, t];

describe('indicator-capaian-mismatch finds', () => {
  test('higher is better (default): realisasi / target × 100; the fix writes the fraction into a % cell', () => {
    // Target 0,39 %, realisasi -0,89 % -> -228,21 %; stated -200 %.
    const tw = withIndicator(I('Persentase Potensi dan Peluang Investasi yang Dipromosikan', flat(0.39), -0.89, -200));
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('capaianIndikator', 0)]);
    const f = theFinding(report, RULE, 'L7', 'TW I');
    expect(f.actual).toBe(-200);
    expect(f.expected).toBe(-228.21);
    const fix = theFix(report, 'L7');
    expect(fix).toMatchObject({ rule: RULE, kind: 'cell', old: -2, new: -2.2821, certain: true });
    expect(fix.write!.value as number).toBeCloseTo(-0.89 / 0.39, 6);
    expect(fix.write!.formula).toBeUndefined();
  });

  test('a plain-number indicator block (percent units under "%"): the fix writes percent units', () => {
    const tw = withIndicator(I('Indeks Kepuasan Masyarakat', flat(84.17), 83.29, 90), { indicatorPercent: false });
    expect(tw.cell('capaianIndikator', 0)).toEqual({ value: 90, numberFormat: '0.00' });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'L7');
    expect(f.actual).toBe(90);
    expect(f.expected).toBe(98.95);
    expect(theFix(report, 'L7')).toMatchObject({ rule: RULE, old: 90, new: 98.95, write: { value: 98.95 } });
  });

  test("lower is better via options.polarity keyed by sheet and row: (2·target − realisasi) / target × 100", () => {
    // Unemployment 4 % against a target of 5 %: 120 %, not 80 %.
    const tw = withIndicator(I('Tingkat Pengangguran Terbuka', flat(5), 4, 80));
    const key = `TW I!${tw.row(0) + 1}`;
    expect(key).toBe('TW I!7');
    const report = analyze(tw, { polarity: { [key]: 'lower' } });
    const f = theFinding(report, RULE, 'L7');
    expect(f.actual).toBe(80);
    expect(f.expected).toBe(120);
    const fix = theFix(report, 'L7');
    expect(fix).toMatchObject({ rule: RULE, new: 1.2, certain: true });
    expect(fix.write!.value as number).toBeCloseTo(1.2, 9);
  });

  test("lower is better, 'lowerRatio': target / realisasi × 100", () => {
    const tw = withIndicator(I('Tingkat Pengangguran Terbuka', flat(5), 4, 80));
    const report = analyze(tw, { polarity: { 'TW I!7': 'lowerRatio' } });
    const f = theFinding(report, RULE, 'L7');
    expect(f.expected).toBe(125);
    expect(theFix(report, 'L7').write!.value as number).toBeCloseTo(1.25, 9);
  });

  test('polarity chosen by indicator name, and read from "semakin kecil semakin baik" in the name', () => {
    const byName = analyze(withIndicator(I('Tingkat Pengangguran Terbuka', flat(5), 4, 80)), { polarity: { 'TINGKAT PENGANGGURAN TERBUKA': 'lower' } });
    expect(theFinding(byName, RULE, 'L7').expected).toBe(120);
    const byWords = analyze(withIndicator(I('Angka Kemiskinan (semakin kecil semakin baik)', flat(5), 4, 80)));
    expect(theFinding(byWords, RULE, 'L7').expected).toBe(120);
  });

  test('range target "80-90": above the range divided by the upper bound, below by the lower, inside 100', () => {
    const above = analyze(withIndicator(I('Indeks Kepuasan Masyarakat', flat('80-90'), 95, 105), { indicatorPercent: false }));
    expect(theFinding(above, RULE, 'L7')).toMatchObject({ actual: 105, expected: 105.56 });
    const below = analyze(withIndicator(I('Indeks Kepuasan Masyarakat', flat('80-90'), 72, 80), { indicatorPercent: false }));
    expect(theFinding(below, RULE, 'L7')).toMatchObject({ actual: 80, expected: 90 });
    const inside = analyze(withIndicator(I('Indeks Kepuasan Masyarakat', flat('80-90'), 85, 94.44), { indicatorPercent: false }));
    expect(theFinding(inside, RULE, 'L7')).toMatchObject({ actual: 94.44, expected: 100 });
    expect(theFix(inside, 'L7')).toMatchObject({ rule: RULE, new: 100, write: { value: 100 } });
    // The same with realisasi and capaian as fractions under 0.00%.
    const pct = analyze(withIndicator(I('Indeks Kepuasan Masyarakat', flat('80-90'), 95, 100)));
    expect(theFinding(pct, RULE, 'L7')).toMatchObject({ actual: 100, expected: 105.56 });
    expect(theFix(pct, 'L7').write!.value as number).toBeCloseTo(95 / 90, 6);
  });

  test("the sheet's own quarter target is used (TW II sheet: target TW II)", () => {
    // Targets 25/50/75/100, realisasi 40: 80 % on the TW II sheet; 160 % (against TW I's 25) is wrong there.
    const tw = withIndicator(I('Persentase Investasi Terealisasi', [25, 50, 75, 100], 40, 160), { quarter: 2 }, 'TW II');
    const report = analyze(tw);
    expect(theFinding(report, RULE, 'L7', 'TW II')).toMatchObject({ actual: 160, expected: 80 });
  });

  test('a formula that gives the right value is kept; a wrong one is replaced by a working one', () => {
    // =K7/G7 under 0.00% with a stale cached 50 %: evaluated over the sheet it gives 98,95 %.
    const kept = withIndicator(I('Indeks Kepuasan Masyarakat', flat(84.17), 83.29, fx('=K7/G7', 0.5, '0.00%')));
    const r1 = analyze(kept);
    expect(theFinding(r1, RULE, 'L7')).toMatchObject({ actual: 50, expected: 98.95 });
    expect(theFix(r1, 'L7').write).toMatchObject({ formula: '=K7/G7' });
    // =K7/H7*100 under 0.00% is 100 times too big.
    const wrong = withIndicator(I('Indeks Kepuasan Masyarakat', [84.17, 90, 90, 90], 83.29, fx('=K7/H7*100', 92.54, '0.00%')));
    const r2 = analyze(wrong);
    expect(theFinding(r2, RULE, 'L7').expected).toBe(98.95);
    const fix = theFix(r2, 'L7');
    expect(fix.write!.formula).toBeDefined();
    const repaired = applyFixes(wrong, r2.sheets[0].fixes);
    expect(evaluateCell(repaired, 'L7') as number).toBeCloseTo(0.8329 / 0.8417, 6);
  });
});

describe('indicator-capaian-mismatch stays quiet', () => {
  test('on correct capaian (higher is better)', () => {
    const report = analyze(withIndicator(I('Indeks Kepuasan Masyarakat', flat(84.17), 83.29)));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('on a lower-is-better capaian computed that way', () => {
    const report = analyze(withIndicator(I('Tingkat Pengangguran Terbuka', flat(5), 4, 120)), { polarity: { 'TW I!7': 'lower' } });
    expect(findings(report, RULE)).toEqual([]);
  });

  test('on a stated value rounded to the decimals shown (99 % under 0%)', () => {
    const tw = withIndicator(I('Indeks Kepuasan Masyarakat', flat(84.17), 83.29, { value: 0.99, numberFormat: '0%' }));
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });

  test('on a range target with realisasi inside the range and 100 %', () => {
    const tw = withIndicator(I('Indeks Kepuasan Masyarakat', flat('80-90'), 85, 100), { indicatorPercent: false });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });

  test('when the realisasi and the capaian are both still empty', () => {
    const tw = withIndicator(I('Indeks Kepuasan Masyarakat', flat(84.17), null, null));
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });
});
