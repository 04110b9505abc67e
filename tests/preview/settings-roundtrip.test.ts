// Choices made in the pane (a column mapping, an indicator's polarity, a finding set aside) are saved in
// the workbook's settings and survive saving the workbook as .xlsx from the preview and opening it again;
// the command line honours them too.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { OfficeContextLike } from '../../src/addin/excel-like';
import { loadChoices, loadIgnored, saveChoices, saveIgnored } from '../../src/addin/settings';
import { main } from '../../src/cli/main';
import { createFakeExcel } from '../../src/preview/fake-excel';
import { openXlsx, saveXlsx } from '../../src/preview/xlsx-io';
import { buildFixture } from '../fixtures/build-fixtures';

test('column mapping, polarity and an ignored finding survive save and reopen', async () => {
  const seed = await (await buildFixture('seed')).xlsx.writeBuffer();
  const opened = await openXlsx(seed as ArrayBuffer);
  const office = createFakeExcel(opened.model, {}).Office.context as OfficeContextLike;
  await saveChoices(office, {
    columnOverrides: { 'TW I': { capaian: 19 } },
    polarity: { 'TW I!8': 'lower' },
    levels: { 'TW I!10': 'subKegiatan' },
  });
  await saveIgnored(office, [{ sheet: 'TW I', cell: 'M72', rule: 'missing-name', reason: 'nama menyusul dari Bappeda', at: '2026-11-27T00:00:00Z' }]);

  const bytes = await saveXlsx(opened);
  const again = await openXlsx(bytes);
  const office2 = createFakeExcel(again.model, {}).Office.context as OfficeContextLike;
  expect(loadChoices(office2)).toEqual({
    columnOverrides: { 'TW I': { capaian: 19 } },
    polarity: { 'TW I!8': 'lower' },
    levels: { 'TW I!10': 'subKegiatan' },
  });
  expect(loadIgnored(office2)).toEqual([{ sheet: 'TW I', cell: 'M72', rule: 'missing-name', reason: 'nama menyusul dari Bappeda', at: '2026-11-27T00:00:00Z' }]);
  // The settings sheet is very hidden and is not analysed.
  expect(again.model.sheets.some((s) => s.name === '_capaian_settings')).toBe(false);

  // The CLI reads the same choices from the saved file: the ignored finding is not raised,
  // and TW I's first indicator is judged lower-is-better.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-settings-'));
  const file = path.join(dir, 'saved.xlsx');
  fs.writeFileSync(file, Buffer.from(bytes));
  let out = '';
  await main(['check', file, '--json', '--sheet', 'TW I'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } });
  const tw1 = JSON.parse(out).files[0].sheets.find((s: { name: string }) => s.name === 'TW I');
  if (!tw1) throw new Error(out.slice(0, 500));
  expect(tw1.findings.some((f: { cell: string; rule: string }) => f.cell === 'M72' && f.rule === 'missing-name')).toBe(false);
  // lower is better: (2 × 0,39 − (−0,89)) / 0,39 × 100 = 428,21 % instead of the stated −228,21 %
  const ind = tw1.findings.find((f: { cell: string; rule: string }) => f.cell === 'L8' && f.rule === 'indicator-capaian-mismatch');
  expect(ind.expected).toBeCloseTo(428.21, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});
