// display-overflow: a number wider than its column shows (and prints) as ####; the fix widens the column.
import { seedBudget, small } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { K, P, S, SheetSpec, allFixes, analyze, findings, fixesOf, sheet } from '../helpers/table';

const RULE = 'display-overflow';

/** A program of Rp 1.234.567.890.123 (13 digits) in TW I's kas, nothing else. */
const big = (widths: SheetSpec['widths'], textNumbers = false) =>
  sheet('TW I', {
    widths,
    textNumbers,
    budget: [
      P('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', 1234567890123, [1234567890123, 0, 0, 0], 0),
      K('Administrasi Keuangan Perangkat Daerah', 1234567890123, [1234567890123, 0, 0, 0], 0),
      S('Penyediaan Gaji dan Tunjangan ASN', 1234567890123, [1234567890123, 0, 0, 0], 0),
    ],
  });

describe('display-overflow finds', () => {
  test('a 13-digit amount in a 60 pt column: a finding per cell, one column-width fix per column', () => {
    const tw = big({ pagu: 60, kas1: 60 });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE)).sort()).toEqual(['N7', 'N8', 'N9', 'O7', 'O8', 'O9']);
    const f = theFinding(report, RULE, 'N7', 'TW I');
    expect(f.actual).toBe('####');
    expect(f.expected).toBe('1.234.567.890.123');

    const fixes = fixesOf(report, RULE);
    expect(fixes.map((x) => x.cell).sort()).toEqual(['N', 'O']);
    for (const x of fixes) {
      // Calibri 11: 13 digits × 7 px + 4 separators × 3,5 px = 105 px, + 5 px padding = 110 px = 82,5 pt (15 characters).
      expect(x).toMatchObject({ rule: RULE, kind: 'columnWidth', old: 60, new: 82.5, width: 82.5, certain: true });
      expect(x.write).toBeUndefined();
    }
  });

  test('a 10-digit amount (the seed\'s 9.453.491.952) in a 60 pt pagu column needs 66,75 pt', () => {
    const tw = sheet('TW I', {
      widths: { pagu: 60 },
      budget: [
        P('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', 9453491952, [2577566539, 3181201680, 2450634416, 1244089317], 1866896585),
        K('Administrasi Keuangan Perangkat Daerah', 9453491952, [2577566539, 3181201680, 2450634416, 1244089317], 1866896585),
        S('Penyediaan Gaji dan Tunjangan ASN', 9453491952, [2577566539, 3181201680, 2450634416, 1244089317], 1866896585),
      ],
    });
    const report = analyze(tw);
    expect(theFinding(report, RULE, 'N7').expected).toBe('9.453.491.952');
    expect(fixesOf(report, RULE)).toEqual([expect.objectContaining({ cell: 'N', kind: 'columnWidth', old: 60, width: 66.75 })]);
  });

  test('the width is sized for what the cells will hold after the other fixes (text becoming numbers)', () => {
    // Texts never show ####, so there is no finding; but once converted they would, so the column is widened.
    const tw = big({ pagu: 60 }, true);
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(findings(report, 'number-as-text').length).toBeGreaterThan(0);
    expect(fixesOf(report, RULE)).toEqual([expect.objectContaining({ cell: 'N', kind: 'columnWidth', old: 60, width: 82.5 })]);
  });

  test("the host's own text measure is used when given", () => {
    // A measure that makes every text 200 pt wide: even the 120 pt columns overflow.
    const report = analyze(sheet('TW I', { budget: small() }), { measureText: () => 200 });
    expect(findings(report, RULE).length).toBeGreaterThan(0);
    expect(theFinding(report, RULE, 'N7').expected).toBe('500');
  });
});

describe('display-overflow stays quiet', () => {
  test('when the columns are wide enough', () => {
    const report = analyze(big({ pagu: 90, kas1: 90 }));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
    expect(allFixes(report)).toEqual([]);
  });

  test('on a header text wider than its column (only numbers of the data rows count)', () => {
    // "CAPAIAN (%)" needs about 60 pt; the capaian numbers (e.g. "12,97") fit in 30 pt.
    const tw = sheet('TW I', { budget: seedBudget(), widths: { capaian: 30, kas1: 80, pagu: 80 } });
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });

  test('on columns whose width is unknown or hidden (0)', () => {
    const report = analyze(big({ pagu: undefined, kas1: 0 }));
    expect(findings(report, RULE)).toEqual([]);
    expect(fixesOf(report, RULE)).toEqual([]);
  });
});
