/** @jest-environment jsdom */
// The pane in each state a user meets: an empty workbook, a workbook without a table, a correct
// one, one with errors (verdict, counts, findings, selecting a cell), a protected sheet, English.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { analyzeWorkbook } from '../../src/engine/analyze';
import { createSheet, createWorkbookModel, createFakeExcel, modelFromSnapshot, sheetFromSnapshot } from '../../src/preview/fake-excel';
import { scan } from '../../src/addin/recalculate';
import type { ExcelLike, OfficeContextLike } from '../../src/addin/excel-like';
import { rawSheet, workbook } from '../helpers/table';
import { correctSheet, countOf, dialogClosed, isDisabled, openDialog, faultySheet, findingItem, message, renderPane, renderSnapshot, seedSnapshot, settled, within } from './helpers';

describe('while reading', () => {
  test('a progress bar says the workbook is being read, then goes away', async () => {
    renderSnapshot(workbook(correctSheet()));
    const progress = screen.getByTestId('progress');
    expect(progress.textContent).toContain('Membaca buku kerja');
    expect(within(progress).getByRole('progressbar')).toBeTruthy();
    await settled();
    expect(screen.queryByTestId('progress')).toBeNull();
  });

  test('while the engine checks (in its worker), the bar says how far it is and the pane still answers', async () => {
    let gate: Promise<void> | null = null;
    let release!: () => void;
    // Stands for the engine's worker: when gated, tells one step of three, then waits until released.
    const analyze: NonNullable<Parameters<typeof renderPane>[1]> = async (snapshot, options) => {
      if (gate) {
        options.onProgress?.(1, 3);
        await gate;
      }
      return analyzeWorkbook(snapshot, { ...options, onProgress: undefined });
    };
    renderPane(modelFromSnapshot(workbook(correctSheet())), analyze);
    await settled();
    gate = new Promise<void>((resolve) => (release = resolve));
    fireEvent.click(screen.getByRole('button', { name: 'Periksa ulang' }));
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toContain('Memeriksa… (1 dari 3 langkah)'));
    const bar = within(screen.getByTestId('progress')).getByRole('progressbar');
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(1 / 3);
    // Meanwhile the pane answers: its sections can be switched.
    fireEvent.click(screen.getByRole('tab', { name: /^Diabaikan/ }));
    expect(screen.getByRole('tab', { name: /^Diabaikan/ }).getAttribute('aria-selected')).toBe('true');
    release();
    await settled();
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(screen.getByTestId('verdict').textContent).toBe('Siap dikirim');
  });
});

describe('an empty workbook', () => {
  test('says so, shows no verdict and offers only "Periksa ulang"', async () => {
    renderPane(createWorkbookModel());
    await settled();
    expect(screen.getByTestId('state-empty').textContent).toMatch(/Buku kerja ini masih kosong/);
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.queryByRole('button', { name: /Perbaiki semua yang pasti/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tulis Laporan Validasi' })).toBeNull();
    expect(isDisabled(screen.getByRole('button', { name: 'Periksa ulang' }))).toBe(false);
    expect(isDisabled(screen.getByRole('button', { name: 'Batalkan' }))).toBe(true);
  });

  test('"Periksa ulang" picks up a table typed in meanwhile', async () => {
    const { fake } = renderPane(createWorkbookModel({ sheets: [createSheet('TW I')] }));
    await settled();
    fake.model.sheets[0] = sheetFromSnapshot(correctSheet('TW I')); // pasted in Excel
    fireEvent.click(screen.getByRole('button', { name: 'Periksa ulang' }));
    await waitFor(() => expect(screen.queryByTestId('state-empty')).toBeNull());
    await settled();
    expect(screen.getByTestId('verdict').textContent).toBe('Siap dikirim');
  });
});

describe('no table found', () => {
  test('explains what was looked for and where to point the columns out', async () => {
    renderSnapshot(workbook(rawSheet('Catatan', [['Rapat koordinasi'], ['Senin', 'Selasa']])));
    await settled();
    const state = screen.getByTestId('state-no-table');
    expect(state.textContent).toMatch(/Tidak ditemukan tabel Pengukuran Kinerja/);
    expect(state.textContent).toMatch(/Tabel yang dipahami/);
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.queryByRole('button', { name: /Perbaiki semua yang pasti/ })).toBeNull();
    // The table tab offers the column choices for that sheet.
    fireEvent.click(screen.getByRole('tab', { name: 'Tabel yang dipahami' }));
    const sheetItem = await screen.findByTestId('table-sheet');
    expect(sheetItem.getAttribute('data-sheet')).toBe('Catatan');
  });
});

describe('all correct', () => {
  test('"Siap dikirim", zero counts, nothing to fix, "tidak ada temuan"', async () => {
    renderSnapshot(workbook(correctSheet()));
    await settled();
    expect(screen.getByTestId('verdict').textContent).toBe('Siap dikirim');
    expect(screen.getByTestId('verdict').getAttribute('data-ready')).toBe('true');
    expect([countOf('errors'), countOf('warnings'), countOf('notes')]).toEqual([0, 0, 0]);
    expect(screen.getByTestId('no-findings').textContent).toMatch(/tidak ada temuan/);
    expect(isDisabled(screen.getByRole('button', { name: 'Perbaiki semua yang pasti (0)' }))).toBe(true);
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.getByRole('table', { name: 'Temuan per lembar' })).toBeTruthy();
  });
});

describe('errors present', () => {
  test('"Belum siap" with the counts of the whole workbook and of each sheet', async () => {
    const snap = workbook(faultySheet('TW I'), correctSheet('TW II', 2));
    renderSnapshot(snap);
    await settled();
    expect(screen.getByTestId('verdict').textContent).toBe('Belum siap');
    expect(screen.getByTestId('verdict-hint').textContent).toMatch(/Masih ada 5 kesalahan/);
    expect([countOf('errors'), countOf('warnings')]).toEqual([5, 3]);
    expect(screen.getByTestId('count-errors').textContent).toBe('Kesalahan: 5');
    const rows = screen.getAllByTestId('sheet-counts');
    expect(rows.map((r) => [r.getAttribute('data-sheet'), r.getAttribute('data-errors'), r.getAttribute('data-warnings')])).toEqual([
      ['TW I', '5', '3'],
      ['TW II', '0', expect.any(String)],
    ]);
    expect(isDisabled(screen.getByRole('button', { name: 'Perbaiki semua yang pasti (5)' }))).toBe(false);
  });

  test('each finding shows its message in Bahasa Indonesia, its cell, the value found and expected (id-ID)', async () => {
    renderSnapshot(workbook(faultySheet()));
    await settled();
    const n8 = findingItem('TW I!N8');
    expect(n8.getAttribute('data-rule')).toBe('rollup-mismatch');
    expect(n8.textContent).toContain('Kesalahan');
    expect(n8.textContent).toContain('Jumlah induk tidak sesuai');
    expect(n8.textContent).toContain('Pagu kegiatan "Kegiatan Administrasi" tertulis Rp 290, padahal jumlah rinciannya Rp 300.');
    expect(n8.textContent).toContain('Ditemukan: 290 · Seharusnya: 300');
    const t8 = findingItem('TW I!T8');
    expect(t8.textContent).toContain('Ditemukan: 51,72 · Seharusnya: 50');
    // The findings sit under the program whose rows hold them.
    const groups = screen.getAllByTestId('finding-group');
    expect(groups.map((g) => g.getAttribute('data-group'))).toEqual(['TW I#6', 'TW I#10']);
    expect(within(groups[0]).getAllByTestId('finding').map((e) => e.getAttribute('data-cell'))).toEqual(['TW I!L7', 'TW I!N8', 'TW I!R8', 'TW I!T8', 'TW I!T10']);
    expect(within(groups[1]).getAllByTestId('finding').map((e) => e.getAttribute('data-cell'))).toEqual(['TW I!S11', 'TW I!S12', 'TW I!S13']);
    expect(groups[1].textContent).toContain('TW I · PROGRAM PELAYANAN');
  });

  test('clicking a finding selects its cell in Excel', async () => {
    const { fake, changed } = renderSnapshot(workbook(faultySheet(), correctSheet('Lain')));
    fake.model.activeSheet = 'Lain';
    await settled();
    fireEvent.click(within(findingItem('TW I!T10')).getByTestId('finding-select'));
    await waitFor(() => expect(fake.model.selection).toEqual({ sheet: 'TW I', address: 'T10' }));
    expect(fake.model.activeSheet).toBe('TW I');
    expect(changed).toHaveBeenCalled();
  });

  test('a finding without a fix has "Abaikan" but no "Perbaiki"', async () => {
    renderSnapshot(workbook(faultySheet()));
    await settled();
    expect(within(findingItem('TW I!S13')).queryByRole('button', { name: /^Perbaiki/ })).toBeNull();
    expect(within(findingItem('TW I!S13')).getByRole('button', { name: 'Abaikan TW I!S13' })).toBeTruthy();
    expect(within(findingItem('TW I!N8')).getByRole('button', { name: 'Perbaiki TW I!N8' })).toBeTruthy();
  });

  test('the seed workbook: the counts are the engine\'s, per quarter sheet too', async () => {
    const snap = await seedSnapshot();
    // What the add-in's own read of the workbook gives (the office-js adapter over the in-memory Excel).
    const probe = createFakeExcel(modelFromSnapshot(snap));
    const { report } = await scan({ Excel: probe.Excel as ExcelLike, office: probe.Office.context as OfficeContextLike });
    expect(analyzeWorkbook(snap).sheets.flatMap((s) => s.fixes.filter((f) => f.certain)).length).toBe(
      report.sheets.flatMap((s) => s.fixes.filter((f) => f.certain)).length,
    );
    renderSnapshot(snap);
    await settled();
    const all = report.sheets.flatMap((s) => s.findings);
    expect(countOf('errors')).toBe(all.filter((f) => f.severity === 'error').length);
    expect(countOf('warnings')).toBe(all.filter((f) => f.severity === 'warning').length);
    expect(countOf('notes')).toBe(all.filter((f) => f.severity === 'info').length);
    expect(screen.getAllByTestId('sheet-counts').map((r) => r.getAttribute('data-sheet'))).toEqual(['TW I', 'TW II', 'TW III', 'TW IV']);
    for (const s of report.sheets.filter((x) => x.layout)) {
      const row = screen.getAllByTestId('sheet-counts').find((r) => r.getAttribute('data-sheet') === s.name)!;
      expect(Number(row.getAttribute('data-errors'))).toBe(s.findings.filter((f) => f.severity === 'error').length);
    }
    expect(findingItem('TW IV!N22', 'rollup-mismatch').textContent).toContain('Ditemukan: 246.174.400 · Seharusnya: 250.634.400');
    const certain = report.sheets.flatMap((s) => s.fixes.filter((f) => f.certain)).length;
    expect(isDisabled(screen.getByRole('button', { name: `Perbaiki semua yang pasti (${certain})` }))).toBe(false);
  });
});

describe('a protected sheet', () => {
  test('is named before anything is written, in the confirmation, and in the message after; nothing is written there', async () => {
    const snap = workbook(faultySheet('TW I'));
    snap.sheets[0].protected = true;
    const { fake } = renderSnapshot(snap);
    await settled();
    expect(screen.getByTestId('protected-notice').textContent).toMatch(/Lembar "TW I" dilindungi/);
    fireEvent.click(screen.getByRole('button', { name: /^Perbaiki semua yang pasti/ }));
    const dialog = await openDialog();
    expect(dialog.textContent).toMatch(/Lembar "TW I" dilindungi/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tulis perubahan' }));
    await dialogClosed();
    await settled();
    expect(message()).toMatch(/Tidak ada yang ditulis\. Lembar "TW I" dilindungi \(protected\)/);
    expect(fake.model.sheets[0].cells.get('7,13')?.value).toBe(290); // N8 unchanged
    expect(screen.getByTestId('verdict').textContent).toBe('Belum siap');
    expect(isDisabled(screen.getByRole('button', { name: 'Batalkan' }))).toBe(true);
  });
});

describe('English', () => {
  test('every text follows Office\'s display language', async () => {
    renderSnapshot(workbook(faultySheet()), { displayLanguage: 'en-US' });
    await settled();
    expect(screen.getByTestId('verdict').textContent).toBe('Not ready');
    expect(screen.getByTestId('count-errors').textContent).toBe('Errors: 5');
    expect(isDisabled(screen.getByRole('button', { name: 'Fix everything certain (5)' }))).toBe(false);
    const n8 = findingItem('TW I!N8');
    expect(n8.textContent).toContain('Parent total is wrong');
    expect(n8.textContent).toContain('Found: 290 · Expected: 300');
    expect(n8.textContent).not.toMatch(/tertulis/);
    expect(screen.getByRole('radiogroup').textContent).toContain('Rule');
  });
});
