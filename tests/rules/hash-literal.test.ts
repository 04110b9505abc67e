// hash-literal: an amount cell holds the text "#####" (a printout typed back); recovered where the balance rules determine it.
import { small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding, theFix } from '../helpers/expect';
import { K, P, S, analyze, findings, fixAt, fixesOf, sheet } from '../helpers/table';

const RULE = 'hash-literal';
const H = '#####';

describe('hash-literal finds and recovers', () => {
  test('a kegiatan kas cell recovered as the sum of its sub kegiatan (certain)', () => {
    const tw = sheet('TW I', { budget: smallWith({ 1: { kas: [H, 100, 50, 50] } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('kas1', 1)]);
    const f = theFinding(report, RULE, 'O8', 'TW I');
    expect(f.actual).toBe(H);
    expect(f.expected).toBe(100);
    const fix = theFix(report, 'O8');
    expect(fix).toMatchObject({ rule: RULE, kind: 'cell', old: H, new: 100, certain: true, write: { value: 100, numberFormat: '#,##0' } });
    expect(fix.reasonEn).toMatch(/sum of the rows/);
  });

  test('a sub kegiatan kas cell recovered as its pagu minus the other quarters, then its parents from the sums (chained)', () => {
    // TW III of the sub kegiatan is lost, and so are TW III and TW IV of the kegiatan and the program:
    // only the sub kegiatan's own pagu and other quarters determine it; then the parents follow.
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 300, [100, 100, H, H], 150),
        K('Pembuatan Peta Potensi Investasi', 300, [100, 100, H, H], 150),
        S('Penyediaan Peta Potensi', 200, [50, 50, H, 50], 100),
        S('Penyusunan Profil Investasi', 100, [50, 50, 0, 0], 50),
      ],
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['Q7', 'Q8', 'Q9', 'R7', 'R8'].sort());

    const sub = theFix(report, 'Q9');
    expect(sub).toMatchObject({ rule: RULE, old: H, new: 50, certain: true, write: { value: 50, numberFormat: '#,##0' } });
    expect(sub.reasonEn).toMatch(/pagu minus the other quarters/);
    expect(theFinding(report, RULE, 'Q9').expected).toBe(50);

    // The kegiatan's TW III is the sum of the recovered 50 and the sibling's 0; the program's follows it.
    const keg = theFix(report, 'Q8');
    expect(keg).toMatchObject({ rule: RULE, new: 50, certain: true, write: { value: 50 } });
    expect(keg.reasonEn).toMatch(/sum of the rows/);
    expect(theFix(report, 'Q7')).toMatchObject({ rule: RULE, new: 50, certain: true });
    expect(theFix(report, 'R8')).toMatchObject({ rule: RULE, new: 50, certain: true });
    expect(theFix(report, 'R7')).toMatchObject({ rule: RULE, new: 50, certain: true });
    // Nothing else is reported once the lost numbers are back.
    expect(findings(report, 'kas-pagu-mismatch')).toEqual([]);
    expect(findings(report, 'rollup-mismatch')).toEqual([]);
  });

  test("a sub kegiatan pagu recovered as the kegiatan's pagu minus its siblings, confirmed by its own kas plan (certain)", () => {
    const tw = sheet('TW I', { budget: smallWith({ 2: { pagu: H, capaian: 50 } }) });
    const report = analyze(tw);
    const f = theFinding(report, RULE, 'N9');
    expect(f.expected).toBe(200);
    expect(theFix(report, 'N9')).toMatchObject({ rule: RULE, new: 200, certain: true, write: { value: 200, numberFormat: '#,##0' } });
  });

  test('the same recovery is only a suggestion when the row\'s kas plan does not confirm it', () => {
    // Kas of the sub kegiatan add up to 190, not the 200 its parent leaves for it.
    const tw = sheet('TW I', {
      budget: smallWith({ 0: { kas: [200, 200, 50, 40] }, 1: { kas: [100, 100, 50, 40] }, 2: { pagu: H, kas: [50, 50, 50, 40], capaian: 50 } }),
    });
    const report = analyze(tw);
    expect(theFinding(report, RULE, 'N9').expected).toBe(200);
    expect(theFix(report, 'N9')).toMatchObject({ rule: RULE, new: 200, certain: false });
  });

  test('a "#####" that nothing determines: finding without a fix', () => {
    // Realisasi lost on the sub kegiatan, its kegiatan and its program: no balance rule gives it.
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 300, [100, 100, 50, 50], H, null),
        K('Pembuatan Peta Potensi Investasi', 300, [100, 100, 50, 50], H, null),
        S('Penyediaan Peta Potensi', 200, [50, 50, 50, 50], H, null),
        S('Penyusunan Profil Investasi', 100, [50, 50, 0, 0], 50),
      ],
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['S7', 'S8', 'S9']);
    for (const a1 of ['S7', 'S8', 'S9']) {
      const f = theFinding(report, RULE, a1);
      expect(f.actual).toBe(H);
      expect(f.expected).toBeNull();
      expect(fixAt(report, a1)).toBeUndefined();
    }
    // No capaian is made up from a lost realisasi.
    for (const a1 of ['T7', 'T8', 'T9']) expect(fixAt(report, a1)).toBeUndefined();
    expect(findings(report, 'capaian-mismatch')).toEqual([]);
  });

  test('"####" of any length, with spaces around, is recognised', () => {
    const tw = sheet('TW I', { budget: smallWith({ 1: { kas: [' ### ', 100, 50, 50] }, 4: { kas: [100, '##########', 0, 0] } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['O8', 'P11']);
    expect(theFix(report, 'P11')).toMatchObject({ rule: RULE, new: 100, certain: true });
  });

  test('a capaian cell holding "#####" is rewritten from realisasi / pagu', () => {
    const tw = sheet('TW I', { budget: smallWith({ 1: { capaian: H } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual(['T8']);
    expect(theFinding(report, RULE, 'T8').actual).toBe(H);
    expect(theFix(report, 'T8')).toMatchObject({ rule: RULE, old: H, new: 50, certain: true, write: { value: 50 } });
    expect(findings(report, 'capaian-mismatch')).toEqual([]);
  });
});

describe('hash-literal stays quiet', () => {
  test('on a table without "#####"', () => {
    const report = analyze(sheet('TW I', { budget: small() }));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('on a single "#" and on "-" in amount cells', () => {
    const tw = sheet('TW I', { budget: smallWith({ 3: { kas: [50, 50, '-', '-'] } }) });
    tw.set('formulasi', 0, '#');
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
  });
});
