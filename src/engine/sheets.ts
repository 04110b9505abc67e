// Sheets Capaian writes itself (the change log, the reviewer's report, the saved choices): never analysed.
// A module of its own so that the add-in can name them without loading the whole engine.
export const CAPAIAN_SHEETS = ['Log Capaian', 'Laporan Validasi', '_capaian_settings'];
