import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import {
  CapaianFileError,
  characterWidthToPoints,
  columnWidthToPoints,
  loadWorkbook,
  pointsToColumnWidth,
  snapshotFromWorkbook,
  zipEntryText,
} from '../src/xlsx/read';
import { applyFixes, saveWorkbook } from '../src/xlsx/write';
import type { Fix, SheetSnapshot } from '../src/engine/types';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-xlsx-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function tmp(name: string): string {
  return path.join(dir, name);
}

/** A ZIP with stored (uncompressed) entries; CRCs are left 0 (nothing here checks them). */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The test workbook: every kind of cell value, styles, merges, widths, a protected and a hidden sheet. */
async function buildWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('TW I');
  ws.getCell('A1').value = 'PENGUKURAN KINERJA';
  ws.getCell('A1').font = { bold: true, name: 'Arial', size: 14 };
  ws.mergeCells('A1:D1');
  ws.getCell('G5').value = 'TARGET';
  ws.mergeCells('G5:J5');

  ws.getCell('A3').value = 55599900;
  ws.getCell('A3').numFmt = '#,##0.00';
  ws.getCell('B3').value = 'Program Penunjang';
  ws.getCell('B3').alignment = { indent: 2 };
  ws.getCell('C3').value = true;
  ws.getCell('D3').value = new Date(Date.UTC(2022, 2, 31)); // 31-03-2022 = serial 44651
  ws.getCell('E3').value = { richText: [{ text: 'Sub ' }, { font: { bold: true }, text: 'Kegiatan' }] };
  ws.getCell('F3').value = { text: 'tautan', hyperlink: 'https://example.org' };
  ws.getCell('H3').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;

  ws.getCell('A4').value = 10;
  ws.getCell('B4').value = 0;
  ws.getCell('C4').value = { formula: 'A4*2', result: 20 };
  ws.getCell('D4').value = { formula: 'B4*2', result: 0 }; // cached 0 must survive
  ws.getCell('E4').value = { formula: 'A4+B4' }; // no cached result
  ws.getCell('F4').value = { formula: 'A4/B4', result: { error: '#DIV/0!' } };
  ws.getCell('G4').value = { formula: 'A4&"x"', result: '10x' };

  ws.getCell('A6').value = 1;
  ws.getCell('A7').value = 2;
  ws.getCell('B6').value = { formula: 'A6*3', result: 3, shareType: 'shared', ref: 'B6:B7' } as ExcelJS.CellFormulaValue;
  ws.getCell('B7').value = { sharedFormula: 'B6', result: 6 };

  ws.getColumn(2).width = 20;
  ws.getColumn(3).hidden = true;

  const locked = wb.addWorksheet('Terkunci');
  locked.getCell('A1').value = 5;
  await locked.protect('', {});

  const hidden = wb.addWorksheet('Tersembunyi', { state: 'hidden' });
  hidden.getCell('B2').value = 'x';

  await wb.xlsx.writeFile(file);
}

function sheet(snapshotSheets: SheetSnapshot[], name: string): SheetSnapshot {
  const s = snapshotSheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe('snapshotFromWorkbook', () => {
  let s: SheetSnapshot;
  let all: SheetSnapshot[];
  beforeAll(async () => {
    const file = tmp('snap.xlsx');
    await buildWorkbook(file);
    const wb = await loadWorkbook(file);
    all = snapshotFromWorkbook(wb).sheets;
    s = sheet(all, 'TW I');
  });

  const at = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = m[1].charCodeAt(0) - 65;
    return s.cells[Number(m[2]) - 1]?.[col];
  };

  test('lists every sheet with protection and visibility', () => {
    expect(all.map((x) => x.name)).toEqual(['TW I', 'Terkunci', 'Tersembunyi']);
    expect(sheet(all, 'TW I').protected).toBe(false);
    expect(sheet(all, 'Terkunci').protected).toBe(true);
    expect(sheet(all, 'Tersembunyi').hidden).toBe(true);
    expect(sheet(all, 'TW I').hidden).toBe(false);
    expect(sheet(all, 'Tersembunyi').cells[1][1]?.value).toBe('x');
  });

  test('plain values at 0-based positions', () => {
    expect(s.cells[2][0]).toMatchObject({ value: 55599900, numberFormat: '#,##0.00' });
    expect(at('B3')).toMatchObject({ value: 'Program Penunjang', indent: 2, bold: false });
    expect(at('C3')?.value).toBe(true);
    expect(at('D3')?.value).toBe(44651);
    expect(at('E3')?.value).toBe('Sub Kegiatan');
    expect(at('F3')?.value).toBe('tautan');
    expect(at('H3')).toMatchObject({ value: '#DIV/0!', isError: true });
    expect(at('A3')?.isError).toBeFalsy();
    expect(at('A4')?.formula).toBeUndefined();
    expect(at('G3')).toBeUndefined();
  });

  test('fonts and defaults', () => {
    expect(at('A1')).toMatchObject({ value: 'PENGUKURAN KINERJA', bold: true, fontName: 'Arial', fontSize: 14 });
    expect(at('A4')).toMatchObject({ fontName: 'Calibri', fontSize: 11, numberFormat: 'General', bold: false });
    expect(s.defaultFont).toEqual({ name: 'Calibri', size: 11 });
  });

  test('formulas keep the cached result, including 0, and null when there is none', () => {
    expect(at('C4')).toMatchObject({ value: 20, formula: '=A4*2' });
    expect(at('D4')).toMatchObject({ value: 0, formula: '=B4*2' });
    expect(at('E4')).toMatchObject({ value: null, formula: '=A4+B4' });
    expect(at('F4')).toMatchObject({ value: '#DIV/0!', isError: true, formula: '=A4/B4' });
    expect(at('G4')).toMatchObject({ value: '10x', formula: '=A4&"x"' });
  });

  test('shared formulas are resolved per cell', () => {
    expect(at('B6')).toMatchObject({ value: 3, formula: '=A6*3' });
    expect(at('B7')).toMatchObject({ value: 6, formula: '=A7*3' });
  });

  test('merges are 0-based areas and inner merged cells do not repeat the text', () => {
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 4, left: 6, bottom: 4, right: 9 },
      ]),
    );
    expect(s.merges).toHaveLength(2);
    expect(at('G5')?.value).toBe('TARGET');
    for (const a of ['H5', 'I5', 'J5', 'B1', 'C1', 'D1']) expect(at(a)?.value ?? null).toBeNull();
  });

  test('column widths in points: default 48, width 20 -> 140 px, hidden 0', () => {
    const w = s.columnWidths!;
    expect(w[0]).toBe(48);
    expect(w[1]).toBe(105);
    expect(w[2]).toBe(0);
    expect(w[3]).toBe(48);
    expect(w.length).toBeGreaterThanOrEqual(10); // up to J (merge G5:J5)
  });

  test('does not modify the workbook', async () => {
    const file = tmp('snap2.xlsx');
    await buildWorkbook(file);
    const wb = await loadWorkbook(file);
    const ws = wb.getWorksheet('TW I')!;
    const before = { rows: ws.rowCount, cols: (ws.columns ?? []).length, cells: ws.getRow(3).cellCount };
    snapshotFromWorkbook(wb);
    expect({ rows: ws.rowCount, cols: (ws.columns ?? []).length, cells: ws.getRow(3).cellCount }).toEqual(before);
  });
});

describe('column width conversion', () => {
  test('matches Excel for known widths', () => {
    expect(characterWidthToPoints(8.43)).toBe(48); // 64 px
    expect(columnWidthToPoints(9.140625)).toBe(48); // how Excel stores 8.43 characters
    expect(columnWidthToPoints(20.7109375)).toBe(108.75); // 20 characters, 145 px
    expect(columnWidthToPoints(0)).toBe(0);
  });

  test('pointsToColumnWidth gives at least the requested points, within one pixel', () => {
    for (let pt = 3; pt <= 400; pt += 0.75 / 2) {
      const w = pointsToColumnWidth(pt);
      expect(Math.round(w * 100)).toBeCloseTo(w * 100, 6); // 2 decimals
      const back = columnWidthToPoints(w);
      expect(back).toBeGreaterThanOrEqual(pt - 1e-9);
      expect(back).toBeLessThan(pt + 0.75 + 1e-9);
    }
  });
});

describe('loadWorkbook errors', () => {
  async function expectFileError(file: string, pattern: RegExp): Promise<void> {
    let err: unknown;
    try {
      await loadWorkbook(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CapaianFileError);
    expect((err as Error).message).toMatch(pattern);
    expect((err as Error).message).not.toContain('\n');
  }

  test('missing file', async () => {
    await expectFileError(tmp('tidak-ada.xlsx'), /^Berkas tidak ditemukan: .*tidak-ada\.xlsx$/);
  });

  test('text file', async () => {
    fs.writeFileSync(tmp('data.xlsx'), 'NO;PROGRAM;PAGU\n1;PROGRAM X;100\n');
    await expectFileError(tmp('data.xlsx'), /^Bukan berkas \.xlsx: data\.xlsx/);
  });

  test('HTML saved as .xls', async () => {
    fs.writeFileSync(tmp('laporan.xls'), '<html><body><table><tr><td>1</td></tr></table></body></html>');
    await expectFileError(tmp('laporan.xls'), /^Bukan berkas \.xlsx: laporan\.xls \(isinya HTML/);
  });

  test('empty file', async () => {
    fs.writeFileSync(tmp('kosong.xlsx'), '');
    await expectFileError(tmp('kosong.xlsx'), /^Bukan berkas \.xlsx/);
  });

  test('old .xls (OLE compound file)', async () => {
    const buf = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    Buffer.from('Workbook', 'utf16le').copy(buf, 600);
    fs.writeFileSync(tmp('lama.xls'), buf);
    await expectFileError(tmp('lama.xls'), /\.xls .*lama\.xls.*simpan sebagai \.xlsx/);
  });

  test('password-encrypted .xlsx', async () => {
    const buf = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    Buffer.from('EncryptionInfo', 'utf16le').copy(buf, 500);
    Buffer.from('EncryptedPackage', 'utf16le').copy(buf, 600);
    fs.writeFileSync(tmp('rahasia.xlsx'), buf);
    await expectFileError(tmp('rahasia.xlsx'), /kata sandi.*rahasia\.xlsx/);
  });

  test('truncated .xlsx', async () => {
    const good = tmp('utuh.xlsx');
    await buildWorkbook(good);
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(tmp('rusak.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectFileError(tmp('rusak.xlsx'), /^Berkas tidak dapat dibaca \(rusak atau bukan \.xlsx\): rusak\.xlsx$/);
  });

  test('a ZIP that is not a workbook', async () => {
    fs.writeFileSync(tmp('arsip.xlsx'), storedZip({ 'readme.txt': 'halo' }));
    await expectFileError(tmp('arsip.xlsx'), /^Bukan berkas \.xlsx.*arsip\.xlsx$/);
    fs.writeFileSync(tmp('surat.xlsx'), storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }));
    await expectFileError(tmp('surat.xlsx'), /dokumen Word/);
  });

  test('a folder', async () => {
    await expectFileError(dir, /folder/);
  });
});

describe('applyFixes + saveWorkbook', () => {
  function cellFix(sheetName: string, cell: string, value: number | string | null, extra: Partial<Fix> = {}, write: Partial<NonNullable<Fix['write']>> = {}): Fix {
    return {
      rule: 'capaian-mismatch',
      sheet: sheetName,
      cell,
      kind: 'cell',
      old: null,
      new: value,
      write: { value, ...write },
      reason: 'uji',
      reasonEn: 'test',
      certain: true,
      ...extra,
    };
  }

  test('writes certain fixes and keeps everything else', async () => {
    const src = tmp('asli.xlsx');
    const wb0 = new ExcelJS.Workbook();
    const ws0 = wb0.addWorksheet('TW I');
    ws0.getCell('A1').value = 'JUDUL';
    ws0.mergeCells('A1:E1');
    ws0.getCell('A1').font = { bold: true, size: 14, name: 'Arial' };
    for (const [a, v] of [
      ['B3', 1000],
      ['C3', 2000],
      ['D3', 3000],
    ] as const) {
      ws0.getCell(a).value = v;
      ws0.getCell(a).numFmt = '#,##0';
      ws0.getCell(a).font = { bold: true };
    }
    ws0.getCell('E3').value = { formula: 'B3/C3*100', result: 50 };
    ws0.getCell('E4').value = 'teks';
    ws0.getCell('A6').value = 1;
    ws0.getCell('A7').value = 2;
    ws0.getCell('B6').value = { formula: 'A6*3', result: 3, shareType: 'shared', ref: 'B6:B7' } as ExcelJS.CellFormulaValue;
    ws0.getCell('B7').value = { sharedFormula: 'B6', result: 6 };
    ws0.getColumn('B').width = 15;
    ws0.getColumn('D').width = 30;
    const other = wb0.addWorksheet('Lain');
    other.getCell('A1').value = 42;
    other.getColumn('A').width = 12;
    const locked = wb0.addWorksheet('Terkunci');
    locked.getCell('A1').value = 7;
    await locked.protect('', {});
    await wb0.xlsx.writeFile(src);

    const wb = await loadWorkbook(src);
    const fixes: Fix[] = [
      cellFix('TW I', 'C3', 2500, {}, { numberFormat: '#,##0.00' }), // B3, C3, D3 share one style in the file
      cellFix('TW I', 'E3', 40, {}, { formula: '=B3/C3*100', numberFormat: '0.00' }),
      cellFix('TW I', 'E4', null), // clear
      cellFix('TW I', 'B6', 99), // overwrite a shared-formula master
      {
        rule: 'display-overflow',
        sheet: 'TW I',
        cell: 'B',
        kind: 'columnWidth',
        old: columnWidthToPoints(15),
        new: 120,
        width: 120,
        reason: 'uji',
        reasonEn: 'test',
        certain: true,
      },
      cellFix('TW I', 'D3', 1, { certain: false }), // suggestion: not applied
      cellFix('Terkunci', 'A1', 8), // protected sheet
      cellFix('TW I', 'C1', 'x'), // inside the A1:E1 merge
      cellFix('Tidak Ada', 'A1', 1),
    ];
    const { applied, skipped } = applyFixes(wb, fixes);
    expect(applied.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['TW I!C3', 'TW I!E3', 'TW I!E4', 'TW I!B6', 'TW I!B']);
    expect(skipped.map((s) => `${s.fix.sheet}!${s.fix.cell}`)).toEqual(['TW I!D3', 'Terkunci!A1', 'TW I!C1', 'Tidak Ada!A1']);
    expect(skipped[1].reason).toMatch(/diproteksi/);
    for (const s of skipped) expect(s.reason.length).toBeGreaterThan(5);

    const out = tmp('hasil.xlsx');
    await saveWorkbook(wb, out, src);

    const snap = snapshotFromWorkbook(await loadWorkbook(out)).sheets;
    const tw = sheet(snap, 'TW I');
    const c = (r: number, col: number) => tw.cells[r]?.[col];
    // fixed cells
    expect(c(2, 2)).toMatchObject({ value: 2500, numberFormat: '#,##0.00', bold: true });
    expect(c(2, 4)).toMatchObject({ value: 40, formula: '=B3/C3*100', numberFormat: '0.00' });
    expect(c(3, 4)?.value ?? null).toBeNull();
    expect(c(5, 1)).toMatchObject({ value: 99 });
    expect(c(5, 1)?.formula).toBeUndefined();
    // the clone of the overwritten shared formula keeps its own formula
    expect(c(6, 1)).toMatchObject({ value: 6, formula: '=A7*3' });
    // untouched cells, styles (shared style objects not mutated), merges, widths
    expect(c(0, 0)).toMatchObject({ value: 'JUDUL', bold: true, fontName: 'Arial', fontSize: 14 });
    expect(c(2, 1)).toMatchObject({ value: 1000, numberFormat: '#,##0', bold: true });
    expect(c(2, 3)).toMatchObject({ value: 3000, numberFormat: '#,##0', bold: true });
    expect(tw.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(tw.columnWidths![1]).toBeGreaterThanOrEqual(120);
    expect(tw.columnWidths![1]).toBeLessThan(120.75);
    expect(tw.columnWidths![3]).toBe(columnWidthToPoints(30));
    expect(tw.columnWidths![0]).toBe(48);
    // other sheets
    expect(sheet(snap, 'Lain').cells[0][0]?.value).toBe(42);
    expect(sheet(snap, 'Lain').columnWidths![0]).toBe(columnWidthToPoints(12));
    expect(sheet(snap, 'Terkunci')).toMatchObject({ protected: true });
    expect(sheet(snap, 'Terkunci').cells[0][0]?.value).toBe(7);
    // Excel is told to recalculate on open
    expect(zipEntryText(fs.readFileSync(out), 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(zipEntryText(fs.readFileSync(src), 'xl/workbook.xml')).not.toMatch(/fullCalcOnLoad/);
    // the input is untouched
    const orig = snapshotFromWorkbook(await loadWorkbook(src)).sheets[0];
    expect(orig.cells[2][2]?.value).toBe(2000);
  });

  test('nothing applied leaves calcProperties alone', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 1;
    const r = applyFixes(wb, [cellFix('A', 'A1', 2, { certain: false })]);
    expect(r.applied).toHaveLength(0);
    expect(wb.calcProperties?.fullCalcOnLoad).toBeFalsy();
    expect(wb.getWorksheet('A')!.getCell('A1').value).toBe(1);
  });

  test('saveWorkbook refuses to overwrite the input', async () => {
    const src = tmp('sumber.xlsx');
    await buildWorkbook(src);
    const before = fs.readFileSync(src);
    const wb = await loadWorkbook(src);
    await expect(saveWorkbook(wb, src)).rejects.toBeInstanceOf(CapaianFileError);
    await expect(saveWorkbook(wb, path.relative(process.cwd(), src))).rejects.toThrow(/tidak boleh sama/);
    const link = tmp('tautan.xlsx');
    fs.symlinkSync(src, link);
    await expect(saveWorkbook(wb, link)).rejects.toThrow(/tidak boleh sama/);
    const fresh = new ExcelJS.Workbook();
    fresh.addWorksheet('A');
    await expect(saveWorkbook(fresh, src, src)).rejects.toThrow(/tidak boleh sama/);
    expect(fs.readFileSync(src).equals(before)).toBe(true);
  });

  test('saveWorkbook reports a missing folder as a file error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A');
    await expect(saveWorkbook(wb, tmp('tidak/ada/hasil.xlsx'))).rejects.toThrow(/Folder tujuan tidak ada/);
  });
});
