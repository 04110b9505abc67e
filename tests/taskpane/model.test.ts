// The pane's pure helpers: grouping by program and by rule, the fix of a finding, values written the
// Indonesian way, the columns offered, the capaian and polarity of indicators.
import { analyze, K, P, S, I, sheet } from '../helpers/table';
import type { Finding, SheetReport } from '../../src/engine/types';
import {
  budgetCapaian,
  columnOptions,
  fixForFinding,
  formatValue,
  groupByProgram,
  groupByRule,
  indicatorViews,
  isEmptyWorkbook,
  predicateOf,
  withoutOwnSheets,
} from '../../src/taskpane/model';
import { faultySheet } from './helpers-data';

const labels = { sheetLevel: (s: string) => `${s} · seluruh lembar`, unnamedRow: (r: number) => `baris ${r}` };

test('groupByProgram: a finding belongs to the program whose rows hold it; sheet-level findings apart', () => {
  const report = analyze(faultySheet());
  const extra: Finding = { rule: 'layout-not-found', severity: 'info', sheet: 'TW I', message: 'm', messageEn: 'm', actual: null, expected: null };
  const groups = groupByProgram(report, [...report.sheets[0].findings, extra], labels);
  expect(groups.map((g) => [g.key, g.title, g.findings.map((f) => f.cell ?? '-')])).toEqual([
    ['TW I#6', 'TW I · PROGRAM PENUNJANG URUSAN', ['L7', 'N8', 'R8', 'T8', 'T10']],
    ['TW I#10', 'TW I · PROGRAM PELAYANAN', ['S11', 'S12', 'S13']],
    ['TW I#sheet', 'TW I · seluruh lembar', ['-']],
  ]);
  expect(groups[0].counts).toEqual({ errors: 5, warnings: 0, notes: 0 });
});

test('groupByRule: in the catalogue order, with the rule titles', () => {
  const report = analyze(faultySheet());
  const groups = groupByRule(report.sheets[0].findings, 'en');
  expect(groups.map((g) => [g.key, g.title, g.findings.length])).toEqual([
    ['capaian-mismatch', 'Budget capaian is wrong', 2],
    ['indicator-capaian-mismatch', 'Indicator capaian is wrong', 1],
    ['rollup-mismatch', 'Parent total is wrong', 2],
    ['realisasi-over-pagu', 'Realisasi above pagu', 3],
  ]);
});

test('fixForFinding: the cell fix at the finding, the column width for a number shown as ####', () => {
  const report = analyze(faultySheet());
  const s = report.sheets[0];
  const at = (cell: string) => s.findings.find((f) => f.cell === cell)!;
  expect(fixForFinding(s, at('N8'))).toMatchObject({ cell: 'N8', new: 300, certain: true });
  expect(fixForFinding(s, at('S13'))).toBeUndefined();
  const overflow: Finding = { rule: 'display-overflow', severity: 'error', sheet: 'TW I', cell: 'O15', message: '', messageEn: '', actual: '####', expected: 1 };
  const widths: SheetReport = { ...s, fixes: [{ rule: 'display-overflow', sheet: 'TW I', cell: 'O', kind: 'columnWidth', old: 50, new: 60, width: 60, certain: true, reason: '', reasonEn: '' }] };
  expect(fixForFinding(widths, overflow)).toMatchObject({ kind: 'columnWidth', cell: 'O' });
  expect(fixForFinding(undefined, overflow)).toBeUndefined();
});

test('formatValue writes numbers the Indonesian way', () => {
  expect(formatValue(250634400, 'id')).toBe('250.634.400');
  expect(formatValue(51.7241, 'id')).toBe('51,72');
  expect(formatValue(0.0039, 'id')).toBe('0,0039');
  expect(formatValue(-1200.5, 'en')).toBe('-1.200,5');
  expect(formatValue(null, 'id')).toBe('—');
  expect(formatValue('#####', 'id')).toBe('#####');
  expect(formatValue(true, 'id')).toBe('BENAR');
});

test('columnOptions: each column with the header words over it', () => {
  const s = sheet('TW I', { quarter: 1, budget: [P('PROGRAM A', 1, null, 1)] });
  const report = analyze(s);
  const options = columnOptions(s, report.sheets[0].layout);
  expect(options).toHaveLength(20);
  expect(options[13]).toEqual({ col: 13, letter: 'N', header: 'PAGU' });
  expect(options[14].header).toBe('ANGGARAN KAS TRIWULAN I');
  expect(options[6].header).toBe('TARGET TRW I');
});

test('capaian, predicate bands and indicator polarity', () => {
  const s = sheet('TW I', {
    quarter: 1,
    budget: [P('PROGRAM A', 200, null, 150), K('Kegiatan A', 200, null, 150), S('Sub A', 200, null, 150)],
    indicators: [I('Persentase pengaduan (semakin kecil semakin baik)', [10, 10, 10, 10], 5), I('Rentang kepuasan', ['80-90', '80-90', '80-90', '80-90'], 95, null, { at: 1 })],
  });
  const report = analyze(s, { polarity: {} });
  const row = report.sheets[0].programs[0];
  expect(budgetCapaian(row)).toBe(75);
  expect(predicateOf(75, 'id')).toBe('Sedang');
  expect(predicateOf(91, 'id')).toBe('Sangat Tinggi');
  expect(predicateOf(null, 'id')).toBeNull();
  const views = indicatorViews(report.sheets[0], s, undefined);
  expect(views.map((v) => [v.polarity, v.chosen, v.capaian !== null ? Math.round(v.capaian * 100) / 100 : null])).toEqual([
    ['lower', false, 150],
    ['range', false, Math.round((95 / 90) * 10000) / 100],
  ]);
  const chosen = indicatorViews(report.sheets[0], s, { 'TW I!7': 'higher' });
  expect(chosen[0]).toMatchObject({ polarity: 'higher', chosen: true, capaian: 50 });
});

test('the sheets Capaian writes itself are left out; an empty workbook is recognised', () => {
  const report = analyze(faultySheet());
  const withOwn = { ...report, sheets: [...report.sheets, { ...report.sheets[0], name: 'Log Capaian' }, { ...report.sheets[0], name: 'Laporan Validasi' }] };
  expect(withoutOwnSheets(withOwn).sheets.map((x) => x.name)).toEqual(['TW I']);
  expect(isEmptyWorkbook({ sheets: [{ name: 'S', cells: [[undefined, { value: '' }]] }] })).toBe(true);
  expect(isEmptyWorkbook({ sheets: [{ name: 'S', cells: [[{ value: 1 }]] }] })).toBe(false);
});
