// The catalogue of rules: one source for the engine, the UI, the CLI and the docs.
import type { RuleId, Severity } from '../types';

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  title: { id: string; en: string };
  checks: { id: string; en: string };
}

export const RULES: readonly RuleMeta[] = [
  {
    id: 'formula-error',
    severity: 'error',
    title: { id: 'Rumus menghasilkan galat', en: 'Formula error' },
    checks: {
      id: 'Sel tabel bernilai galat Excel (#DIV/0!, #REF!, #VALUE!, #N/A, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC!).',
      en: 'A cell of the table evaluates to an Excel error (#DIV/0!, #REF!, #VALUE!, #N/A, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC!).',
    },
  },
  {
    id: 'display-overflow',
    severity: 'error',
    title: { id: 'Angka tampil sebagai ####', en: 'Number shows as ####' },
    checks: {
      id: 'Angka lebih lebar dari kolomnya, sehingga Excel menampilkan dan mencetak ####.',
      en: 'A number is wider than its column, so Excel shows and prints ####.',
    },
  },
  {
    id: 'hash-literal',
    severity: 'error',
    title: { id: 'Sel berisi teks ####', en: 'Cell holds the text ####' },
    checks: {
      id: 'Sel nilai berisi teks "####…": angkanya sendiri hilang.',
      en: 'An amount cell holds the text "####…": the number itself is lost.',
    },
  },
  {
    id: 'number-as-text',
    severity: 'warning',
    title: { id: 'Angka tersimpan sebagai teks', en: 'Number stored as text' },
    checks: {
      id: 'Nilai rupiah atau persen tersimpan sebagai teks, tidak ikut dihitung rumus.',
      en: 'An amount or percent is stored as text and is ignored by formulas.',
    },
  },
  {
    id: 'capaian-mismatch',
    severity: 'error',
    title: { id: 'Capaian anggaran tidak sesuai', en: 'Budget capaian is wrong' },
    checks: {
      id: 'CAPAIAN (%) berbeda dari realisasi / pagu × 100.',
      en: 'CAPAIAN (%) differs from realisasi / pagu × 100.',
    },
  },
  {
    id: 'indicator-capaian-mismatch',
    severity: 'error',
    title: { id: 'Capaian indikator tidak sesuai', en: 'Indicator capaian is wrong' },
    checks: {
      id: 'CAPAIAN % indikator berbeda dari hasil target, realisasi dan arah indikatornya.',
      en: 'An indicator CAPAIAN % differs from what target, realisasi and polarity give.',
    },
  },
  {
    id: 'rollup-mismatch',
    severity: 'error',
    title: { id: 'Jumlah induk tidak sesuai', en: 'Parent total is wrong' },
    checks: {
      id: 'Pagu, anggaran kas atau realisasi program/kegiatan berbeda dari jumlah rincian di bawahnya (kosong dihitung 0).',
      en: "A program's or kegiatan's pagu, kas column or realisasi differs from the sum of its children (blank counts as 0).",
    },
  },
  {
    id: 'kas-pagu-mismatch',
    severity: 'warning',
    title: { id: 'Anggaran kas ≠ pagu', en: 'Cash plan ≠ pagu' },
    checks: {
      id: 'Anggaran kas TW I–IV tidak berjumlah sama dengan pagu.',
      en: 'Anggaran kas TW I–IV do not add up to the pagu.',
    },
  },
  {
    id: 'realisasi-over-pagu',
    severity: 'warning',
    title: { id: 'Realisasi melebihi pagu', en: 'Realisasi above pagu' },
    checks: { id: 'Realisasi lebih besar dari pagu.', en: 'Realisasi is above the pagu.' },
  },
  {
    id: 'tree-incomplete',
    severity: 'warning',
    title: { id: 'Rincian tidak lengkap', en: 'Rows missing under a parent' },
    checks: {
      id: 'Jumlah pagu rincian lebih kecil dari pagu induknya: ada baris yang hilang dari lembar.',
      en: "The children's pagu adds up to less than the parent's: rows are missing from the sheet.",
    },
  },
  {
    id: 'missing-name',
    severity: 'warning',
    title: { id: 'Baris tanpa nama', en: 'Row without a name' },
    checks: { id: 'Baris berisi nilai tetapi tanpa nama program/kegiatan/sub kegiatan.', en: 'A row with amounts and no name.' },
  },
  {
    id: 'ambiguous-level',
    severity: 'warning',
    title: { id: 'Tingkat baris tidak pasti', en: 'Row level uncertain' },
    checks: {
      id: 'Tidak dapat dipastikan apakah baris ini program, kegiatan atau sub kegiatan.',
      en: 'Whether the row is a program, kegiatan or sub kegiatan cannot be determined.',
    },
  },
  {
    id: 'quarter-decrease',
    severity: 'warning',
    title: { id: 'Realisasi kumulatif turun', en: 'Cumulative realisasi decreased' },
    checks: {
      id: 'Realisasi kumulatif lebih kecil dari realisasi pada lembar triwulan sebelumnya.',
      en: "Cumulative realisasi is lower than on the previous quarter's sheet.",
    },
  },
  {
    id: 'quarter-change',
    severity: 'info',
    title: { id: 'Pagu/target berubah', en: 'Pagu or target changed' },
    checks: {
      id: 'Pagu atau target berbeda dari lembar triwulan sebelumnya.',
      en: "Pagu or target differs from the previous quarter's sheet.",
    },
  },
  {
    id: 'layout-not-found',
    severity: 'info',
    title: { id: 'Tabel tidak ditemukan', en: 'No table found' },
    checks: {
      id: 'Lembar tanpa tabel Pengukuran Kinerja yang dapat dikenali.',
      en: 'A sheet without a recognisable Pengukuran Kinerja table.',
    },
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleMeta(id: RuleId): RuleMeta {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`Unknown rule ${id}`);
  return m;
}
