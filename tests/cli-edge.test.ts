// Files and sheets the CLI cannot fully use: one clear line or a clear finding, never a stack trace.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-edge-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

async function write(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const f = path.join(dir, name);
  await wb.xlsx.writeFile(f);
  return f;
}

test('a header without rows: a clear info finding, exit 0, nothing to fix', async () => {
  const f = await write('header-only.xlsx', (wb) => {
    wb.addWorksheet('TW I').addRow(['PROGRAM / KEGIATAN / SUB KEGIATAN', 'PAGU', 'REALISASI (Rp)', 'CAPAIAN (%)']);
  });
  const r = await run(['check', f]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('tanpa baris data');
  expect(r.out).toContain('belum ada baris data');
  expect(r.err).toBe('');
});

test('an empty workbook and a sheet of free text: exit 2 with one line', async () => {
  for (const [name, build] of [
    ['empty.xlsx', (wb: ExcelJS.Workbook) => wb.addWorksheet('Kosong')],
    ['text.xlsx', (wb: ExcelJS.Workbook) => wb.addWorksheet('Catatan').addRow(['Laporan bulanan, tanpa tabel'])],
  ] as const) {
    const f = await write(name, build as (wb: ExcelJS.Workbook) => void);
    const r = await run(['check', f]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/Tidak ada tabel/);
    expect(r.err).not.toMatch(/\n\s+at /);
  }
});

test('a protected sheet: fix writes nothing to it and says why', async () => {
  const f = await write('protected.xlsx', (wb) => {
    const ws = wb.addWorksheet('TW I');
    ws.addRow(['PROGRAM / KEGIATAN / SUB KEGIATAN', 'PAGU', 'REALISASI (Rp)', 'CAPAIAN (%)']);
    ws.addRow(['PROGRAM A', 100, 50, 10]); // capaian should be 50
    ws.addRow(['Kegiatan A', 100, 50, 50]);
    ws.addRow(['Sub A', 100, 50, 50]);
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  await wb.getWorksheet('TW I')!.protect('', {});
  await wb.xlsx.writeFile(f);
  const out = path.join(dir, 'protected.out.xlsx');
  const r = await run(['fix', f, '--out', out, '--json']);
  const j = JSON.parse(r.out);
  expect(j.applied).toHaveLength(0);
  expect(j.skipped.length).toBeGreaterThan(0);
  expect(JSON.stringify(j.skipped)).toMatch(/dilindungi|terkunci|proteksi/i);
  expect(r.code).toBe(1);
});

test('long runs of one rule are summarised in the text report; --semua shows them all', async () => {
  const f = path.join(dir, 'many.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('TW I');
  ws.addRow(['PROGRAM / KEGIATAN / SUB KEGIATAN', 'PAGU', 'REALISASI (Rp)', 'CAPAIAN (%)']);
  ws.addRow(['PROGRAM A', '2.400', '1.200', '50,00']);
  for (let i = 0; i < 12; i++) {
    ws.addRow([`Kegiatan ${i}`, '100', '50', '50,00']);
    ws.addRow([`Sub ${i}`, '100', '50', '50,00']);
  }
  await wb.xlsx.writeFile(f);
  const short = await run(['check', f]);
  expect(short.out).toMatch(/… dan \d+ lainnya \[number-as-text\]/);
  const long = await run(['check', f, '--semua']);
  expect(long.out).not.toContain('lainnya [number-as-text]');
  expect((long.out.match(/\[number-as-text\]/g) ?? []).length).toBeGreaterThan((short.out.match(/\[number-as-text\]/g) ?? []).length);
});
