// kas-pagu-mismatch: anggaran kas TW I–IV that do not add up to the pagu. Reported, never repaired by itself.
import { small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { analyze, allFixes, findings, fixesOf, sheet } from '../helpers/table';

const RULE = 'kas-pagu-mismatch';

describe('kas-pagu-mismatch finds', () => {
  test("a sub kegiatan whose kas plan adds up to more than its pagu: finding on its pagu cell, no fix for the leaf", () => {
    // Sub kegiatan 2: pagu 200, kas 50+50+60+50 = 210. The kegiatan and program carry the 60 up, so their kas
    // disagree with their pagu too, but only because of this row: the finding sits on the row, once.
    const tw = sheet('TW I', {
      budget: smallWith({ 0: { kas: [200, 200, 60, 50] }, 1: { kas: [100, 100, 60, 50] }, 2: { kas: [50, 50, 60, 50] } }),
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['N9']);
    const f = theFinding(report, RULE, tw.at('pagu', 2), 'TW I');
    expect(f.actual).toBe(210);
    expect(f.expected).toBe(200);
    // Nothing on the leaf's pagu or kas is changed, by this rule or any other.
    expect(fixesOf(report, RULE)).toEqual([]);
    expect(allFixes(report).filter((x) => /^[N-R]9$/.test(x.cell))).toEqual([]);
  });

  test('a revised pagu (APBD-P) without a revised kas plan', () => {
    // Pagu of the sub kegiatan raised to 260 (and its parents), kas still 200.
    const tw = sheet('TW I', { budget: smallWith({ 0: { pagu: 560 }, 1: { pagu: 360 }, 2: { pagu: 260, capaian: 38.46 } }) });
    const report = analyze(tw);
    expect(theFinding(report, RULE, 'N9')).toMatchObject({ actual: 200, expected: 260 });
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('compared after the repairs: a parent kas cell fixed by rollup-mismatch is not reported', () => {
    // The program's TW I kas typed 150 instead of 200: rollup-mismatch repairs it, so the program's kas then add up.
    const tw = sheet('TW I', { budget: smallWith({ 0: { kas: [150, 200, 50, 50] } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, 'rollup-mismatch'))).toEqual(['O7']);
    expect(findings(report, RULE)).toEqual([]);
  });
});

describe('kas-pagu-mismatch stays quiet', () => {
  test('when every row\'s kas add up to its pagu', () => {
    const report = analyze(sheet('TW I', { budget: small() }));
    expect(findings(report, RULE)).toEqual([]);
  });

  test('on rows without any kas plan', () => {
    const tw = sheet('TW I', {
      budget: smallWith({ 0: { kas: [null, null, null, null] }, 1: { kas: [null, null, null, null] }, 2: { kas: [null, null, null, null] }, 3: { kas: [null, null, null, null] }, 4: { kas: [null, null, null, null] }, 5: { kas: [null, null, null, null] } }),
    });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });

  test('on a difference of at most half a rupiah', () => {
    const tw = sheet('TW I', { budget: smallWith({ 3: { kas: [50.25, 49.8, 0, 0] } }) });
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });
});
