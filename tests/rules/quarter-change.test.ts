// quarter-change: pagu or target that differs from the previous quarter's sheet (budget revision, or a typo).
import { small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { I, IndicatorSpec, analyze, allFixes, findings, sheet } from '../helpers/table';

const RULE = 'quarter-change';

const ikm = (t2: number): IndicatorSpec => I('Persentase Potensi dan Peluang Investasi yang Dipromosikan', [25, t2, 75, 100], 20);
const tw1 = () => sheet('TW I', { quarter: 1, budget: small(), indicators: [ikm(50)] });

describe('quarter-change finds', () => {
  test('a pagu revised between TW I and TW II: on the sub kegiatan and the parents that carry it', () => {
    // Sub kegiatan 2: 200 -> 250 (kas TW IV 50 -> 100), kegiatan 300 -> 350, program 500 -> 550.
    const b = sheet('TW II', {
      quarter: 2,
      budget: smallWith({
        0: { pagu: 550, kas: [200, 200, 50, 100] },
        1: { pagu: 350, kas: [100, 100, 50, 100] },
        2: { pagu: 250, kas: [50, 50, 50, 100] },
      }),
      indicators: [ikm(50)],
    });
    const report = analyze([tw1(), b]);
    expect(findings(report, RULE, 'TW I')).toEqual([]);
    expect(cellsOf(findings(report, RULE, 'TW II')).sort()).toEqual(['N7', 'N8', 'N9']);
    const f = theFinding(report, RULE, b.at('pagu', 2), 'TW II');
    expect(f.actual).toBe(250);
    expect(f.expected).toBe(200);
    expect(f.severity).toBe('info');
    expect(theFinding(report, RULE, 'N7', 'TW II')).toMatchObject({ actual: 550, expected: 500 });
    expect(allFixes(report)).toEqual([]);
    // The revision is otherwise consistent: nothing else is reported.
    expect(findings(report, 'kas-pagu-mismatch')).toEqual([]);
  });

  test('a target changed between quarters: on the first changed target cell', () => {
    const b = sheet('TW II', { quarter: 2, budget: small(), indicators: [I('Persentase Potensi dan Peluang Investasi yang Dipromosikan', [25, 60, 75, 100], 20, 33.33)] });
    const report = analyze([tw1(), b]);
    expect(cellsOf(findings(report, RULE))).toEqual([b.at('target2', 0)]);
    const f = theFinding(report, RULE, 'H7', 'TW II');
    expect(f.actual).toBe(60);
    expect(f.expected).toBe(50);
  });
});

describe('quarter-change stays quiet', () => {
  test('when pagu and targets are the same on both sheets', () => {
    const b = sheet('TW II', { quarter: 2, budget: smallWith({ 0: { realisasi: 300 }, 1: { realisasi: 220 }, 2: { realisasi: 170 } }), indicators: [I('Persentase Potensi dan Peluang Investasi yang Dipromosikan', [25, 50, 75, 100], 40)] });
    const report = analyze([tw1(), b]);
    expect(findings(report, RULE)).toEqual([]);
  });

  test('on a pagu written as text the same as before ("500" vs 500)', () => {
    const b = sheet('TW II', { quarter: 2, budget: smallWith({ 0: { pagu: '500', capaian: 46 } }), indicators: [ikm(50)] });
    expect(findings(analyze([tw1(), b]), RULE)).toEqual([]);
  });
});
