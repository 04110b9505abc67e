// A fully correct table gives no error and no fix, in every layout the builder makes.
import { pengendalian, seedBudget, seedIndicators } from '../helpers/examples';
import { BLANK, SheetSpec, allFindings, allFixes, analyze, fx, sheet } from '../helpers/table';

const budget = () => [...seedBudget(), BLANK, ...pengendalian()];

const variants: [string, SheetSpec][] = [
  ['seed column order (indicators, then budget)', {}],
  ['KODE column, budget block first, then indicators', { columns: 'kode-first' }],
  ['budget capaian as fractions under 0.00%', { percentCapaian: true }],
  ['KODE column with percent capaian', { columns: 'kode-first', percentCapaian: true }],
  ['indicator block in plain percent numbers', { indicatorPercent: false }],
  ['no row of column numbers', { columnNumbers: false }],
  ['amounts shown with two decimals', { amountFormat: '#,##0.00' }],
];

describe('a correct multi-program table', () => {
  test.each(variants)('%s: no errors, no warnings, no fixes', (_, spec) => {
    const tw = sheet('TW I', { budget: budget(), indicators: seedIndicators(), ...spec });
    const report = analyze(tw);
    expect(allFindings(report)).toEqual([]);
    expect(allFixes(report)).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, fixesCertain: 0, fixesSuggested: 0 });
    // And the engine did read it: four programs, with their kegiatan and sub kegiatan.
    const programs = report.sheets[0].programs;
    expect(programs.map((p) => p.children.length)).toEqual([2, 1, 1, 1]);
    expect(programs.flatMap((p) => p.children.map((k) => k.children.length))).toEqual([2, 1, 1, 4, 2]);
    expect(report.sheets[0].indicators).toHaveLength(3);
  });

  test('with formulas for every total and capaian (no cached values)', () => {
    const tw = sheet('TW I', { budget: budget(), indicators: seedIndicators() });
    // Program PENUNJANG (row 7) = kegiatan rows 8 and 11; kegiatan row 8 = rows 9..10; capaian by formula.
    for (const col of ['N', 'O', 'P', 'Q', 'R', 'S'] as const) {
      const role = ({ N: 'pagu', O: 'kas1', P: 'kas2', Q: 'kas3', R: 'kas4', S: 'realisasi' } as const)[col];
      tw.set(role, 0, fx(`=${col}8+${col}11`));
      tw.set(role, 1, fx(`=SUM(${col}9:${col}10)`));
    }
    for (let i = 0; i < 6; i++) tw.set('capaian', i, fx(`=IF(N${7 + i}=0,"-",S${7 + i}/N${7 + i}*100)`, null, '0.00'));
    const report = analyze(tw);
    expect(allFindings(report)).toEqual([]);
    expect(allFixes(report)).toEqual([]);
  });

  test('two quarters in one workbook (different layouts), same pagu, targets and realisasi: nothing at all', () => {
    const tw1 = sheet('TW I', { quarter: 1, budget: budget(), indicators: seedIndicators() });
    const tw2 = sheet('TW II', { quarter: 2, budget: budget(), indicators: seedIndicators(), columns: 'kode-first' });
    const report = analyze([tw1, tw2]);
    expect(allFindings(report)).toEqual([]);
    expect(allFixes(report)).toEqual([]);
  });
});
