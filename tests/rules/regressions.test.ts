// Regressions: engine behaviours found wrong by the rule tests, now fixed.
import { small, smallWith } from '../helpers/examples';
import { cellsOf, theFinding, theFix } from '../helpers/expect';
import { I, K, P, S, analyze, findings, fixAt, fixesOf, sheet } from '../helpers/table';

test('a kegiatan pagu typed too high must not raise its (correct) program with a certain fix', () => {
  const tw = sheet('TW I', {
    budget: [
      P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 300, [100, 100, 50, 50], 150),
      K('Pembuatan Peta Potensi Investasi', 350, [100, 100, 50, 50], 150, 42.86),
      S('Penyediaan Peta Potensi', 200, [50, 50, 50, 50], 100),
      S('Penyusunan Profil Investasi', 100, [50, 50, 0, 0], 50),
    ],
  });
  const report = analyze(tw);
  // The program agrees with its sub kegiatan (200 + 100) and with its own kas plan: it must not be changed for certain.
  const prog = fixAt(report, 'N7');
  expect(prog === undefined || prog.certain === false).toBe(true);
  expect(fixAt(report, 'T7')).toBeUndefined();
  // the kegiatan disagrees with both its rows and its program: it is the one lowered
  expect(theFix(report, 'N8')).toMatchObject({ rule: 'rollup-mismatch', old: 350, new: 300, certain: true });
});

test('a program fix that rests on a suggested (uncertain) kegiatan fix must not be certain', () => {
  const tw = sheet('TW I', {
    budget: [
      P('PROGRAM PROMOSI PENANAMAN MODAL', 49421000, [0, 49421000, 0, 100], 800000),
      K('Penyelenggaraan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, 100], 800000),
      S('Pelaksanaan Kegiatan Promosi Penanaman Modal', 49421000, [0, 49421000, 0, null], 800000),
    ],
  });
  const report = analyze(tw);
  expect(theFix(report, 'R8').certain).toBe(false);
  // the suggestion is not built upon: no repair of the program at all
  expect(fixAt(report, 'R7')).toBeUndefined();
});

test('a first data row whose amounts are all 0 is not a row of column numbers', () => {
  const tw = sheet('TW I', {
    budget: [
      P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 0, [0, 0, 0, 0], 0, 0),
      K('Pembuatan Peta Potensi Investasi', 0, [0, 0, 0, 0], 0, 0),
      S('Penyediaan Peta Potensi', 0, [0, 0, 0, 0], 0, 0),
      ...small(),
    ],
  });
  const report = analyze(tw);
  expect(report.sheets[0].layout!.firstDataRow).toBe(6);
  expect(report.sheets[0].programs.map((p) => p.nama)).toEqual(['PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 'PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL']);
  expect(findings(report, 'ambiguous-level')).toEqual([]);
});

test('rows under a program that balance nothing are all reported as ambiguous', () => {
  const two = sheet('TW I', {
    budget: [
      P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 1000, [400, 300, 200, 100], 500),
      K('Baris A', 100, [10, 20, 30, 40], 7),
      S('Baris B', 37, [1, 2, 3, 31], 5),
    ],
  });
  expect(cellsOf(findings(analyze(two), 'ambiguous-level'))).toEqual(['M8', 'M9']);
  const three = sheet('TW I', {
    budget: [
      P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 1000, [400, 300, 200, 100], 500),
      K('Baris A', 100, [10, 20, 30, 40], 7),
      S('Baris B', 37, [1, 2, 3, 31], 5),
      S('Baris C', 12, [6, 6, 0, 0], 3),
    ],
  });
  expect(cellsOf(findings(analyze(three), 'ambiguous-level'))).toEqual(['M8', 'M9', 'M10']);
});

test('a "#####" capaian that is recomputed is not reported as undeterminable', () => {
  const tw = sheet('TW I', { budget: smallWith({ 1: { capaian: '#####' } }) });
  const report = analyze(tw);
  expect(theFix(report, 'T8').new).toBe(50);
  const f = theFinding(report, 'hash-literal', 'T8');
  expect(f.expected).toBe(50);
  expect(f.messageEn).not.toMatch(/no other row determines it/);
});

test('a "#####" in a percent-formatted capaian column is rewritten in the column\'s form', () => {
  const tw = sheet('TW I', { percentCapaian: true, budget: smallWith({ 1: { capaian: '#####' } }) });
  const fix = theFix(analyze(tw), 'T8');
  expect(fix.write).toEqual({ value: 0.5, numberFormat: '0.00%' });
});

test('capaian "-" where a value is due is reported as "-", not 0', () => {
  const report = analyze(sheet('TW I', { budget: smallWith({ 0: { capaian: '-' } }) }));
  expect(theFinding(report, 'capaian-mismatch', 'T7').actual).toBe('-');
});

test('indicator messages show percents as the cell shows them, not raw fractions', () => {
  const tw = sheet('TW I', { budget: small(), indicators: [I('Persentase Potensi', [0.39, 0.39, 0.39, 0.39], -0.89, -200)] });
  const f = theFinding(analyze(tw), 'indicator-capaian-mismatch', 'L7');
  expect(f.messageEn).not.toContain('0.0039');
  expect(f.messageEn).toContain('0,39%');
});

test('formula-error gives the expected value when its fix determines it', () => {
  const tw = sheet('TW I', { budget: smallWith({ 0: { capaian: { value: '#DIV/0!', isError: true, formula: '=S7/N7*100' } } }) });
  const report = analyze(tw);
  expect(theFix(report, 'T7').new).toBe(46);
  expect(theFinding(report, 'formula-error', 'T7').expected).toBe(46);
});
