/** @jest-environment jsdom */
// "Laporan untuk pemeriksa": the sheet "Laporan Validasi" written from the pane and by
// writeValidationReport: date, verdict, counts, every remaining finding, every ignored finding with
// its reason, laid out for A4; written again, it replaces what it held.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ExcelLike, OfficeContextLike } from '../../src/addin/excel-like';
import { scan } from '../../src/addin/recalculate';
import { analyzeWorkbook } from '../../src/engine/analyze';
import { REPORT_SHEET, REPORT_WIDTHS, reportRows, writeValidationReport } from '../../src/addin/report-sheet';
import { IGNORED_SETTING, type IgnoredFinding } from '../../src/addin/settings';
import { createFakeExcel, findSheet, modelFromSnapshot, readCell, type FakeSheet, type FakeWorkbookModel } from '../../src/preview/fake-excel';
import { workbook } from '../helpers/table';
import { correctSheet, countOf, faultySheet, message, NOW, renderPane, settled } from './helpers';

/** The report sheet's values as rows of texts/numbers (trailing empties dropped). */
function rowsOf(sheet: FakeSheet): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number);
    if (cell.value === null) continue;
    (out[r] ??= [])[c] = cell.value;
  }
  return Array.from({ length: out.length }, (_, i) => out[i] ?? []);
}

function reportSheet(model: FakeWorkbookModel): FakeSheet {
  const s = findSheet(model, REPORT_SHEET);
  if (!s) throw new Error('no report sheet');
  return s;
}

const IGNORED: IgnoredFinding[] = [{ sheet: 'TW I', cell: 'S13', rule: 'realisasi-over-pagu', reason: 'Dana hibah tambahan', at: '2025-05-10T02:00:00.000Z' }];

async function reportFor(model: FakeWorkbookModel, ignored: IgnoredFinding[] = []) {
  const fake = createFakeExcel(model);
  const env = { Excel: fake.Excel as ExcelLike, office: fake.Office.context as OfficeContextLike };
  const { report } = await scan(env);
  return { fake, env, report, result: await writeValidationReport(env.Excel, { report, ignored, lang: 'id', now: NOW, office: env.office }) };
}

describe('writeValidationReport', () => {
  test('date, verdict, counts, per sheet, each remaining finding, each ignored finding with its reason', async () => {
    const { fake, result } = await reportFor(modelFromSnapshot(workbook(faultySheet())), IGNORED);
    expect(result).toEqual({ sheet: REPORT_SHEET, rows: expect.any(Number), pageLayout: true });
    const rows = rowsOf(reportSheet(fake.model));
    const text = rows.map((r) => r.filter((v) => v !== undefined).join(' | '));
    expect(text[0]).toBe('Laporan Validasi Pengukuran Kinerja');
    expect(text[1]).toMatch(/^Tanggal pemeriksaan: 12 Mei 2025/);
    expect(text[2]).toBe('Hasil: Belum siap — 5 kesalahan, 3 peringatan, 0 catatan');
    expect(text).toContain('TW I: 5 kesalahan, 3 peringatan, 0 catatan');
    const header = rows.findIndex((r) => r[0] === 'No');
    expect(rows[header]).toEqual(['No', 'Lembar', 'Sel', 'Tingkat', 'Aturan', 'Pesan', 'Ditemukan', 'Seharusnya']);
    // Errors first, in sheet order.
    expect(rows.slice(header + 1, header + 9).map((r) => `${r[1]}!${r[2]}`)).toEqual([
      'TW I!L7',
      'TW I!N8',
      'TW I!R8',
      'TW I!T8',
      'TW I!T10',
      'TW I!S11',
      'TW I!S12',
      'TW I!S13',
    ]);
    expect(rows[header + 2]).toEqual([
      2,
      'TW I',
      'N8',
      'Kesalahan',
      'Jumlah induk tidak sesuai',
      'Pagu kegiatan "Kegiatan Administrasi" tertulis Rp 290, padahal jumlah rinciannya Rp 300.',
      290,
      300,
    ]);
    // Numbers stay numbers (grouped), texts stay texts.
    const sheet = reportSheet(fake.model);
    expect(readCell(sheet, header + 2, 6)?.numberFormat).toBe('#,##0');
    expect(readCell(sheet, header + 2, 5)?.numberFormat).toBe('@');
    // The ignored finding, with its reason.
    const ignoredHeader = rows.findIndex((r, i) => i > header && r[0] === 'No');
    expect(rows[ignoredHeader]).toEqual(['No', 'Lembar', 'Sel', 'Tingkat', 'Aturan', 'Alasan', 'Diabaikan pada']);
    expect(rows[ignoredHeader + 1].slice(0, 6)).toEqual([1, 'TW I', 'S13', 'Peringatan', 'Realisasi melebihi pagu', 'Dana hibah tambahan']);
    expect(String(rows[ignoredHeader + 1][6])).toMatch(/10 Mei 2025/);
    expect(fake.model.activeSheet).toBe(REPORT_SHEET);
  });

  test('laid out for A4: paper, landscape, one page wide, wrapped message column, set widths, gridlines', async () => {
    const { fake } = await reportFor(modelFromSnapshot(workbook(faultySheet())));
    const sheet = reportSheet(fake.model);
    expect(sheet.pageLayout).toEqual({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printGridlines: true });
    REPORT_WIDTHS.forEach((w, c) => expect(sheet.columnWidths.get(c)).toBe(w));
    // The widths fit the printable width of A4 landscape (842 pt less 2 × 0.7" margins).
    expect(REPORT_WIDTHS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(842 - 2 * 50.4);
    const rows = rowsOf(sheet);
    const first = rows.findIndex((r) => r[0] === 'No');
    expect(readCell(sheet, first + 1, 5)).toMatchObject({ wrapText: true, verticalAlignment: 'Top' });
    expect(readCell(sheet, first, 5)).toMatchObject({ wrapText: true, font: expect.objectContaining({ bold: true }) });
    // Titles are not wrapped (they run over the empty cells to their right).
    expect(readCell(sheet, 0, 0)?.wrapText).toBeUndefined();
    expect(readCell(sheet, 0, 0)?.font).toMatchObject({ bold: true, size: 14 });
  });

  test('written again, it replaces its previous content', async () => {
    const model = modelFromSnapshot(workbook(faultySheet()));
    await reportFor(model, IGNORED);
    const before = rowsOf(reportSheet(model)).length;
    // The workbook is corrected meanwhile: a shorter report.
    const fixed = modelFromSnapshot(workbook(correctSheet()));
    model.sheets[0] = fixed.sheets[0];
    await reportFor(model);
    const sheet = reportSheet(model);
    const rows = rowsOf(sheet);
    expect(rows.length).toBeLessThan(before);
    expect(rows[2][0]).toBe('Hasil: Siap dikirim — 0 kesalahan, 0 peringatan, 0 catatan');
    expect(rows.flat()).not.toContain('Dana hibah tambahan');
    expect(rows.flat().filter((v) => v === 'Tidak ada.')).toHaveLength(2);
    expect(model.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
    // No leftover formats below the new content.
    for (const key of sheet.cells.keys()) expect(Number(key.split(',')[0])).toBeLessThan(rows.length);
  });

  test('the report sheet is never checked as a table, and never counted', async () => {
    const model = modelFromSnapshot(workbook(faultySheet()));
    await reportFor(model);
    const fake = createFakeExcel(model);
    const { report } = await scan({ Excel: fake.Excel as ExcelLike, office: fake.Office.context as OfficeContextLike });
    expect(report.sheets.map((s) => s.name)).toEqual(['TW I']);
  });

  test('a protected report sheet is refused with the sheet named; a host without page layout still gets the content', async () => {
    const model = modelFromSnapshot(workbook(faultySheet()));
    await reportFor(model);
    reportSheet(model).protected = true;
    await expect(reportFor(model)).rejects.toThrow(/Laporan Validasi/);
    // ExcelApi 1.8: no page layout (the read itself needs 1.9, so the report comes from the engine here).
    const old = modelFromSnapshot(workbook(faultySheet()), { supportedSets: { ExcelApi: '1.8' } });
    const fake = createFakeExcel(old);
    const report = analyzeWorkbook(workbook(faultySheet()));
    const result = await writeValidationReport(fake.Excel as ExcelLike, { report, ignored: [], lang: 'id', now: NOW, office: fake.Office.context as OfficeContextLike });
    expect(result.pageLayout).toBe(false);
    expect(reportSheet(old).pageLayout).toBeUndefined();
    expect(rowsOf(reportSheet(old))[0][0]).toBe('Laporan Validasi Pengukuran Kinerja');
  });

  test('in English', () => {
    const rows = reportRows({ report: { sheets: [], summary: { errors: 0, warnings: 0, infos: 0, fixesCertain: 0, fixesSuggested: 0 } }, ignored: [], lang: 'en', now: NOW });
    expect(rows[0].cells[0]).toBe('Pengukuran Kinerja validation report');
    expect(rows[2].cells[0]).toBe('Result: Ready to send — 0 errors, 0 warnings, 0 notes');
  });
});

describe('the pane\'s "Tulis Laporan Validasi"', () => {
  test('writes the sheet from a fresh check, with the ignored findings and their reasons, and says where', async () => {
    const model = modelFromSnapshot(workbook(faultySheet()), { settings: { [IGNORED_SETTING]: IGNORED } });
    const { changed } = renderPane(model);
    await settled();
    expect(countOf('warnings')).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Tulis Laporan Validasi' }));
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toMatch(/Menulis laporan|Membaca/));
    await settled();
    expect(message()).toBe('Laporan ditulis ke lembar "Laporan Validasi" (siap dicetak di kertas A4).');
    const rows = rowsOf(reportSheet(model));
    expect(rows[2][0]).toBe('Hasil: Belum siap — 5 kesalahan, 2 peringatan, 0 catatan');
    expect(rows.flat()).toContain('Dana hibah tambahan');
    expect(reportSheet(model).pageLayout?.paperSize).toBe('A4');
    expect(changed).toHaveBeenCalled();
    // The report sheet does not change the verdict or the counts.
    fireEvent.click(screen.getByRole('button', { name: 'Periksa ulang' }));
    await settled();
    expect([countOf('errors'), countOf('warnings'), countOf('notes')]).toEqual([5, 2, 0]);
  });

  test('a protected "Laporan Validasi" sheet: the message names it', async () => {
    const model = modelFromSnapshot(workbook(faultySheet()));
    await reportFor(model);
    reportSheet(model).protected = true;
    renderPane(model);
    await settled();
    fireEvent.click(screen.getByRole('button', { name: 'Tulis Laporan Validasi' }));
    await settled();
    expect(message()).toMatch(/^Lembar "Laporan Validasi" dilindungi \(protected\): laporan tidak dapat ditulis/);
  });
});
