// realisasi-over-pagu: realisasi above the pagu. A warning; nothing is changed.
import { small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { analyze, fixAt, findings, sheet } from '../helpers/table';

const RULE = 'realisasi-over-pagu';

describe('realisasi-over-pagu finds', () => {
  test('a sub kegiatan that spent more than its pagu (and the parents that add it up)', () => {
    // Sub kegiatan 3: pagu 100, realisasi 250; kegiatan 300/350, program 500/430.
    const tw = sheet('TW I', { budget: smallWith({ 0: { realisasi: 430 }, 1: { realisasi: 350 }, 3: { realisasi: 250 } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['S10', 'S8']);
    const f = theFinding(report, RULE, tw.at('realisasi', 3), 'TW I');
    expect(f.actual).toBe(250);
    expect(f.expected).toBe(100);
    expect(theFinding(report, RULE, 'S8')).toMatchObject({ actual: 350, expected: 300 });
    expect(fixAt(report, 'S10')).toBeUndefined();
  });

  test('judged on repaired totals: a kegiatan realisasi raised by rollup-mismatch above its pagu', () => {
    // Sub kegiatan 5 spent 280 of 200; its kegiatan still says 80 (rollup-mismatch raises it to 280, above 200).
    const tw = sheet('TW I', { budget: smallWith({ 5: { realisasi: 280 } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, 'rollup-mismatch')).sort()).toEqual(['S11', 'S7']);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['S11', 'S12']);
    expect(theFinding(report, RULE, 'S12')).toMatchObject({ actual: 280, expected: 200 });
    expect(theFinding(report, RULE, 'S11')).toMatchObject({ actual: 280, expected: 200 });
  });
});

describe('realisasi-over-pagu stays quiet', () => {
  test('when realisasi is at most the pagu', () => {
    expect(findings(analyze(sheet('TW I', { budget: small() })), RULE)).toEqual([]);
  });

  test('when realisasi equals the pagu', () => {
    const tw = sheet('TW I', { budget: smallWith({ 0: { realisasi: 350 }, 4: { realisasi: 200 }, 5: { realisasi: 200 } }) });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });

  test('when the pagu is lost ("#####")', () => {
    const tw = sheet('TW I', { budget: smallWith({ 2: { pagu: '#####', realisasi: 100, capaian: 50 } }) });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });
});
