// A sheet without a recognisable table: reported, never a crash.
import type { Collector } from '../context';

export const layoutNotFound = {
  id: 'layout-not-found' as const,
  report(out: Collector, sheet: string, hasContent: boolean): void {
    out.find(
      'layout-not-found',
      null,
      hasContent
        ? `Lembar "${sheet}" tidak berisi tabel Pengukuran Kinerja yang dikenali (judul kolom seperti PAGU, REALISASI, CAPAIAN, TARGET tidak ditemukan); lembar ini dilewati.`
        : `Lembar "${sheet}" kosong; dilewati.`,
      hasContent
        ? `Sheet "${sheet}" has no recognisable Pengukuran Kinerja table (no headers such as PAGU, REALISASI, CAPAIAN, TARGET); skipped.`
        : `Sheet "${sheet}" is empty; skipped.`,
      null,
      null,
    );
  },
  /** A header was found but no row of data under it. */
  reportEmptyTable(out: Collector, sheet: string): void {
    out.find(
      'layout-not-found',
      null,
      `Lembar "${sheet}" memiliki judul tabel Pengukuran Kinerja tetapi belum ada baris data di bawahnya.`,
      `Sheet "${sheet}" has the Pengukuran Kinerja header but no data rows under it.`,
      null,
      null,
    );
  },
};
