// ambiguous-level: rows whose level (program, kegiatan, sub kegiatan) no code, name or balance can decide.
import { pengendalian, small } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { K, P, S, analyze, findings, sheet } from '../helpers/table';

const RULE = 'ambiguous-level';

/** Four rows that do not add up in any way: no row is the sum of any run of rows below it. */
const unbalanced = () => [
  K('Baris Satu', 300, [100, 100, 50, 50], 150),
  S('Baris Dua', 120, [50, 20, 50, 0], 10),
  S('Baris Tiga', 70, [50, 10, 0, 10], 20),
  S('Baris Empat', 55, [5, 10, 20, 20], 30),
];

describe('ambiguous-level finds', () => {
  test('a section without program names whose rows do not add up: every row, no level guessed', () => {
    const tw = sheet('TW I', { budget: unbalanced() });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([0, 1, 2, 3].map((i) => tw.at('nama', i)));
    for (const a1 of ['M7', 'M8', 'M9', 'M10']) {
      const f = theFinding(report, RULE, a1, 'TW I');
      expect(f.actual).toBeNull(); // no level taken
      expect(f.expected).toBeNull();
    }
    expect(theFinding(report, RULE, 'M7').messageEn).toContain('Baris Satu');
  });

  test('rows under a program that balance nothing: the guessed rows are reported with the level taken', () => {
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 1000, [400, 300, 200, 100], 500),
        K('Baris A', 100, [10, 20, 30, 40], 7),
        S('Baris B', 37, [1, 2, 3, 31], 5),
        S('Baris C', 12, [6, 6, 0, 0], 3),
      ],
    });
    const report = analyze(tw);
    const cells = cellsOf(findings(report, RULE));
    expect(cells).toEqual(expect.arrayContaining(['M8', 'M9']));
    expect(cells).not.toContain('M7'); // the program is named PROGRAM
    expect(theFinding(report, RULE, 'M8').actual).toBe('kegiatan');
    expect(theFinding(report, RULE, 'M9').actual).toBe('sub kegiatan');
  });
});

describe('ambiguous-level stays quiet', () => {
  test('when the rows balance (kegiatan = sum of its sub kegiatan)', () => {
    expect(findings(analyze(sheet('TW I', { budget: small() })), RULE)).toEqual([]);
  });

  test('when KODE decides the levels, even if the amounts do not add up', () => {
    const tw = sheet('Triwulan I', {
      columns: 'kode-first',
      budget: [P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 1000, [400, 300, 200, 100], 500), ...unbalanced()],
    });
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    const program = report.sheets[0].programs[0];
    expect(program.children.map((c) => [c.nama, c.level, c.levelBy])).toEqual([['Baris Satu', 'kegiatan', 'kode']]);
    expect(program.children[0].children.map((c) => c.level)).toEqual(['subKegiatan', 'subKegiatan', 'subKegiatan']);
  });

  test('when indentation tells the two levels apart', () => {
    const tw = sheet('TW I', {
      budget: [
        P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 1000, [400, 300, 200, 100], 500),
        K('Baris A', 100, [10, 20, 30, 40], 7, undefined, { indent: 1 }),
        S('Baris B', 37, [1, 2, 3, 31], 5, undefined, { indent: 2 }),
        S('Baris C', 12, [6, 6, 0, 0], 3, undefined, { indent: 2 }),
      ],
    });
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(report.sheets[0].programs[0].children.map((c) => [c.nama, c.levelBy, c.children.length])).toEqual([['Baris A', 'format', 2]]);
  });

  test('on the seed block with one kegiatan holding two sub kegiatan', () => {
    expect(findings(analyze(sheet('TW I', { budget: pengendalian() })), RULE)).toEqual([]);
  });
});
