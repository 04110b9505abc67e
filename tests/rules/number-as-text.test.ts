// number-as-text: amounts and percents stored as text; converted to numbers that display the same.
import { seedBudget, seedIndicators, small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding, theFix } from '../helpers/expect';
import { I, K, P, S, analyze, findings, fixesOf, fx, rulesFound, sheet } from '../helpers/table';

const RULE = 'number-as-text';

/** PROGRAM PENGEMBANGAN IKLIM as printed in the seed: pagu "55.599.900,00", kas "-", realisasi 0, capaian "-". */
const iklim = (pagu: string | number, target1: string | number) =>
  sheet('TW I', {
    budget: [
      P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', pagu, ['-', 55599900, '-', '-'], 0, '-'),
      K('Pembuatan Peta Potensi Investasi Kabupaten/Kota', 55599900, ['-', 55599900, '-', '-'], 0, '-'),
      S('Penyediaan Peta Potensi dan Peluang Usaha Kabupaten/Kota', 55599900, ['-', 55599900, '-', '-'], 0, '-'),
    ],
    indicators: [I('Persentase Potensi dan Peluang Investasi yang Dipromosikan', [target1, 0.39, 0.39, 0.39], -0.89, -228.21)],
  });

describe('number-as-text finds', () => {
  test('"55.599.900,00" in a pagu cell: a number with a format that shows two decimals', () => {
    const tw = iklim('55.599.900,00', 0.39);
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('pagu', 0)]);
    const f = theFinding(report, RULE, 'N7', 'TW I');
    expect(f.actual).toBe('55.599.900,00');
    expect(f.expected).toBe(55599900);
    const fix = theFix(report, 'N7');
    expect(fix).toMatchObject({ rule: RULE, kind: 'cell', old: '55.599.900,00', new: 55599900, certain: true });
    expect(fix.write).toEqual({ value: 55599900, numberFormat: '#,##0.00' });
  });

  test('"0,39%" in a target cell: the fraction under a percent format with two decimals', () => {
    const tw = iklim(55599900, '0,39%');
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('target1', 0)]);
    const f = theFinding(report, RULE, 'G7');
    expect(f.actual).toBe('0,39%');
    expect(f.expected).toBe(0.0039);
    expect(theFix(report, 'G7')).toMatchObject({ rule: RULE, old: '0,39%', new: 0.0039, certain: true, write: { value: 0.0039, numberFormat: '0.00%' } });
  });

  test('"800.000" realisasi and "1,62" capaian', () => {
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PROMOSI PENANAMAN MODAL', 49421000, [0, 49421000, 0, 0], '800.000', '1,62'),
        K('Penyelenggaraan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, 0], 800000),
        S('Pelaksanaan Kegiatan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, 0], 800000),
      ],
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['S7', 'T7']);
    expect(theFix(report, 'S7')).toMatchObject({ new: 800000, write: { value: 800000, numberFormat: '#,##0' } });
    expect(theFix(report, 'T7')).toMatchObject({ new: 1.62, write: { value: 1.62, numberFormat: '#,##0.00' } });
    // Read as numbers, they balance: nothing else is wrong.
    expect(rulesFound(report)).toEqual([RULE]);
  });

  test('a whole sheet typed as text: every number reported once, nothing else', () => {
    const tw = sheet('TW I', { budget: seedBudget(), indicators: seedIndicators(), textNumbers: true });
    const report = analyze(tw);
    const found = findings(report, RULE);
    // 15 budget rows × 7 number cells + 3 indicators × 6 number cells.
    expect(found).toHaveLength(15 * 7 + 3 * 6);
    expect(new Set(cellsOf(found)).size).toBe(found.length);
    expect(fixesOf(report, RULE)).toHaveLength(found.length);
    expect(rulesFound(report)).toEqual([RULE]);
    expect(theFix(report, 'N7')).toMatchObject({ old: '73.875.000', new: 73875000 });
    expect(theFix(report, tw.at('realisasiIndikator', 6))).toMatchObject({ old: '-0,89%', new: -0.0089, write: { numberFormat: '0.00%' } });
  });
});

describe('number-as-text stays quiet', () => {
  test('on "-" in amount and capaian cells', () => {
    const report = analyze(iklim(55599900, 0.39));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('on numbers stored as numbers', () => {
    expect(findings(analyze(sheet('TW I', { budget: small() })), RULE)).toEqual([]);
  });

  test('on "#####" and on words in amount cells (other rules, or nothing to convert)', () => {
    const tw = sheet('TW I', { budget: smallWith({ 1: { kas: ['#####', 100, 50, 50] }, 3: { realisasi: 'belum ada', capaian: 0 } }) });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });

  test('on a formula returning text', () => {
    const tw = sheet('TW I', { budget: smallWith({ 3: { capaian: fx('=TEXT(S10/N10*100,"0,00")', '50,00') } }) });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });
});
