// The catalogue of rules: complete, unique, bilingual, matched by the engine's rules and by these tests,
// and the severity of every finding the engine makes is the catalogue's.
import * as fs from 'fs';
import * as path from 'path';
import { QUARTER_RULES, SHEET_RULES, layoutNotFound } from '../../src/engine/rules';
import { RULES } from '../../src/engine/rules/catalogue';
import type { WorkbookReport } from '../../src/engine/types';
import { pengendalian, small, smallWith } from '../helpers/examples';
import { I, K, P, S, allFindings, analyze, assertCatalogueSeverities, err, rawSheet, ruleMeta, sheet } from '../helpers/table';

const ids = RULES.map((r) => r.id);

describe('the rule catalogue', () => {
  test('has the 15 rules, each id once', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [
        'formula-error',
        'display-overflow',
        'hash-literal',
        'number-as-text',
        'capaian-mismatch',
        'indicator-capaian-mismatch',
        'rollup-mismatch',
        'kas-pagu-mismatch',
        'realisasi-over-pagu',
        'tree-incomplete',
        'missing-name',
        'ambiguous-level',
        'quarter-decrease',
        'quarter-change',
        'layout-not-found',
      ].sort(),
    );
  });

  test.each(ids)('%s has a test file in tests/rules', (id) => {
    expect(fs.existsSync(path.join(__dirname, `${id}.test.ts`))).toBe(true);
  });

  test.each(ids)('%s has its own source file in src/engine/rules', (id) => {
    expect(fs.existsSync(path.join(__dirname, '..', '..', 'src', 'engine', 'rules', `${id}.ts`))).toBe(true);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s has an Indonesian and an English title and description, and a severity', (_, r) => {
    for (const text of [r.title.id, r.title.en, r.checks.id, r.checks.en]) {
      expect(typeof text).toBe('string');
      expect(text.trim().length).toBeGreaterThan(3);
    }
    expect(r.title.id).not.toBe(r.title.en);
    expect(r.checks.id).not.toBe(r.checks.en);
    expect(['error', 'warning', 'info']).toContain(r.severity);
  });

  test('every rule the engine runs is in the catalogue, and every catalogue rule is run', () => {
    const run = [...SHEET_RULES.map((r) => r.id), ...QUARTER_RULES.map((r) => r.id), layoutNotFound.id];
    expect(new Set(run).size).toBe(run.length);
    expect([...run].sort()).toEqual([...ids].sort());
  });

  test('ruleMeta finds every id and refuses an unknown one', () => {
    for (const id of ids) expect(ruleMeta(id).id).toBe(id);
    expect(() => ruleMeta('no-such-rule' as never)).toThrow();
  });
});

describe('severities of the findings', () => {
  test('the check every test runs (analyze() in tests/helpers/table.ts) rejects a finding whose severity is not the catalogue\'s', () => {
    const report = analyze(sheet('TW I', { budget: smallWith({ 0: { realisasi: 150, capaian: 30 } }) }));
    expect(() => assertCatalogueSeverities(report)).not.toThrow();
    expect(report.sheets[0].findings[0].severity).toBe('error');
    const tampered: WorkbookReport = {
      ...report,
      sheets: report.sheets.map((s) => ({ ...s, findings: s.findings.map((f, i) => (i === 0 ? { ...f, severity: 'info' as const } : f)) })),
    };
    expect(() => assertCatalogueSeverities(tampered)).toThrow(/catalogue/);
  });

  test('one workbook with every defect: all 15 rules fire, each finding with the catalogue severity', () => {
    const H = '#####';
    const tw1 = sheet('TW I', {
      quarter: 1,
      budget: [...small(), ...pengendalian()],
      indicators: [I('Indeks Kepuasan Masyarakat', [84.17, 84.17, 84.17, 84.17], 83.29)],
    });
    const tw2 = sheet('TW II', {
      quarter: 2,
      widths: { pagu: 12 }, // display-overflow
      budget: [
        ...smallWith({
          0: { realisasi: 150, capaian: 30 }, // rollup-mismatch (a kegiatan left out)
          1: { kas: [H, 100, 50, 50] }, // hash-literal
          2: { pagu: 250, kas: [50, 50, 50, 50], capaian: 40 }, // quarter-change (200 -> 250), kas-pagu-mismatch
          3: { nama: '', realisasi: 150, capaian: 150 }, // missing-name, realisasi-over-pagu
          5: { realisasi: '80', capaian: err('#DIV/0!') }, // number-as-text, formula-error
        }),
        // pagu 400 but only 300 below (tree-incomplete); realisasi lower than TW I (quarter-decrease); capaian wrong.
        P('PROGRAM PENGENDALIAN PELAKSANAAN PENANAMAN MODAL', 400, [100, 100, 100, 100], 100, 99),
        K('Pengendalian Pelaksanaan Penanaman Modal yang menjadi Kewenangan Daerah Kab/Kota', 300, [100, 100, 50, 50], 100),
        S('Koordinasi dan Sinkronisasi Pembinaan Pelaksanaan Penanaman Modal', 300, [100, 100, 50, 50], 100),
      ],
      indicators: [I('Indeks Kepuasan Masyarakat', [84.17, 84.17, 84.17, 84.17], 83.29, 90)], // indicator-capaian-mismatch
    });
    // ambiguous-level: a section without program names that adds up in no way.
    const loose = sheet('Lampiran', {
      quarter: null,
      budget: [K('Baris Satu', 300, [100, 100, 50, 50], 150), S('Baris Dua', 120, [50, 20, 50, 0], 10), S('Baris Tiga', 70, [50, 10, 0, 10], 20)],
    });
    const cover = rawSheet('Sampul', [['PENGUKURAN KINERJA TAHUN 2022']]); // layout-not-found
    const report = analyze([cover, tw1, tw2, loose]);
    const found = allFindings(report);
    expect([...new Set(found.map((f) => f.rule))].sort()).toEqual([...ids].sort());
    for (const f of found) expect(f.severity).toBe(ruleMeta(f.rule).severity);
    // The summary counts by the same severities.
    const count = (s: string) => found.filter((f) => f.severity === s).length;
    expect(report.summary).toMatchObject({ errors: count('error'), warnings: count('warning'), infos: count('info') });
  });
});
