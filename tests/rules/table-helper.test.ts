// The snapshot builder of tests/helpers/table.ts: what it builds is what the rule tests assume.
import { small } from '../helpers/examples';
import { I, P, S, K, analyze, columnsOf, err, fx, letter, sheet } from '../helpers/table';

describe('sheet() builds the seed layout', () => {
  const tw = sheet('TW II', { quarter: 2, budget: small(), indicators: [I('Indeks Kepuasan Masyarakat', [84.17, 84.17, 84.17, 84.17], 83.29)] });

  test('titles, two merged header rows, a row of column numbers, data from sheet row 7', () => {
    expect(tw.cells[0][0]?.value).toMatch(/^PENGUKURAN KINERJA/);
    expect(tw.cells[1][0]?.value).toBe('S/D TRIWULAN II TAHUN 2022');
    expect(tw.cells[3].map((c) => c?.value ?? null).filter((v) => v)).toEqual([
      'NO', 'TUJUAN', 'INDIKATOR TUJUAN', 'SASARAN STRATEGIS', 'INDIKATOR SASARAN', 'FORMULASI PERHITUNGAN INDIKATOR KINERJA',
      'TARGET', 'REALISASI %', 'CAPAIAN %', 'PROGRAM / KEGIATAN / SUB KEGIATAN', 'PAGU', 'ANGGARAN KAS', 'REALISASI (Rp)', 'CAPAIAN (%)',
    ]);
    expect(tw.cells[4].map((c) => c?.value ?? null).filter((v) => v)).toEqual([
      'TRW I', 'TRW II', 'TRW III', 'TRW IV', 'TRIWULAN I', 'TRIWULAN II', 'TRIWULAN III', 'TRIWULAN IV',
    ]);
    expect(tw.merges).toEqual(expect.arrayContaining([{ top: 3, left: 6, bottom: 3, right: 9 }, { top: 3, left: 14, bottom: 3, right: 17 }, { top: 3, left: 0, bottom: 4, right: 0 }]));
    expect(tw.cells[5].map((c) => c?.value)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(tw.firstDataRow).toBe(6);
    expect(tw.at('pagu', 0)).toBe('N7');
    expect(tw.at('capaianIndikator', 0)).toBe('L7');
  });

  test('numbers as numbers with formats; capaian computed; indicator percents as fractions', () => {
    expect(tw.cell('pagu', 0)).toEqual({ value: 500, numberFormat: '#,##0' });
    expect(tw.cell('capaian', 0)).toEqual({ value: 46, numberFormat: '0.00' });
    expect(tw.cell('target1', 0)).toEqual({ value: 0.8417, numberFormat: '0.00%' });
    // TW II sheet: capaian against the TW II target.
    expect(tw.cell('capaianIndikator', 0)).toEqual({ value: 0.9895, numberFormat: '0.00%' });
  });

  test('the engine reads the layout the builder meant', () => {
    const layout = analyze(tw).sheets[0].layout!;
    expect(layout).toMatchObject({ headerTop: 3, headerBottom: 4, firstDataRow: 6, lastDataRow: 11, quarter: 2 });
    expect(layout.columns).toEqual(columnsOf('seed'));
  });

  test('kode-first: KODE column and codes by level, budget block then indicators', () => {
    const k = sheet('Triwulan I', { columns: 'kode-first', budget: small() });
    expect(k.at('kode', 0)).toBe('A7');
    expect([0, 1, 2, 3, 4, 5].map((i) => k.cell('kode', i)?.value)).toEqual([
      '2.18.02', '2.18.02.2.01', '2.18.02.2.01.0001', '2.18.02.2.01.0002', '2.18.02.2.02', '2.18.02.2.02.0001',
    ]);
    const layout = analyze(k).sheets[0].layout!;
    expect(layout.columns).toEqual(columnsOf('kode-first'));
    expect(letter(layout.columns.capaianIndikator!)).toBe('U');
  });

  test('text numbers, formulas and errors', () => {
    const t = sheet('TW I', {
      textNumbers: true,
      budget: [P('PROGRAM X', 55599900, [0, 55599900, 0, 0], 800000), K('Kegiatan', fx('=N9'), null, err('#REF!')), S('Sub', 1.5, null, null)],
      indicators: [I('Indikator', [0.39, 0.39, 0.39, 0.39], -0.89)],
    });
    expect(t.cell('pagu', 0)).toEqual({ value: '55.599.900', numberFormat: '@' });
    expect(t.cell('capaian', 0)).toEqual({ value: '1,44', numberFormat: '@' });
    expect(t.cell('target1', 0)).toEqual({ value: '0,39%', numberFormat: '@' });
    expect(t.cell('pagu', 1)).toEqual({ value: null, formula: '=N9' });
    expect(t.cell('realisasi', 1)).toEqual({ value: '#REF!', isError: true });
    expect(t.cell('kas1', 1)).toBeUndefined();
    expect(t.cell('pagu', 2)).toEqual({ value: '1,50', numberFormat: '@' });
  });
});
