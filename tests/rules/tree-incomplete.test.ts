// tree-incomplete: the rows under a parent add up to less pagu than the parent's; rows are missing. Never lowered.
import { small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { K, P, S, analyze, allFixes, findings, fixesOf, sheet } from '../helpers/table';

const RULE = 'tree-incomplete';

describe('tree-incomplete finds', () => {
  // The program's second kegiatan (pagu 200, kas 100/100, realisasi 80) is missing from the sheet.
  const missingKegiatan = () =>
    sheet('TW I', {
      budget: [
        P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 500, [200, 200, 50, 50], 230),
        K('Pembuatan Peta Potensi Investasi', 300, [100, 100, 50, 50], 150),
        S('Penyediaan Peta Potensi', 200, [50, 50, 50, 50], 100),
        S('Penyusunan Profil Investasi', 100, [50, 50, 0, 0], 50),
      ],
    });

  test("a program whose kegiatan add up to less than its pagu: finding on the program's pagu cell", () => {
    const tw = missingKegiatan();
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('pagu', 0)]);
    const f = theFinding(report, RULE, 'N7', 'TW I');
    expect(f.actual).toBe(300); // what the rows add up to
    expect(f.expected).toBe(500); // the parent's pagu, kept
  });

  test('the parent is not lowered: no fix on its pagu, and none on its kas or realisasi either', () => {
    const tw = missingKegiatan();
    const report = analyze(tw);
    const programRow = String(tw.row(0) + 1);
    expect(allFixes(report).filter((x) => x.cell.replace(/^[A-Z]+/, '') === programRow)).toEqual([]);
    // No rollup-mismatch on the incomplete parent's kas columns (200/200/50/50 vs 100/100/50/50) or realisasi (230 vs 150).
    expect(findings(report, 'rollup-mismatch')).toEqual([]);
    expect(fixesOf(report, 'rollup-mismatch')).toEqual([]);
  });

  test('an incomplete kegiatan under a complete program', () => {
    // Kegiatan 1 says 300 but only one sub kegiatan of 200 is on the sheet; program 500 = 300 + 200.
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 500, [200, 200, 50, 50], 230),
        K('Pembuatan Peta Potensi Investasi', 300, [100, 100, 50, 50], 150),
        S('Penyediaan Peta Potensi', 200, [50, 50, 50, 50], 100),
        K('Fasilitasi Kemitraan Usaha', 200, [100, 100, 0, 0], 80),
        S('Fasilitasi Kemitraan dengan UMKM', 200, [100, 100, 0, 0], 80),
      ],
    });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual(['N8']);
    const f = theFinding(report, RULE, 'N8');
    expect(f.actual).toBe(200);
    expect(f.expected).toBe(300);
    expect(allFixes(report).filter((x) => /^[N-S]8$/.test(x.cell))).toEqual([]);
    expect(findings(report, 'rollup-mismatch')).toEqual([]);
  });
});

describe('tree-incomplete stays quiet', () => {
  test('on a complete table', () => {
    expect(findings(analyze(sheet('TW I', { budget: small() })), RULE)).toEqual([]);
  });

  test('when the rows add up to more than the parent (that is a wrong total, raised by rollup-mismatch)', () => {
    const tw = sheet('TW I', { budget: smallWith({ 0: { pagu: 450, kas: [150, 200, 50, 50] } }) });
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(cellsOf(findings(report, 'rollup-mismatch')).sort()).toEqual(['N7', 'O7'].sort());
  });
});
