// Every user-facing string of the add-in, in Bahasa Indonesia (default) and English.
export type Lang = 'id' | 'en';

/** English when Office's display language is English, Bahasa Indonesia otherwise. */
export function langOf(displayLanguage: string | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'id';
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const STRINGS = {
  id: {
    ribbonGroup: 'Capaian',
    recalcButton: 'Hitung Ulang Capaian',
    checkButton: 'Periksa Sebelum Kirim',
    recalcDone: (fixed: number, toCheck: number) =>
      `${fixed} sel diperbaiki, ${toCheck} perlu diperiksa${toCheck > 0 ? ' — buka Periksa Sebelum Kirim' : ''}.`,
    recalcNothing: (toCheck: number) =>
      toCheck > 0 ? `Tidak ada yang perlu diperbaiki otomatis; ${toCheck} perlu diperiksa — buka Periksa Sebelum Kirim.` : 'Semua capaian sudah benar; tidak ada yang diubah.',
    noTable: 'Tidak ditemukan tabel Pengukuran Kinerja di buku kerja ini (judul kolom PAGU, REALISASI, CAPAIAN…).',
    skippedProtected: (sheets: string[]) =>
      `Lembar ${sheets.map((s) => `"${s}"`).join(', ')} dilindungi (protected): tidak ada yang ditulis ke ${plural(sheets.length, 'lembar itu', 'lembar-lembar itu')}.`,
    skippedChanged: (n: number) => `${n} sel berubah sejak diperiksa dan dibiarkan.`,
    failed: (msg: string) => `Gagal menulis perbaikan; tidak ada yang diubah. (${msg})`,
    undoDone: (n: number) => `${n} sel dikembalikan seperti semula.`,
    undoChanged: (n: number) => `${n} sel sudah diubah lagi setelah perbaikan, jadi dibiarkan.`,
    undoNothing: 'Tidak ada perbaikan yang dapat dibatalkan.',
    paneTitle: 'Periksa Sebelum Kirim',
    ready: 'Siap dikirim',
    notReady: 'Belum siap',
    errors: 'Kesalahan',
    warnings: 'Peringatan',
    notes: 'Catatan',
    recheck: 'Periksa ulang',
    fixAll: (n: number) => `Perbaiki semua yang pasti (${n})`,
    undo: 'Batalkan',
    reading: 'Membaca buku kerja…',
    writing: 'Menulis perbaikan…',
    noFindings: 'Tidak ada temuan.',
    findingsTitle: 'Temuan',
    cellLabel: (sheet: string, cell: string) => `${sheet}!${cell}`,
    found: 'ditemukan',
    expected: 'seharusnya',
  },
  en: {
    ribbonGroup: 'Capaian',
    recalcButton: 'Recalculate Capaian',
    checkButton: 'Check Before Sending',
    recalcDone: (fixed: number, toCheck: number) =>
      `${fixed} ${plural(fixed, 'cell', 'cells')} fixed, ${toCheck} to check${toCheck > 0 ? ' — open Check Before Sending' : ''}.`,
    recalcNothing: (toCheck: number) =>
      toCheck > 0 ? `Nothing to fix automatically; ${toCheck} to check — open Check Before Sending.` : 'Every capaian is already right; nothing was changed.',
    noTable: 'No Pengukuran Kinerja table was found in this workbook (headers PAGU, REALISASI, CAPAIAN…).',
    skippedProtected: (sheets: string[]) => `${plural(sheets.length, 'Sheet', 'Sheets')} ${sheets.map((s) => `"${s}"`).join(', ')} ${plural(sheets.length, 'is', 'are')} protected: nothing was written there.`,
    skippedChanged: (n: number) => `${n} ${plural(n, 'cell', 'cells')} changed since the check and ${plural(n, 'was', 'were')} left alone.`,
    failed: (msg: string) => `Writing the fixes failed; nothing was changed. (${msg})`,
    undoDone: (n: number) => `${n} ${plural(n, 'cell', 'cells')} restored.`,
    undoChanged: (n: number) => `${n} ${plural(n, 'cell was', 'cells were')} changed again after the fix, so left alone.`,
    undoNothing: 'There is no fix to undo.',
    paneTitle: 'Check Before Sending',
    ready: 'Ready to send',
    notReady: 'Not ready',
    errors: 'Errors',
    warnings: 'Warnings',
    notes: 'Notes',
    recheck: 'Check again',
    fixAll: (n: number) => `Fix everything certain (${n})`,
    undo: 'Undo',
    reading: 'Reading the workbook…',
    writing: 'Writing the fixes…',
    noFindings: 'No findings.',
    findingsTitle: 'Findings',
    cellLabel: (sheet: string, cell: string) => `${sheet}!${cell}`,
    found: 'found',
    expected: 'expected',
  },
} as const;

export type Strings = (typeof STRINGS)['id'];
export function strings(lang: Lang): Strings {
  return STRINGS[lang] as unknown as Strings;
}
