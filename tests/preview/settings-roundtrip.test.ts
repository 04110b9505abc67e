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

test('a role set to "(tidak ada)" (null) survives save and reopen, and the CLI leaves that column alone', async () => {
  const seed = await (await buildFixture('seed')).xlsx.writeBuffer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-settings-none-'));
  const check = async (bytes: ArrayBuffer | Uint8Array, name: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.from(bytes as ArrayBuffer));
    let out = '';
    await main(['check', file, '--json', '--sheet', 'TW I'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } });
    const tw1 = JSON.parse(out).files[0].sheets.find((s: { name: string }) => s.name === 'TW I');
    if (!tw1) throw new Error(out.slice(0, 500));
    return tw1 as { findings: { cell?: string; rule: string }[]; fixes: { cell: string; rule: string }[] };
  };
  try {
    // Without the choice, the seed's TW I has two wrong capaian in column T.
    const plain = await check(seed as ArrayBuffer, 'plain.xlsx');
    expect(plain.findings.filter((f) => f.rule === 'capaian-mismatch').map((f) => f.cell)).toEqual(['T28', 'T73']);
    expect(plain.fixes.filter((f) => f.cell.startsWith('T')).map((f) => f.cell)).toEqual(['T28', 'T73']);

    const opened = await openXlsx(seed as ArrayBuffer);
    const office = createFakeExcel(opened.model, {}).Office.context as OfficeContextLike;
    await saveChoices(office, { columnOverrides: { 'TW I': { capaian: null, pagu: 13 } } });
    const bytes = await saveXlsx(opened);
    const again = await openXlsx(bytes);
    const office2 = createFakeExcel(again.model, {}).Office.context as OfficeContextLike;
    const choices = loadChoices(office2);
    expect(choices).toEqual({ columnOverrides: { 'TW I': { capaian: null, pagu: 13 } } });
    expect(choices.columnOverrides!['TW I']).toHaveProperty('capaian', null); // null, not dropped

    // The CLI reads the saved file: no capaian is judged on TW I, nothing found or fixed in column T; the rest as before.
    const none = await check(bytes, 'none.xlsx');
    expect(none.findings.filter((f) => f.rule === 'capaian-mismatch')).toEqual([]);
    expect(none.findings.filter((f) => f.cell?.startsWith('T'))).toEqual([]);
    expect(none.fixes.filter((f) => f.cell.startsWith('T'))).toEqual([]);
    const rest = (r: typeof plain) => r.findings.filter((f) => f.rule !== 'capaian-mismatch').map((f) => `${f.rule}@${f.cell}`);
    expect(rest(none)).toEqual(rest(plain));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
