// Small quarter tables for the pane's tests (no DOM needed).
import { I, K, P, S, sheet } from '../helpers/table';

/** A quarter sheet the engine finds nothing wrong with. */
export function correctSheet(name = 'TW I', quarter: 1 | 2 | 3 | 4 = 1) {
  return sheet(name, {
    quarter,
    budget: [
      P('PROGRAM PENUNJANG URUSAN', 300, [100, 100, 50, 50], 150),
      K('Kegiatan Administrasi', 300, [100, 100, 50, 50], 150),
      S('Sub Satu', 200, [50, 50, 50, 50], 100),
      S('Sub Dua', 100, [50, 50, 0, 0], 50),
    ],
    indicators: [I('Persentase layanan', [25, 50, 75, 100], 20)],
  });
}

/**
 * Two programs with defects. Findings (0-based data rows from sheet row 7):
 *   errors   TW I!N8 pagu 290 ≠ 300, R8 kas IV 40 ≠ 50, T8 capaian, T10 capaian 40 ≠ 50, L7 indicator 90 ≠ 80
 *   warnings TW I!S11, S12, S13 realisasi 120 over pagu 100 (second program)
 * Certain fixes: N8, R8, T8, T10, L7.
 */
export function faultySheet(name = 'TW I') {
  return sheet(name, {
    quarter: 1,
    budget: [
      P('PROGRAM PENUNJANG URUSAN', 300, [100, 100, 50, 50], 150),
      K('Kegiatan Administrasi', 290, [100, 100, 50, 40], 150),
      S('Sub Satu', 200, [50, 50, 50, 50], 100),
      S('Sub Dua', 100, [50, 50, 0, 0], 50, 40),
      P('PROGRAM PELAYANAN', 100, [25, 25, 25, 25], 120),
      K('Kegiatan Pelayanan', 100, [25, 25, 25, 25], 120),
      S('Sub Tiga', 100, [25, 25, 25, 25], 120),
    ],
    indicators: [I('Persentase layanan', [25, 50, 75, 100], 20, 90)],
  });
}
