/** @jest-environment jsdom */
// What the person decides in the pane, saved in the workbook's document settings and used by the
// next check: "Abaikan" with a reason, a column taken as another role, a row's level, an
// indicator's polarity; and the grouping switch of the findings.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { IGNORED_SETTING, OPTIONS_SETTING } from '../../src/addin/settings';
import { workbook } from '../helpers/table';
import {
  correctSheet,
  countOf,
  dialogClosed,
  faultySheet,
  findingItem,
  message,
  NOW,
  openDialog,
  queryFindingItems,
  renderSnapshot,
  settled,
  within,
} from './helpers';

async function openTableTab(sheet = 'TW I'): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('tab', { name: 'Tabel yang dipahami' }));
  const item = await screen.findAllByTestId('table-sheet');
  return item.find((e) => e.getAttribute('data-sheet') === sheet)!;
}

async function pick(combobox: HTMLElement, option: string | RegExp): Promise<void> {
  fireEvent.click(combobox);
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('"Abaikan"', () => {
  test('asks for an optional reason, saves it in the workbook, and the next check does not raise the finding', async () => {
    const { fake } = renderSnapshot(workbook(faultySheet()));
    await settled();
    expect(countOf('warnings')).toBe(3);
    fireEvent.click(within(findingItem('TW I!S13')).getByRole('button', { name: 'Abaikan TW I!S13' }));
    const dialog = await openDialog();
    expect(within(dialog).getByRole('heading', { name: 'Abaikan temuan ini?' })).toBeTruthy();
    expect(dialog.textContent).toContain('Realisasi sub kegiatan "Sub Tiga"');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Alasan (tidak wajib)' }), { target: { value: 'Tambahan dana hibah, disetujui Bappeda' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abaikan temuan' }));
    await dialogClosed();
    await waitFor(() => expect(message()).toBe('Temuan di TW I!S13 diabaikan.'));
    await settled();
    expect(fake.model.settings[IGNORED_SETTING]).toEqual([
      { sheet: 'TW I', cell: 'S13', rule: 'realisasi-over-pagu', reason: 'Tambahan dana hibah, disetujui Bappeda', at: NOW.toISOString() },
    ]);
    expect(queryFindingItems('TW I!S13')).toHaveLength(0);
    expect(countOf('warnings')).toBe(2);
    // Listed with its reason; "Munculkan lagi" raises it again.
    fireEvent.click(screen.getByRole('tab', { name: 'Diabaikan (1)' }));
    const ignored = screen.getByTestId('ignored');
    expect(ignored.getAttribute('data-cell')).toBe('TW I!S13');
    expect(ignored.textContent).toContain('Tambahan dana hibah, disetujui Bappeda');
    fireEvent.click(within(ignored).getByRole('button', { name: 'Munculkan lagi TW I!S13' }));
    await waitFor(() => expect(message()).toBe('Temuan di TW I!S13 dimunculkan lagi.'));
    await settled();
    expect(fake.model.settings[IGNORED_SETTING]).toEqual([]);
    expect(countOf('warnings')).toBe(3);
  });

  test('without a reason, and "Batal" sets nothing aside', async () => {
    const { fake } = renderSnapshot(workbook(faultySheet()));
    await settled();
    fireEvent.click(within(findingItem('TW I!T10')).getByRole('button', { name: 'Abaikan TW I!T10' }));
    fireEvent.click(within(await openDialog()).getByRole('button', { name: 'Batal' }));
    await dialogClosed();
    expect(fake.model.settings[IGNORED_SETTING]).toBeUndefined();
    fireEvent.click(within(findingItem('TW I!T10')).getByRole('button', { name: 'Abaikan TW I!T10' }));
    fireEvent.click(within(await openDialog()).getByRole('button', { name: 'Abaikan temuan' }));
    await dialogClosed();
    await waitFor(() => expect(queryFindingItems('TW I!T10')).toHaveLength(0));
    expect(fake.model.settings[IGNORED_SETTING]).toEqual([expect.objectContaining({ cell: 'T10', rule: 'capaian-mismatch', reason: '' })]);
    expect(countOf('errors')).toBe(4);
  });
});

describe('the table as understood', () => {
  test('shows which column was taken as what, and a column chosen by the person is saved and used', async () => {
    const { fake } = renderSnapshot(workbook(correctSheet()));
    await settled();
    const sheetItem = await openTableTab();
    const pagu = within(sheetItem).getByRole('combobox', { name: 'Pagu' });
    expect(pagu.textContent).toBe('N — PAGU');
    const capaian = within(sheetItem).getByRole('combobox', { name: 'Capaian (%)' });
    expect(capaian.textContent).toBe('T — CAPAIAN (%)');
    expect(within(sheetItem).getByRole('combobox', { name: 'Anggaran kas TW I' }).textContent).toBe('O — ANGGARAN KAS TRIWULAN I');
    expect(within(sheetItem).getByRole('combobox', { name: 'Kode' }).textContent).toBe('tidak ditemukan'); // placeholder: no KODE column
    // CAPAIAN (%) taken from column L instead: saved per sheet, and the next check uses it.
    await pick(capaian, 'L — CAPAIAN %');
    await waitFor(() => expect(message()).toBe('Pilihan disimpan di buku kerja; tabel diperiksa ulang.'));
    await settled();
    expect(fake.model.settings[OPTIONS_SETTING]).toEqual({ columnOverrides: { 'TW I': { capaian: 11 } } });
    expect(screen.getByTestId('verdict').textContent).toBe('Belum siap'); // indicator capaian read as budget capaian: every capaian is off
    const again = (await screen.findAllByTestId('table-sheet'))[0];
    expect(within(again).getByRole('combobox', { name: /^Capaian \(%\)/ }).textContent).toBe('L — CAPAIAN %');
    expect(again.textContent).toContain('pilihan Anda');
    // One column holds one role: the indicator capaian detected on L is no longer taken.
    expect(within(again).getByRole('combobox', { name: 'Capaian indikator (%)' }).textContent).toBe('tidak ditemukan');
    // Back to the automatic detection.
    fireEvent.click(within(again).getByRole('button', { name: 'Kembalikan ke deteksi otomatis' }));
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toBe('Siap dikirim'));
    await settled();
    expect(fake.model.settings[OPTIONS_SETTING]).toEqual({ columnOverrides: {} });
  });

  test('"(tidak ada)": a role is not in this table; saved as null, and the next check leaves that column alone', async () => {
    const { fake } = renderSnapshot(workbook(faultySheet()));
    await settled();
    expect(countOf('errors')).toBe(5); // N8, R8, T8, T10, L7
    expect(queryFindingItems('TW I!T8')).toHaveLength(1);
    expect(queryFindingItems('TW I!T10')).toHaveLength(1);
    const sheetItem = await openTableTab();
    const capaian = within(sheetItem).getByRole('combobox', { name: 'Capaian (%)' });
    expect(capaian.textContent).toBe('T — CAPAIAN (%)');
    // By keyboard: open, go to the first option ("(tidak ada)"), choose it.
    act(() => capaian.focus());
    fireEvent.keyDown(capaian, { key: 'ArrowDown' });
    await screen.findByRole('listbox');
    expect(screen.getAllByRole('option')[0].textContent).toBe('(tidak ada)');
    fireEvent.keyDown(capaian, { key: 'Home' });
    fireEvent.keyDown(capaian, { key: 'Enter' });
    await waitFor(() => expect(message()).toBe('Pilihan disimpan di buku kerja; tabel diperiksa ulang.'));
    await settled();
    expect(fake.model.settings[OPTIONS_SETTING]).toEqual({ columnOverrides: { 'TW I': { capaian: null } } });
    const again = (await screen.findAllByTestId('table-sheet'))[0];
    const none = within(again).getByRole('combobox', { name: /^Capaian \(%\)/ });
    expect(none.textContent).toBe('(tidak ada)');
    expect(within(again).getByRole('combobox', { name: 'Realisasi (Rp)' }).textContent).toBe('S — REALISASI (Rp)');
    expect(again.textContent).toContain('pilihan Anda');
    // The next check no longer reads column T: its two capaian errors are gone, the others stay.
    fireEvent.click(screen.getByRole('tab', { name: 'Temuan' }));
    expect(countOf('errors')).toBe(3);
    expect(screen.getAllByTestId('finding').filter((f) => f.getAttribute('data-cell')?.startsWith('TW I!T'))).toHaveLength(0);
    expect(queryFindingItems('TW I!N8')).toHaveLength(1);
    expect(queryFindingItems('TW I!L7')).toHaveLength(1);
    // Opened again, the list marks "(tidak ada)" as chosen.
    fireEvent.click(screen.getByRole('tab', { name: 'Tabel yang dipahami' }));
    const reopened = within((await screen.findAllByTestId('table-sheet'))[0]).getByRole('combobox', { name: /^Capaian \(%\)/ });
    fireEvent.click(reopened);
    expect((await screen.findByRole('option', { name: '(tidak ada)' })).getAttribute('aria-selected')).toBe('true');
  });

  test('the budget tree shows program → kegiatan → sub kegiatan with capaian and predicate; a row\'s level is saved', async () => {
    const { fake } = renderSnapshot(workbook(correctSheet()));
    await settled();
    const sheetItem = await openTableTab();
    const tree = within(sheetItem).getByRole('tree', { name: 'Pohon anggaran TW I' });
    const items = within(tree).getAllByTestId('tree-item');
    expect(items.map((i) => [i.getAttribute('data-row'), i.getAttribute('data-level')])).toEqual([
      ['7', 'program'],
      ['8', 'kegiatan'],
      ['9', 'subKegiatan'],
      ['10', 'subKegiatan'],
    ]);
    expect(items[0].textContent).toContain('PROGRAM PENUNJANG URUSAN');
    expect(items[0].textContent).toContain('Capaian 50\u00a0%');
    expect(items[0].textContent).toContain('Sangat Rendah');
    // Collapsible: the program's branch closes.
    const program = within(tree).getAllByRole('treeitem')[0];
    expect(program.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(program).getByText('PROGRAM PENUNJANG URUSAN'));
    await waitFor(() => expect(program.getAttribute('aria-expanded')).toBe('false'));
    fireEvent.click(within(program).getByText('PROGRAM PENUNJANG URUSAN'));
    await waitFor(() => expect(program.getAttribute('aria-expanded')).toBe('true'));
    // Row 10 made a kegiatan: its menu shows when the row is pointed at or focused.
    const row10item = within(tree).getAllByRole('treeitem')[3];
    expect(within(row10item).queryByRole('button', { name: 'Ubah tingkat baris 10: Sub Dua' })).toBeNull();
    fireEvent.focus(row10item);
    fireEvent.click(await within(row10item).findByRole('button', { name: 'Ubah tingkat baris 10: Sub Dua' }));
    fireEvent.click(await screen.findByRole('menuitemradio', { name: 'Kegiatan' }));
    await waitFor(() => expect(message()).toBe('Pilihan disimpan di buku kerja; tabel diperiksa ulang.'));
    await settled();
    expect(fake.model.settings[OPTIONS_SETTING]).toEqual({ levels: { 'TW I!10': 'kegiatan' } });
    const after = within((await screen.findAllByTestId('table-sheet'))[0]).getAllByTestId('tree-item');
    const row10 = after.find((i) => i.getAttribute('data-row') === '10')!;
    expect(row10.getAttribute('data-level')).toBe('kegiatan');
    expect(row10.textContent).toContain('pilihan Anda');
  });

  test('each indicator with its polarity; a polarity chosen is saved and changes the expected capaian', async () => {
    const { fake } = renderSnapshot(workbook(correctSheet()));
    await settled();
    const sheetItem = await openTableTab();
    const indicator = within(sheetItem).getByTestId('indicator');
    expect(indicator.getAttribute('data-polarity')).toBe('higher');
    expect(indicator.textContent).toContain('Capaian: 80\u00a0%');
    expect(indicator.textContent).toContain('Tinggi');
    const polarity = within(indicator).getByRole('combobox', { name: 'Arah indikator "Persentase layanan" (baris 7)' });
    expect(polarity.textContent).toBe('Lebih tinggi lebih baik');
    await pick(polarity, 'Lebih rendah lebih baik (2×target−realisasi)');
    await waitFor(() => expect(message()).toBe('Pilihan disimpan di buku kerja; tabel diperiksa ulang.'));
    await settled();
    expect(fake.model.settings[OPTIONS_SETTING]).toEqual({ polarity: { 'TW I!7': 'lower' } });
    // (2 × 25 − 20) / 25 × 100 = 120, while the sheet says 80.
    expect(screen.getByTestId('verdict').textContent).toBe('Belum siap');
    fireEvent.click(screen.getByRole('tab', { name: 'Temuan' }));
    expect(findingItem('TW I!L7').textContent).toContain('Ditemukan: 80 · Seharusnya: 120');
  });
});

describe('grouping', () => {
  test('by program (default) or by rule', async () => {
    renderSnapshot(workbook(faultySheet()));
    await settled();
    const groups = () => screen.getAllByTestId('finding-group');
    expect(screen.getByTestId('finding-groups').getAttribute('data-grouping')).toBe('program');
    expect(groups().map((g) => g.getAttribute('data-group'))).toEqual(['TW I#6', 'TW I#10']);
    fireEvent.click(screen.getByRole('radio', { name: 'Aturan' }));
    await waitFor(() => expect(screen.getByTestId('finding-groups').getAttribute('data-grouping')).toBe('rule'));
    expect(groups().map((g) => g.getAttribute('data-group'))).toEqual(['capaian-mismatch', 'indicator-capaian-mismatch', 'rollup-mismatch', 'realisasi-over-pagu']);
    expect(groups()[2].textContent).toContain('Jumlah induk tidak sesuai');
    expect(within(groups()[2]).getAllByTestId('finding').map((f) => f.getAttribute('data-cell'))).toEqual(['TW I!N8', 'TW I!R8']);
    fireEvent.click(screen.getByRole('radio', { name: 'Program' }));
    await waitFor(() => expect(groups().map((g) => g.getAttribute('data-group'))).toEqual(['TW I#6', 'TW I#10']));
  });

  test('a group collapses and opens with its header', async () => {
    renderSnapshot(workbook(faultySheet()));
    await settled();
    const header = screen.getByRole('button', { name: /TW I · PROGRAM PELAYANAN/ });
    expect(header.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(header);
    await waitFor(() => expect(queryFindingItems('TW I!S11')).toHaveLength(0));
    fireEvent.click(header);
    await waitFor(() => expect(queryFindingItems('TW I!S11')).toHaveLength(1));
  });
});
