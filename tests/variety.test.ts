// Workbooks of other offices: other header words, codes written in front of names, capaian as
// fractions under a % format, merged indicator cells, programs without the word PROGRAM.
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../src/engine/analyze';
import { snapshotFromWorkbook } from '../src/xlsx/snapshot';

function officeB(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Triwulan 3');
  ws.addRow(['LAPORAN PENGUKURAN KINERJA TRIWULAN III 2023']);
  ws.addRow([]);
  ws.addRow(['KODE / URAIAN', 'ANGGARAN (Rp)', 'RENCANA PENARIKAN DANA', null, null, null, 'REALISASI KEUANGAN', 'CAPAIAN KEUANGAN (%)']);
  ws.addRow([null, null, 'TW 1', 'TW 2', 'TW 3', 'TW 4', null, null]);
  ws.mergeCells('C3:F3');
  for (const c of ['A', 'B', 'G', 'H']) ws.mergeCells(`${c}3:${c}4`);
  const rows: [string, number, number[], number, number][] = [
    ['1.02.02 PROGRAM PEMENUHAN UPAYA KESEHATAN', 1000000, [250000, 250000, 250000, 250000], 600000, 0.6],
    ['1.02.02.2.01 Penyediaan Fasilitas Pelayanan Kesehatan', 700000, [175000, 175000, 175000, 175000], 400000, 0.5714],
    ['1.02.02.2.01.0001 Pembangunan Puskesmas', 500000, [125000, 125000, 125000, 125000], 300000, 0.6],
    ['1.02.02.2.01.0002 Rehabilitasi Puskesmas', 200000, [50000, 50000, 50000, 50000], 100000, 0.5],
    ['1.02.02.2.02 Penyediaan Layanan Kesehatan', 300000, [75000, 75000, 75000, 75000], 150000, 0.3], // realisasi leaves out 50.000
    ['1.02.02.2.02.0001 Pengelolaan Pelayanan Kesehatan Ibu Hamil', 300000, [75000, 75000, 75000, 75000], 200000, 0.6667],
  ];
  for (const [n, p, k, r, c] of rows) {
    const row = ws.addRow([n, p, ...k, r, c]);
    for (let i = 2; i <= 7; i++) row.getCell(i).numFmt = '#,##0';
    row.getCell(8).numFmt = '0.00%';
  }
  ws.getColumn(1).width = 60;
  for (let i = 2; i <= 8; i++) ws.getColumn(i).width = 14;
  return wb;
}

function officeC(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('TW2');
  s.addRow(['No', 'Sasaran Strategis', 'Indikator Sasaran', 'Target TW I', 'Target TW II', 'Target TW III', 'Target TW IV', 'Realisasi (%)', 'Capaian (%)', 'Program/Kegiatan/Sub Kegiatan', 'Pagu', 'Realisasi (Rp)', 'Capaian (%)']);
  const data: (string | number | null)[][] = [
    [1, 'Meningkatnya kualitas pendidikan', 'Angka Partisipasi Sekolah', 90, 90, 90, 90, 85, 90, 'Pengelolaan Pendidikan', 500, 200, 40],
    [null, null, null, null, null, null, null, null, null, 'Pengelolaan Pendidikan Sekolah Dasar', 300, 120, 40],
    [null, null, null, null, null, null, null, null, null, 'Pembangunan Gedung Sekolah', 300, 120, 40],
    [null, null, null, null, null, null, null, null, null, 'Pengelolaan Pendidikan SMP', 200, 80, 40],
    [null, null, null, null, null, null, null, null, null, 'Pembangunan Ruang Kelas Baru', 150, 50, 33.33],
    [null, null, null, null, null, null, null, null, null, 'Rehabilitasi Ruang Kelas', 50, 30, 60],
  ];
  for (const d of data) s.addRow(d);
  for (const c of ['A', 'B', 'C']) s.mergeCells(`${c}2:${c}7`);
  return wb;
}

test('KODE / URAIAN in one column, codes in front of names, capaian as fractions under 0.00%', () => {
  const r = analyzeWorkbook(snapshotFromWorkbook(officeB()));
  const s = r.sheets[0];
  expect(s.layout!.columns).toMatchObject({ nama: 0, pagu: 1, kas1: 2, kas4: 5, realisasi: 6, capaian: 7 });
  expect(s.layout!.quarter).toBe(3);
  expect(s.programs).toHaveLength(1);
  expect(s.programs[0].kode).toBe('1.02.02');
  expect(s.programs[0].nama).toBe('PROGRAM PEMENUHAN UPAYA KESEHATAN');
  expect(s.programs[0].children.map((k) => k.kode)).toEqual(['1.02.02.2.01', '1.02.02.2.02']);
  const fix = s.fixes.find((f) => f.cell === 'G9')!;
  expect(fix).toMatchObject({ rule: 'rollup-mismatch', old: 150000, new: 200000, certain: true });
  // the capaian cell is percent-formatted: the fraction 200.000 / 300.000 is written
  const h9 = s.fixes.find((f) => f.cell === 'H9')!;
  expect(h9).toMatchObject({ rule: 'capaian-mismatch', new: 0.6667 });
  expect(h9.write!.value as number).toBeCloseTo(200000 / 300000, 12);
  expect(s.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(['G9', 'H9']);
});

test('merged indicator cells and programs found by the balance of pagu, without the word PROGRAM', () => {
  const r = analyzeWorkbook(snapshotFromWorkbook(officeC()));
  const s = r.sheets[0];
  expect(s.layout!.quarter).toBe(2);
  expect(s.programs.map((p) => p.nama)).toEqual(['Pengelolaan Pendidikan']);
  expect(s.programs[0].children.map((k) => k.nama)).toEqual(['Pengelolaan Pendidikan Sekolah Dasar', 'Pengelolaan Pendidikan SMP']);
  expect(s.indicators).toHaveLength(1);
  expect(s.indicators[0].nama).toBe('Angka Partisipasi Sekolah');
  // capaian indicator stated 90, but 85 / 90 × 100 = 94,44
  const f = s.findings.find((x) => x.rule === 'indicator-capaian-mismatch')!;
  expect(f).toMatchObject({ cell: 'I2', actual: 90, expected: 94.44 });
  expect(s.findings.filter((x) => x.rule === 'ambiguous-level')).toEqual([]);
});
