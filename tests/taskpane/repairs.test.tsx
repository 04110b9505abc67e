/** @jest-environment jsdom */
// Repairs from the pane: "Perbaiki semua yang pasti" asks once with the list of changes, writes them,
// and the verdict and counts follow; "Batalkan" puts every cell back; "Perbaiki" on one finding
// writes only its fix (a suggestion too, once accepted).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { getCell } from '../../src/preview/fake-excel';
import { UNDO_SETTING } from '../../src/addin/recalculate';
import { LOG_SHEET } from '../../src/addin/write';
import { err, K, P, S, sheet, workbook } from '../helpers/table';
import {
  countOf,
  dialogClosed,
  faultySheet,
  findingItem,
  isDisabled,
  message,
  openDialog,
  queryFindingItems,
  renderSnapshot,
  seedSnapshot,
  settled,
  within,
} from './helpers';

const values = (model: Parameters<typeof getCell>[0], cells: string[]) => cells.map((c) => getCell(model, 'TW I', c)?.value);
const FIXED = ['N8', 'R8', 'T8', 'T10', 'L7'];

describe('"Perbaiki semua yang pasti"', () => {
  test('lists every change (sheet!cell, old → new) before writing; "Batal" writes nothing', async () => {
    const { fake, changed } = renderSnapshot(workbook(faultySheet()));
    await settled();
    fireEvent.click(screen.getByRole('button', { name: 'Perbaiki semua yang pasti (5)' }));
    const dialog = await openDialog();
    expect(within(dialog).getByRole('heading', { name: 'Tulis 5 perubahan?' })).toBeTruthy();
    const changes = within(dialog).getAllByTestId('change');
    expect(changes.map((c) => c.getAttribute('data-cell'))).toEqual(['TW I!N8', 'TW I!R8', 'TW I!T8', 'TW I!T10', 'TW I!L7']);
    expect(changes[0].textContent).toContain('TW I!N8: 290 → 300');
    expect(changes[3].textContent).toContain('TW I!T10: 40,00 → 50,00');
    expect(changes[4].textContent).toContain('TW I!L7: 90,00% → 80,00%'); // as the percent cell shows it
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await dialogClosed();
    expect(values(fake.model, FIXED)).toEqual([290, 40, 51.72, 40, 0.9]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['TW I']);
    expect(changed).not.toHaveBeenCalled();
  });

  test('after "Tulis perubahan": the values are in the workbook, the verdict and counts change, "Batalkan" is offered', async () => {
    const { fake, changed } = renderSnapshot(workbook(faultySheet()));
    await settled();
    expect(screen.getByTestId('verdict').textContent).toBe('Belum siap');
    expect(isDisabled(screen.getByRole('button', { name: 'Batalkan' }))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /^Perbaiki semua yang pasti/ }));
    fireEvent.click(within(await openDialog()).getByRole('button', { name: 'Tulis perubahan' }));
    await dialogClosed();
    await waitFor(() => expect(screen.getByTestId('message').textContent).toMatch(/5 perubahan ditulis/));
    await settled();
    expect(values(fake.model, FIXED)).toEqual([300, 50, 50, 50, 0.8]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['TW I', LOG_SHEET]);
    expect(changed).toHaveBeenCalled();
    // Checked again: no error left, the realisasi-over-pagu warnings remain.
    expect(screen.getByTestId('verdict').textContent).toBe('Siap dikirim');
    expect([countOf('errors'), countOf('warnings')]).toEqual([0, 3]);
    expect(queryFindingItems('TW I!N8')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Perbaiki semua yang pasti (0)' })).toBeTruthy();
    expect(isDisabled(screen.getByRole('button', { name: 'Batalkan' }))).toBe(false);
    // The log sheet is not counted as a sheet without a table.
    expect(countOf('notes')).toBe(0);
  });

  test('"Batalkan" restores the last batch exactly, and the counts come back', async () => {
    const { fake } = renderSnapshot(workbook(faultySheet()));
    await settled();
    fireEvent.click(screen.getByRole('button', { name: /^Perbaiki semua yang pasti/ }));
    fireEvent.click(within(await openDialog()).getByRole('button', { name: 'Tulis perubahan' }));
    await dialogClosed();
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toBe('Siap dikirim'));
    await settled();
    expect(fake.model.settings[UNDO_SETTING]).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Batalkan' }));
    await waitFor(() => expect(message()).toMatch(/5 sel dikembalikan seperti semula/));
    await settled();
    expect(values(fake.model, FIXED)).toEqual([290, 40, 51.72, 40, 0.9]);
    expect(getCell(fake.model, 'TW I', 'N8')?.numberFormat).toBe('#,##0');
    expect(screen.getByTestId('verdict').textContent).toBe('Belum siap');
    expect([countOf('errors'), countOf('warnings')]).toEqual([5, 3]);
    expect(isDisabled(screen.getByRole('button', { name: 'Batalkan' }))).toBe(true);
    expect(fake.model.settings[UNDO_SETTING]).toBeUndefined();
  });

  test('on the seed workbook: the corrected pagu of TW IV!N22 is written and the errors with a certain fix are gone', async () => {
    const { fake } = renderSnapshot(await seedSnapshot());
    await settled();
    const before = countOf('errors');
    fireEvent.click(screen.getByRole('button', { name: /^Perbaiki semua yang pasti/ }));
    const dialog = await openDialog();
    expect(within(dialog).getAllByTestId('change').find((c) => c.getAttribute('data-cell') === 'TW IV!N22')!.textContent).toContain(
      'TW IV!N22: 246.174.400 → 250.634.400',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tulis perubahan' }));
    await dialogClosed();
    await waitFor(() => expect(message()).toMatch(/perubahan ditulis/));
    await settled();
    expect(getCell(fake.model, 'TW IV', 'N22')?.value).toBe(250634400);
    expect(countOf('errors')).toBeLessThan(before);
    expect(screen.getByRole('button', { name: 'Perbaiki semua yang pasti (0)' })).toBeTruthy();
  });
});

describe('"Perbaiki" on one finding', () => {
  test('writes only that finding\'s fix', async () => {
    const { fake } = renderSnapshot(workbook(faultySheet()));
    await settled();
    fireEvent.click(within(findingItem('TW I!N8')).getByRole('button', { name: 'Perbaiki TW I!N8' }));
    const dialog = await openDialog();
    expect(within(dialog).getAllByTestId('change').map((c) => c.textContent)).toEqual([expect.stringContaining('TW I!N8: 290 → 300')]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tulis perubahan' }));
    await dialogClosed();
    await waitFor(() => expect(message()).toMatch(/^1 perubahan ditulis/));
    await settled();
    expect(values(fake.model, FIXED)).toEqual([300, 40, 51.72, 40, 0.9]);
    expect(queryFindingItems('TW I!N8')).toHaveLength(0);
    expect(findingItem('TW I!R8')).toBeTruthy();
    // "Batalkan" undoes that one change.
    fireEvent.click(screen.getByRole('button', { name: 'Batalkan' }));
    await waitFor(() => expect(message()).toMatch(/1 sel dikembalikan/));
    await settled();
    expect(getCell(fake.model, 'TW I', 'N8')?.value).toBe(290);
  });

  test('a suggestion is marked as such, and written once the person accepts it', async () => {
    const s = sheet('TW I', {
      quarter: 1,
      budget: [
        P('PROGRAM A', 300, [100, 100, 50, 50], 150),
        K('Kegiatan A', 300, [100, 100, 50, 50], 150),
        S('Sub Satu', err('#REF!', '=#REF!+1'), [50, 50, 50, 50], 100, 50),
        S('Sub Dua', 100, [50, 50, 0, 0], 50),
      ],
    });
    const { fake } = renderSnapshot(workbook(s));
    await settled();
    expect(screen.getByRole('button', { name: 'Perbaiki semua yang pasti (0)' })).toBeTruthy();
    const fix = within(findingItem('TW I!N9')).getByRole('button', { name: 'Perbaiki TW I!N9' });
    expect(fix.textContent).toBe('Perbaiki (saran)');
    fireEvent.click(fix);
    const dialog = await openDialog();
    expect(dialog.textContent).toMatch(/Ini saran, bukan perbaikan pasti/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tulis perubahan' }));
    await dialogClosed();
    await waitFor(() => expect(message()).toMatch(/^1 perubahan ditulis/));
    await settled();
    expect(getCell(fake.model, 'TW I', 'N9')?.value).toBe(200);
    expect(screen.getByTestId('verdict').textContent).toBe('Siap dikirim');
  });
});

describe('a cell changed after the check', () => {
  test('is left alone and the message says so', async () => {
    const { fake } = renderSnapshot(workbook(faultySheet()));
    await settled();
    fireEvent.click(screen.getByRole('button', { name: /^Perbaiki semua yang pasti/ }));
    const dialog = await openDialog();
    fake.model.sheets[0].cells.get('7,13')!.value = 295; // N8 typed meanwhile
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tulis perubahan' }));
    await dialogClosed();
    await waitFor(() => expect(message()).toMatch(/4 perubahan ditulis ke buku kerja\. 1 sel berubah sejak diperiksa dan dibiarkan\./));
    expect(getCell(fake.model, 'TW I', 'N8')?.value).toBe(295);
  });
});
