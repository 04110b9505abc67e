// Correct tables with the seed's names and amounts (every parent = sum of its rows, kas TW I–IV = pagu),
// and a small table with round numbers for rule tests.
import { BudgetSpec, I, IndicatorSpec, K, P, S } from './table';

/** Three programs, seven kegiatan/sub kegiatan levels, amounts as in the seed's TW I. Rows 0..15. */
export function seedBudget(): BudgetSpec[] {
  return [
    P('PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', 73875000, [19252500, 21245000, 15692500, 17685000], 10465240),
    K('Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah', 49965000, [15267500, 15267500, 9715000, 9715000], 6482620),
    S('Penyusunan Dokumen Perencanaan Perangkat Daerah', 33935000, [9127500, 9127500, 7840000, 7840000], 4632620),
    S('Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD', 16030000, [6140000, 6140000, 1875000, 1875000], 1850000),
    K('Administrasi Barang Milik Daerah pada Perangkat Daerah', 23910000, [3985000, 5977500, 5977500, 7970000], 3982620),
    S('Penatausahaan Barang Milik Daerah pada SKPD', 23910000, [3985000, 5977500, 5977500, 7970000], 3982620),
    P('PROGRAM PROMOSI PENANAMAN MODAL', 49421000, [0, 49421000, 0, 0], 800000),
    K('Penyelenggaraan Promosi Penanaman Modal yang menjadi Kewenangan Daerah Kabupaten/Kota', 49421000, [0, 49421000, 0, 0], 800000),
    S('Pelaksanaan Kegiatan Promosi Penanaman Modal Daerah Kabupaten/Kota', 49421000, [0, 49421000, 0, 0], 800000),
    P('PROGRAM PELAYANAN PENANAMAN MODAL', 246174400, [79071700, 54911700, 52482000, 59709000], 41392050),
    K('Pelayanan Perizinan dan Non Perizinan secara Terpadu Satu Pintu dibidang Penanaman Modal', 246174400, [79071700, 54911700, 52482000, 59709000], 41392050),
    S('Penyediaan Pelayanan Terpadu Perizinan dan Nonperizinan berbasis Sistem Pelayanan Perizinan Berusaha', 110765800, [43712500, 25244300, 20904500, 20904500], 25651190),
    S('Pemantauan pemenuhan Komitmen Perizinan dan Non Perizinan Penanaman Modal', 71159800, [18011300, 18009500, 17449500, 17689500], 10165860),
    S('Penyediaan Layanan Konsultasi dan Pengelolaan Pengaduan Masyarakat', 3249800, [824900, 824900, 800000, 800000], 0),
    S('Koordinasi dan Sinkronisasi Penetapan pemberian Fasilitas/Insentif Daerah', 60999000, [16523000, 10833000, 13328000, 20315000], 5575000),
  ];
}

/** The PROGRAM PENGENDALIAN block of the seed (program, kegiatan, two sub kegiatan). */
export function pengendalian(): BudgetSpec[] {
  return [
    P('PROGRAM PENGENDALIAN PELAKSANAAN PENANAMAN MODAL', 412786800, [72110600, 153877000, 149178000, 37621200], 24270000),
    K('Pengendalian Pelaksanaan Penanaman Modal yang menjadi Kewenangan Daerah Kab/Kota', 412786800, [72110600, 153877000, 149178000, 37621200], 24270000),
    S('Koordinasi dan Sinkronisasi Pembinaan Pelaksanaan Penanaman Modal', 375108000, [57650000, 142877000, 139750000, 34831000], 17936000),
    S('Koordinasi dan Sinkronisasi Pengawasan Pelaksanaan Penanaman Modal', 37678800, [14460600, 11000000, 9428000, 2790200], 6334000),
  ];
}

/** Indicators standing on the three programs of seedBudget(), percent targets. */
export function seedIndicators(): IndicatorSpec[] {
  return [
    I('Persentase Capaian Kinerja program', [100, 100, 100, 100], 14.28, undefined, {
      formulasi: 'Jumlah kegiatan dgn capaian kinerja minimal 80% x 100 %',
      sasaran: 'Meningkatnya Kinerja Lembaga dan Aparatur',
    }),
    I('Persentase Potensi dan Peluang Investasi yang Dipromosikan', [0.39, 0.39, 0.39, 0.39], -0.89, undefined, {
      tujuan: 'Meningkatnya Nilai Investasi Daerah',
      sasaran: 'Meningkatnya Nilai Penanaman Modal',
    }),
    I('Indeks Kepuasan Masyarakat', [84.17, 84.17, 84.17, 84.17], 83.29, undefined, {
      tujuan: 'Meningkatnya Kualitas Penyelenggaraan Pelayanan Publik Pemerintahan',
    }),
  ];
}

/**
 * A small correct table with round numbers (rows 0..5, sheet rows 7..12 in the default layout):
 *   0 PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL  500  [200 200 50 50]  230
 *   1   Pembuatan Peta Potensi Investasi           300  [100 100 50 50]  150
 *   2     Penyediaan Peta Potensi                  200  [ 50  50 50 50]  100
 *   3     Penyusunan Profil Investasi              100  [ 50  50  0  0]   50
 *   4   Fasilitasi Kemitraan Usaha                 200  [100 100  0  0]   80
 *   5     Fasilitasi Kemitraan dengan UMKM         200  [100 100  0  0]   80
 */
export function small(): BudgetSpec[] {
  return [
    P('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL', 500, [200, 200, 50, 50], 230),
    K('Pembuatan Peta Potensi Investasi', 300, [100, 100, 50, 50], 150),
    S('Penyediaan Peta Potensi', 200, [50, 50, 50, 50], 100),
    S('Penyusunan Profil Investasi', 100, [50, 50, 0, 0], 50),
    K('Fasilitasi Kemitraan Usaha', 200, [100, 100, 0, 0], 80),
    S('Fasilitasi Kemitraan dengan UMKM', 200, [100, 100, 0, 0], 80),
  ];
}

/** A copy of a budget row spec with some fields replaced. */
export function edit(row: BudgetSpec, changes: Partial<Omit<BudgetSpec, 'kind'>>): BudgetSpec {
  return { ...row, ...changes, kas: changes.kas ?? ([...row.kas] as BudgetSpec['kas']), opts: { ...row.opts, ...(changes.opts ?? {}) } };
}

/** small() with edits applied by row index. */
export function smallWith(edits: Record<number, Partial<Omit<BudgetSpec, 'kind'>>>): BudgetSpec[] {
  return small().map((r, i) => (edits[i] ? edit(r, edits[i]) : r));
}
