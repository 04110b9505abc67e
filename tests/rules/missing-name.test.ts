// missing-name: a budget row with amounts and no name.
import { pengendalian, small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding } from '../helpers/expect';
import { analyze, allFixes, findings, sheet } from '../helpers/table';

const RULE = 'missing-name';

describe('missing-name finds', () => {
  test('a sub kegiatan row with amounts and no name: finding on the name cell', () => {
    const tw = sheet('TW I', { budget: smallWith({ 3: { nama: '' } }) });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('nama', 3)]);
    const f = theFinding(report, RULE, 'M10', 'TW I');
    expect(f.actual).toBeNull();
    expect(f.expected).toBeNull();
    // The message says where the row is and what it holds.
    expect(f.messageEn).toContain('Pembuatan Peta Potensi Investasi');
    expect(f.messageEn).toContain('Rp 100');
    // A name cannot be made up: no fix.
    expect(allFixes(report).filter((x) => x.cell === 'M10')).toEqual([]);
  });

  test('in the kode-first layout, a row without name and without code', () => {
    const budget = pengendalian();
    budget[3] = { ...budget[3], nama: '', opts: { kode: '' } };
    const tw = sheet('Triwulan I', { columns: 'kode-first', budget });
    const report = analyze(tw);
    expect(cellsOf(findings(report, RULE))).toEqual([tw.at('nama', 3)]);
    expect(tw.at('nama', 3)).toBe('B10');
  });
});

describe('missing-name stays quiet', () => {
  test('when every row has a name', () => {
    expect(findings(analyze(sheet('TW I', { budget: small() })), RULE)).toEqual([]);
  });

  test('on a row with a KODE but no name (the code identifies it)', () => {
    const budget = pengendalian();
    budget[3] = { ...budget[3], nama: '' };
    const tw = sheet('Triwulan I', { columns: 'kode-first', budget });
    expect(tw.cell('kode', 3)?.value).toBe('2.18.02.2.01.0002');
    expect(findings(analyze(tw), RULE)).toEqual([]);
  });

  test('on blank rows between blocks', () => {
    const budget = small();
    const tw = sheet('TW I', { budget: [...budget.slice(0, 4), { kind: 'blank' }, ...budget.slice(4)] });
    const report = analyze(tw);
    expect(findings(report, RULE)).toEqual([]);
    expect(report.summary.errors + report.summary.warnings).toBe(0);
  });
});
