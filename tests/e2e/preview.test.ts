// End to end in headless Chromium (Debian's, driven by playwright-core): the preview page opens the
// seed workbook, "Hitung Ulang Capaian" corrects it exactly as `capaian fix` does, and says so.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyzeWorkbook } from '../../src/engine/analyze';
import { formatNumber } from '../../src/engine/numfmt';
import type { Fix } from '../../src/engine/types';
import { snapshotFromWorkbook } from '../../src/xlsx/snapshot';
import { buildFixture } from '../fixtures/build-fixtures';
import { buildOnce, CHROMIUM_ARGS, OUTPUT, serve } from './server';

jest.setTimeout(240000);

let server: Awaited<ReturnType<typeof serve>>;
let buildDir = '';
let context: BrowserContext;
let page: Page;
let expected: Fix[];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-chromium-'));

beforeAll(async () => {
  buildDir = buildOnce();
  server = await serve(buildDir);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1500, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  // The engine's certain repairs on the same workbook (what `capaian fix` applies).
  const report = analyzeWorkbook(snapshotFromWorkbook(await buildFixture('seed')));
  expected = report.sheets.flatMap((s) => s.fixes.filter((f) => f.certain && f.kind === 'cell'));
  fs.mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  fs.rmSync(profile, { recursive: true, force: true });
  if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

/** "Simpan sebagai .xlsx" in the preview; the downloaded workbook is kept under this name. */
async function saveFromPreview(name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Simpan sebagai .xlsx' }).click()]);
  const file = path.join(profile, name);
  await download.saveAs(file);
  return file;
}

async function cellText(sheet: string, a1: string): Promise<string> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  return (await page.locator(`table[data-sheet="${sheet}"] td[data-cell="${a1}"]`).textContent()) ?? '';
}

test('the preview opens the seed workbook with the ribbon buttons and the task pane', async () => {
  await page.goto(`${server.url}/preview.html`);
  await page.getByRole('button', { name: 'Hitung Ulang Capaian' }).waitFor();
  for (const s of ['TW I', 'TW II', 'TW III', 'TW IV']) await page.getByRole('tab', { name: s, exact: true }).waitFor();
  expect(await cellText('TW IV', 'N22')).toBe('246.174.400');
  // TW III prints #### where its columns are too narrow, like Excel's screen and PDF.
  expect(await cellText('TW III', 'O15')).toMatch(/^#+$/);
  await page.getByRole('tab', { name: 'TW III', exact: true }).click();
  await page.getByTestId('verdict').waitFor();
  expect(await page.getByTestId('verdict').textContent()).toBe('Belum siap');
  await page.locator('table[data-sheet="TW III"] td[data-cell="O15"]').click();
  await page.screenshot({ path: path.join(OUTPUT, 'preview-1-opened.png') });
});

test('"Hitung Ulang Capaian" corrects the cells the way `capaian fix` does and says what happened', async () => {
  await page.getByRole('button', { name: 'Hitung Ulang Capaian' }).click();
  const status = page.getByTestId('status');
  await status.waitFor();
  const sentence = (await status.textContent()) ?? '';
  expect(sentence).toMatch(/^\d+ sel diperbaiki, \d+ perlu diperiksa — buka Periksa Sebelum Kirim\./);
  // Every certain cell repair of the engine is now in the grid, displayed in the cell's format.
  expect(expected.length).toBeGreaterThan(20);
  for (const f of expected) {
    const text = await cellText(f.sheet, f.cell);
    if (typeof f.new === 'number') {
      const fmt = f.write?.numberFormat;
      const shown = [formatNumber(f.new, fmt ?? '#,##0'), formatNumber(f.new, fmt ?? '0.00'), formatNumber(f.new, fmt ?? '#,##0.00')];
      expect(shown).toContain(text);
    } else expect(text).toBe(String(f.new));
  }
  expect(await cellText('TW IV', 'N22')).toBe('250.634.400');
  expect(await cellText('TW IV', 'S35')).toBe('119.183.704');
  // The columns that printed #### were widened.
  expect(await cellText('TW III', 'O15')).toBe('72.110.600,00');
  expect(await page.locator('td[data-overflow]').count()).toBe(0);
  // The change log sheet exists with one row per change.
  await page.getByRole('tab', { name: 'Log Capaian', exact: true }).click();
  expect(await page.locator('table[data-sheet="Log Capaian"] tbody tr').count()).toBeGreaterThan(expected.length);
  await page.getByRole('tab', { name: 'TW IV', exact: true }).click();
  await page.locator('table[data-sheet="TW IV"] td[data-cell="N22"]').click(); // select and scroll to it
  await page.screenshot({ path: path.join(OUTPUT, 'preview-2-after-hitung-ulang.png') });
});

test('the corrected workbook can be saved as .xlsx from the preview', async () => {
  const file = await saveFromPreview('saved.xlsx');
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet('TW IV')!.getCell('N22').value).toBe(250634400);
  expect(wb.getWorksheet('Log Capaian')).toBeDefined();
  // Everything else is kept: titles, merged headers.
  expect(wb.getWorksheet('TW IV')!.getCell('A3').value).toBe('S/D TRIWULAN IV TAHUN 2022');
  expect(wb.getWorksheet('TW IV')!.getCell('N5').value).toBe('PAGU');
  // Checked again by the engine: the four tables are found and no error with a certain repair is left.
  const again = analyzeWorkbook(snapshotFromWorkbook(wb));
  expect(again.sheets.filter((s) => s.layout).map((s) => s.name)).toEqual(['TW I', 'TW II', 'TW III', 'TW IV']);
  expect(again.sheets.flatMap((s) => s.fixes.filter((f) => f.certain))).toEqual([]);
  expect(again.summary.errors).toBe(0);
});

// The task pane "Periksa Sebelum Kirim" in the preview, step by step, with a screenshot of each step.
describe('Periksa Sebelum Kirim', () => {
  const shot = (name: string) => page.screenshot({ path: path.join(OUTPUT, name) });
  const grid = (sheet: string, a1: string) => page.locator(`table[data-sheet="${sheet}"] td[data-cell="${a1}"]`);
  const count = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-count'));

  test('opens the seed workbook and lists the findings, verdict first', async () => {
    await page.goto(`${server.url}/preview.html`);
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toBe('Belum siap');
    expect(await count('count-errors')).toBe(36);
    expect(await page.getByTestId('finding').count()).toBeGreaterThan(30);
    // The engine ran in its Web Worker, off the page's thread.
    expect(await page.evaluate(() => document.documentElement.dataset.capaianEngine)).toBe('worker');
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain('/engine-worker.js');
    await shot('pane-1-findings.png');
  });

  test('clicking a finding selects its cell', async () => {
    const item = page.locator('[data-testid="finding"][data-cell="TW IV!N22"]').first();
    await item.getByTestId('finding-select').click();
    await page.locator('table[data-sheet="TW IV"] td.selected[data-cell="N22"]').waitFor();
    expect(await page.getByRole('tab', { name: 'TW IV', exact: true }).getAttribute('aria-selected')).toBe('true');
    await shot('pane-2-finding-selected.png');
  });

  test('"Perbaiki semua yang pasti" lists the changes, asks once, writes them; verdict and counts change', async () => {
    await page.getByTestId('fix-all').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('change').count()).toBe(31);
    expect(await dialog.locator('[data-testid="change"][data-cell="TW IV!N22"]').textContent()).toMatch(/246\.174\.400.*250\.634\.400/);
    await shot('pane-3-confirm.png');
    await page.getByTestId('confirm-apply').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="count-errors"]')?.getAttribute('data-count') === '0');
    expect(await page.getByTestId('verdict').textContent()).toBe('Siap dikirim');
    expect(await grid('TW IV', 'N22').textContent()).toBe('250.634.400');
    await shot('pane-4-after-fix.png');
  });

  test('"Batalkan" puts the original values back', async () => {
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="count-errors"]')?.getAttribute('data-count') === '36');
    await page.getByRole('tab', { name: 'TW IV', exact: true }).click();
    expect(await grid('TW IV', 'N22').textContent()).toBe('246.174.400');
    expect(await page.getByTestId('verdict').textContent()).toBe('Belum siap');
    await page.getByRole('tab', { name: 'TW III', exact: true }).click();
    expect(await grid('TW III', 'O15').textContent()).toMatch(/^#+$/);
    await shot('pane-5-after-undo.png');
  });

  test('findings grouped by rule; the report for the reviewer is written as a sheet', async () => {
    await page.getByTestId('grouping').getByText('Aturan', { exact: true }).click();
    await page.locator('[data-testid="finding-groups"][data-grouping="rule"]').waitFor();
    await page.getByTestId('write-report').click();
    await page.getByRole('tab', { name: 'Laporan Validasi', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Laporan Validasi', exact: true }).click();
    await page.locator('table[data-sheet="Laporan Validasi"]').waitFor();
    expect(await page.locator('table[data-sheet="Laporan Validasi"]').textContent()).toMatch(/Belum siap/);
    await shot('pane-6-report.png');
    // Saved from the preview, the report keeps its A4 print layout.
    const file = await saveFromPreview('report.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const report = wb.getWorksheet('Laporan Validasi')!;
    expect(report.pageSetup.paperSize).toBe(9); // A4
    expect(report.pageSetup.fitToWidth).toBe(1);
  });

  test('"Abaikan" with a reason: the finding leaves the list and is kept, with its reason, under Diabaikan', async () => {
    const item = page.locator('[data-testid="finding"][data-cell="TW I!M72"][data-rule="missing-name"]');
    await item.getByTestId('finding-ignore').click();
    await page.getByTestId('ignore-reason').fill('Nama sub kegiatan menyusul dari Bappeda');
    await page.getByTestId('confirm-ignore').click();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /^Diabaikan \(1\)/ }).click();
    const ignored = page.locator('[data-testid="ignored"][data-cell="TW I!M72"]');
    await ignored.waitFor();
    expect(await ignored.textContent()).toMatch(/menyusul dari Bappeda/);
    await shot('pane-7-ignored.png');
  });

  test('"Tabel yang dipahami" shows the columns taken and the budget tree', async () => {
    await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
    await page.getByTestId('table-view').waitFor();
    const sheets = await page.getByTestId('table-sheet').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')));
    expect(sheets).toEqual(expect.arrayContaining(['TW I', 'TW II', 'TW III', 'TW IV']));
    await page.getByTestId('budget-tree').first().waitFor();
    expect(await page.getByTestId('tree-item').count()).toBeGreaterThan(10);
    await shot('pane-8-table.png');
  });

  test('an indicator\'s polarity chosen in the pane is saved in the workbook and changes its capaian check', async () => {
    // TW I is already open in the table view (the first quarter sheet); its first indicator is on row 8.
    const tw1 = page.locator('[data-testid="table-sheet"][data-sheet="TW I"]');
    const indicator = tw1.locator('[data-testid="indicator"][data-row="8"]');
    await indicator.waitFor();
    expect(await indicator.getAttribute('data-polarity')).toBe('higher');
    await indicator.getByTestId('polarity').click();
    await page.getByRole('option', { name: 'Lebih rendah lebih baik (2×target−realisasi)' }).click();
    await page.locator('[data-testid="table-sheet"][data-sheet="TW I"] [data-testid="indicator"][data-row="8"][data-polarity="lower"]').waitFor();
    // (2 × 0,39 − (−0,89)) / 0,39 × 100 = 428,21 %, not the stated −228,21 %: now an error on TW I!L8
    await page.getByRole('tab', { name: 'Temuan' }).click();
    await page.locator('[data-testid="finding"][data-cell="TW I!L8"][data-rule="indicator-capaian-mismatch"]').waitFor();
    await shot('pane-9-polarity.png');
  });

  test('a column taken wrongly is set to "(tidak ada)" or moved, a row\'s level is changed: each saved, and the check follows', async () => {
    const idle = () => page.locator('[data-testid="capaian-pane"][aria-busy="false"]').waitFor();
    const inColumnT = page.locator('[data-testid="finding"][data-cell^="TW I!T"]');
    await page.getByRole('tab', { name: 'Temuan' }).click();
    const before = await inColumnT.count();
    expect(before).toBeGreaterThan(0); // T28, T73: capaian of the programs whose totals are wrong

    // CAPAIAN of TW I: "(tidak ada)" — nothing is checked or written in column T any more.
    await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
    const tw1 = page.locator('[data-testid="table-sheet"][data-sheet="TW I"]');
    const capaian = tw1.locator('[data-testid="column-role"][data-role="capaian"]');
    await capaian.click();
    await page.getByRole('option', { name: '(tidak ada)' }).click();
    await idle();
    await page.locator('[data-testid="table-sheet"][data-sheet="TW I"] [data-testid="column-role"][data-role="capaian"]').filter({ hasText: '(tidak ada)' }).waitFor();
    expect(await tw1.getByText('pilihan Anda').count()).toBeGreaterThan(0);
    await shot('pane-12-column-none.png');
    await page.getByRole('tab', { name: 'Temuan' }).click();
    expect(await inColumnT.count()).toBe(0);

    // Moved back onto column T by hand: the capaian of TW I are checked again.
    await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
    await tw1.locator('[data-testid="column-role"][data-role="capaian"]').click();
    await page.getByRole('option', { name: /^T — / }).click();
    await idle();
    await page.getByRole('tab', { name: 'Temuan' }).click();
    expect(await inColumnT.count()).toBe(before);

    // Row 17 of TW I (a sub kegiatan) taken as a kegiatan: its former kegiatan (row 15) no longer adds up.
    await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
    const row17 = tw1.locator('[data-testid="tree-item"][data-row="17"]');
    expect(await row17.getAttribute('data-level')).toBe('subKegiatan');
    // A tree item's actions show when it is hovered or focused (Fluent's Tree).
    await row17.locator('.fui-TreeItemLayout').first().hover();
    await row17.getByTestId('level-menu').first().click();
    await page.getByRole('menuitemradio', { name: 'Kegiatan', exact: true }).click();
    await page.locator('[data-testid="table-sheet"][data-sheet="TW I"] [data-testid="tree-item"][data-row="17"][data-level="kegiatan"]').waitFor();
    await idle();
    expect(await tw1.locator('[data-testid="tree-item"][data-row="17"]').first().textContent()).toMatch(/Kegiatan \(pilihan Anda\)/);
    await shot('pane-13-level.png');
    const n15 = page.locator('[data-testid="finding"][data-cell="TW I!N15"][data-rule="rollup-mismatch"]');
    await page.getByRole('tab', { name: 'Temuan' }).click();
    await n15.waitFor();

    // And back to sub kegiatan: the finding goes.
    await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
    await tw1.locator('[data-testid="tree-item"][data-row="17"] .fui-TreeItemLayout').first().hover();
    await tw1.locator('[data-testid="tree-item"][data-row="17"]').getByTestId('level-menu').first().click();
    await page.getByRole('menuitemradio', { name: 'Sub kegiatan', exact: true }).click();
    await page.locator('[data-testid="table-sheet"][data-sheet="TW I"] [data-testid="tree-item"][data-row="17"][data-level="subKegiatan"]').waitFor();
    await idle();
    await page.getByRole('tab', { name: 'Temuan' }).click();
    expect(await n15.count()).toBe(0);
  });

  test('the choices travel with the file: saved as .xlsx from the preview and opened again', async () => {
    // Before saving: CAPAIAN of TW I set to "(tidak ada)" again (polarity of TW I!L8, level of row 17 and
    // the finding set aside are still chosen from the steps above).
    await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
    const tw1 = page.locator('[data-testid="table-sheet"][data-sheet="TW I"]');
    await tw1.locator('[data-testid="column-role"][data-role="capaian"]').click();
    await page.getByRole('option', { name: '(tidak ada)' }).click();
    await page.locator('[data-testid="table-sheet"][data-sheet="TW I"] [data-testid="column-role"][data-role="capaian"]').filter({ hasText: '(tidak ada)' }).waitFor();
    await page.locator('[data-testid="capaian-pane"][aria-busy="false"]').waitFor();
    const file = await saveFromPreview('choices.xlsx');

    // Opened again: a new pane over the reopened workbook.
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('choices.xlsx', { exact: true }).waitFor();
    await page.locator('[data-testid="capaian-pane"][aria-busy="false"] [data-testid="verdict"]').waitFor();
    expect(await page.getByRole('tab', { name: /^Diabaikan \(1\)/ }).count()).toBe(1);
    expect(await page.locator('[data-testid="finding"][data-cell^="TW I!T"]').count()).toBe(0);
    expect(await page.locator('[data-testid="finding"][data-cell="TW I!L8"][data-rule="indicator-capaian-mismatch"]').count()).toBe(1);
    await page.getByRole('tab', { name: 'Tabel yang dipahami' }).click();
    const again = page.locator('[data-testid="table-sheet"][data-sheet="TW I"]');
    await again.locator('[data-testid="column-role"][data-role="capaian"]').filter({ hasText: '(tidak ada)' }).waitFor();
    expect(await again.locator('[data-testid="indicator"][data-row="8"]').getAttribute('data-polarity')).toBe('lower');
    expect(await again.locator('[data-testid="tree-item"][data-row="17"]').first().textContent()).toMatch(/Sub kegiatan \(pilihan Anda\)/);
    await shot('pane-14-reopened.png');
  });

  test('"Perbaiki" on one finding writes only that repair', async () => {
    await page.getByRole('tab', { name: 'Temuan' }).click();
    const item = page.locator('[data-testid="finding"][data-cell="TW IV!S35"][data-rule="rollup-mismatch"]');
    await item.getByTestId('finding-fix').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('change').count()).toBe(1);
    await page.getByTestId('confirm-apply').click();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'TW IV', exact: true }).click();
    expect(await grid('TW IV', 'S35').textContent()).toBe('119.183.704');
    expect(await grid('TW IV', 'N22').textContent()).toBe('246.174.400'); // untouched
  });

  test('usable by keyboard, and fits panes 320 to 450 px wide', async () => {
    await page.getByTestId('fix-all').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    for (const width of [320, 450]) {
      await page.evaluate((w) => {
        const body = document.querySelector('aside[aria-label="Panel tugas"]')!.parentElement as HTMLElement;
        body.style.gridTemplateColumns = `minmax(0, 1fr) ${w}px`;
      }, width);
      const overflow = await page.evaluate(() => {
        const pane = document.querySelector('[data-testid="capaian-pane"]') as HTMLElement;
        return pane.scrollWidth - pane.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(`pane-10-width-${width}.png`);
    }
  });
});

test('English when Office\'s display language is English: the pane, the findings and the dialogs', async () => {
  const en = await context.newPage();
  try {
    await en.goto(`${server.url}/preview.html?lang=en`);
    await en.getByTestId('verdict').waitFor();
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await en.getByTestId('verdict').textContent()).toBe('Not ready');
    expect(await en.getByRole('tab', { name: 'Findings' }).count()).toBe(1);
    expect(await en.getByRole('tab', { name: 'Table as understood' }).count()).toBe(1);
    // The preview's own ribbon and buttons too.
    expect(await en.getByRole('button', { name: 'Recalculate Capaian' }).count()).toBe(1);
    expect(await en.getByRole('button', { name: 'Save as .xlsx' }).count()).toBe(1);
    const n22 = en.locator('[data-testid="finding"][data-cell="TW IV!N22"]').first();
    // The engine's English message, not the Indonesian one.
    const report = analyzeWorkbook(snapshotFromWorkbook(await buildFixture('seed')));
    const finding = report.sheets.flatMap((x) => x.findings).find((f) => f.sheet === 'TW IV' && f.cell === 'N22')!;
    const text = (await n22.textContent()) ?? '';
    expect(text).toContain(finding.messageEn);
    expect(text).not.toContain(finding.message);
    await en.getByTestId('fix-all').click();
    const dialog = en.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Cancel' }).count()).toBe(1);
    await en.screenshot({ path: path.join(OUTPUT, 'pane-11-english.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  } finally {
    await en.close();
  }
});
