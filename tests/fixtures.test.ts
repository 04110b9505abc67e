// The seed fixtures: build every variant, read it back with ExcelJS and check it against the
// transcription in tests/fixtures/seed-data.ts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SEED_TABLES } from './fixtures/seed-data';
import {
  COLUMN_NUMBERS,
  FIRST_DATA_ROW,
  FIXTURE_SHEETS,
  FIXTURE_VARIANTS,
  FORMULA_ERRORS,
  HASH_CELLS,
  KODE_FIRST_DATA_ROW,
  KODE_ROWS,
  SEED_COLUMN_LETTERS,
  SMALL_FONT_CELLS,
  budgetLevels,
  seedNumber,
  seedNumFmt,
  writeFixtures,
} from './fixtures/build-fixtures';
import type { FixtureVariant } from './fixtures/build-fixtures';

const CODE_RE = /^\d\.\d\d\.\d\d(\.\d\.\d\d(\.\d{2,4})?)?$/;
const NUMBER_COLS = [6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19]; // G..L, N..T

let dir: string;
const books = {} as Record<FixtureVariant, ExcelJS.Workbook>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-fixtures-'));
  const paths = await writeFixtures(dir);
  expect(paths.map((p) => path.basename(p))).toEqual(FIXTURE_VARIANTS.map((v) => `${v}.xlsx`));
  for (const v of FIXTURE_VARIANTS) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, `${v}.xlsx`));
    books[v] = wb;
  }
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const sheet = (v: FixtureVariant, name: string): ExcelJS.Worksheet => {
  const ws = books[v].getWorksheet(name);
  if (!ws) throw new Error(`${v}: no sheet ${name}`);
  return ws;
};

const isHash = (sheetName: string, address: string) => HASH_CELLS.some((h) => h.sheet === sheetName && h.cell === address);

describe('seedNumber', () => {
  test.each([
    ['55.599.900,00', 55599900],
    ['72.110.600', 72110600],
    ['0', 0],
    ['-', 0],
    ['1,62', 1.62],
    ['100,00', 100],
    ['0,39%', 0.0039],
    ['-0,89%', -0.0089],
    ['0,064%', 0.00064],
    ['-228,21%', -2.2821],
    ['99%', 0.99],
    ['3,8%', 0.038],
  ])('%s -> %d', (text, n) => {
    expect(seedNumber(text)).toBe(n);
  });
  test.each(['', '#####', '4.', 'PAGU', '1.62'])('%j -> null', (text) => {
    expect(seedNumber(text)).toBeNull();
  });
  test('number formats follow the printed decimals', () => {
    expect(seedNumFmt('55.599.900,00', 13)).toBe('#,##0.00');
    expect(seedNumFmt('72.110.600', 14)).toBe('#,##0');
    expect(seedNumFmt('-', 14)).toBe('#,##0;-#,##0;"-"');
    expect(seedNumFmt('1,62', 19)).toBe('0.00');
    expect(seedNumFmt('0,39%', 6)).toBe('0.00%');
    expect(seedNumFmt('99%', 11)).toBe('0%');
    expect(seedNumFmt('0,064%', 10)).toBe('0.000%');
  });
});

describe('seed transcription', () => {
  test('four tables, 20 cells a row, row counts as transcribed', () => {
    expect(SEED_TABLES.map((t) => t.sheetName)).toEqual(['TW I', 'TW II', 'TW III', 'TW IV']);
    expect(SEED_TABLES.map((t) => t.rows.length)).toEqual([72, 74, 72, 43]);
    for (const t of SEED_TABLES) {
      expect(t.title).toHaveLength(3);
      for (const row of t.rows) {
        expect(row).toHaveLength(20);
        for (const c of row) expect(typeof c).toBe('string');
      }
    }
  });

  test('every number cell is a printed number, "-", "#####" or blank', () => {
    for (const t of SEED_TABLES) {
      t.rows.forEach((row) => {
        for (const c of NUMBER_COLS) {
          const text = row[c];
          if (text === '' || text === '-' || text === '#####') continue;
          expect([t.sheetName, text, seedNumber(text)]).not.toContain(null);
        }
        // budget numbers never without a budget row; names never numeric
        expect(seedNumber(row[12])).toBeNull();
      });
    }
  });

  test('TW IV PELAYANAN PENANAMAN MODAL: program 250.634.400, kegiatan 246.174.400, subs add to 250.634.400', () => {
    const tw4 = SEED_TABLES[3];
    const i = tw4.rows.findIndex((r) => r[12] === 'PROGRAM PELAYANAN PENANAMAN MODAL');
    expect(tw4.rows[i][13]).toBe('250.634.400');
    expect(tw4.rows[i + 1][13]).toBe('246.174.400');
    const levels = budgetLevels(tw4);
    const subs = tw4.rows.slice(i + 2, i + 6);
    expect(levels.slice(i, i + 6)).toEqual(['program', 'kegiatan', 'sub', 'sub', 'sub', 'sub']);
    expect(subs.reduce((a, r) => a + (seedNumber(r[13]) ?? 0), 0)).toBe(250634400);
  });

  test('TW IV rows with 6 numbers for 7 cells: R blank', () => {
    const tw4 = SEED_TABLES[3];
    expect(tw4.rows[0].slice(12)).toEqual([
      'PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL',
      '55.599.900',
      '0',
      '55.599.900',
      '0',
      '',
      '55.511.475',
      '99,84',
    ]);
    expect(tw4.rows[3].slice(12)).toEqual(['PROGRAM PROMOSI PENANAMAN MODAL', '49.421.000', '0', '47.509.789', '0', '', '47.509.789', '96,13']);
  });
});

describe('fixture workbooks', () => {
  test('each variant has the expected sheets', () => {
    for (const v of FIXTURE_VARIANTS) {
      expect(books[v].worksheets.map((ws) => ws.name)).toEqual(FIXTURE_SHEETS[v]);
    }
  });

  test('TW I row 8 is PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL, pagu 55.599.900', () => {
    for (const v of ['seed', 'seed-hash', 'seed-formulas'] as const) {
      const ws = sheet(v, 'TW I');
      expect(ws.getCell('M8').value).toBe('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL');
      expect(ws.getCell('N8').value).toBe(55599900);
      expect(ws.getCell('N8').numFmt).toBe('#,##0.00');
    }
    expect(sheet('seed-text', 'TW I').getCell('N8').value).toBe('55.599.900,00');
  });

  test('layout: titles, merged headers, column numbers, signature after one empty row', () => {
    for (const t of SEED_TABLES) {
      const ws = sheet('seed', t.sheetName);
      t.title.forEach((line, i) => expect(ws.getCell(i + 1, 1).value).toBe(line));
      const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
      for (const m of ['A1:T1', 'A2:T2', 'A3:T3', 'G5:J5', 'O5:R5', 'A5:A6', 'M5:M6', 'T5:T6']) expect(merges).toContain(m);
      expect(ws.getCell('G5').value).toBe('TARGET');
      expect(ws.getCell('O5').value).toBe('ANGGARAN KAS');
      expect(ws.getCell('J6').value).toBe('TRW IV');
      expect(ws.getCell('R6').value).toBe('TRIWULAN IV');
      COLUMN_NUMBERS.forEach((n, c) => expect(ws.getCell(7, c + 1).value).toBe(n));
      const after = FIRST_DATA_ROW + t.rows.length;
      for (let c = 1; c <= 20; c++) expect(ws.getCell(after, c).value).toBeNull();
      t.signature.forEach((line, i) => expect(ws.getCell(after + 1 + i, 14).value).toBe(line));
      expect(ws.getColumn('M').width).toBe(60);
    }
    const tw3 = sheet('seed', 'TW III');
    expect([tw3.getColumn('O').width, tw3.getColumn('P').width, tw3.getColumn('Q').width, tw3.getColumn('R').width]).toEqual([11, 16, 12, 11]);
    expect(sheet('seed', 'TW II').getColumn('O').width).toBe(16);
    expect(sheet('seed', 'Sampul').getCell('A2').value).toBe('PEMERINTAH KOTA PROBOLINGGO');
  });

  test('seed holds every printed cell, numbers as numbers', () => {
    for (const t of SEED_TABLES) {
      const ws = sheet('seed', t.sheetName);
      t.rows.forEach((row, i) => {
        row.forEach((text, c) => {
          const address = `${SEED_COLUMN_LETTERS[c]}${FIRST_DATA_ROW + i}`;
          const value = ws.getCell(address).value;
          if (isHash(t.sheetName, address)) return;
          if (text === '') expect([address, value]).toEqual([address, null]);
          else if (c === 0) expect(String(value)).toBe(text);
          else if (NUMBER_COLS.includes(c) && !(c === 19 && text === '-')) {
            expect([t.sheetName, address, value]).toEqual([t.sheetName, address, seedNumber(text)]);
            expect(ws.getCell(address).numFmt).toBe(seedNumFmt(text, c));
          } else expect([t.sheetName, address, value]).toEqual([t.sheetName, address, text]);
        });
      });
    }
  });

  test('HASH_CELLS: real numbers in seed (overflowing), "#####" in seed-hash', () => {
    expect(HASH_CELLS).toHaveLength(8);
    for (const h of HASH_CELLS) {
      expect(h.sheet).toBe('TW III');
      const seed = sheet('seed', h.sheet).getCell(h.cell);
      expect(seed.value).toBe(h.value);
      expect(seed.numFmt).toBe(h.numFmt);
      expect(sheet('seed-hash', h.sheet).getCell(h.cell).value).toBe('#####');
      expect(sheet('seed-text', h.sheet).getCell(h.cell).value).toBe(h.text);
    }
    const cells = HASH_CELLS.map((h) => h.cell).sort();
    expect(cells).toEqual(['O15', 'O28', 'O32', 'O33', 'Q15', 'R15', 'R28', 'R32'].sort());
    for (const s of SMALL_FONT_CELLS) expect(sheet('seed', s.sheet).getCell(s.cell).font?.size).toBe(9);
  });

  test('seed-text: every number cell is a string as printed', () => {
    for (const t of SEED_TABLES) {
      const ws = sheet('seed-text', t.sheetName);
      t.rows.forEach((row, i) => {
        for (const c of NUMBER_COLS) {
          const address = `${SEED_COLUMN_LETTERS[c]}${FIRST_DATA_ROW + i}`;
          const value = ws.getCell(address).value;
          if (row[c] === '') {
            expect(value).toBeNull();
            continue;
          }
          expect(typeof value).toBe('string');
          if (!isHash(t.sheetName, address)) expect(value).toBe(row[c]);
          expect(ws.getCell(address).numFmt).toBe('@');
        }
      });
    }
  });

  test('seed-formulas: capaian formulas with printed results, and the planted errors', () => {
    const tw1 = sheet('seed-formulas', 'TW I');
    expect(tw1.getCell('T11').value).toEqual({ formula: 'IF(N11=0,"-",S11/N11*100)', result: 1.62 });
    expect(tw1.getCell('T8').value).toEqual({ formula: 'IF(N8=0,"-",S8/N8*100)', result: '-' });
    expect(tw1.getCell('L8').value).toEqual({ formula: 'K8/G8', result: -2.2821 });
    expect(sheet('seed-formulas', 'TW IV').getCell('L8').value).toEqual({ formula: 'K8/J8', result: 0.9744 });

    expect(FORMULA_ERRORS).toEqual([
      { sheet: 'TW I', cell: 'T10', error: '#REF!', formula: '=S10/#REF!*100' },
      { sheet: 'TW II', cell: 'T74', error: '#DIV/0!', formula: '=S74/X74*100' },
      { sheet: 'TW III', cell: 'L8', error: '#VALUE!', formula: '=K8/"x"' },
    ]);
    for (const e of FORMULA_ERRORS) {
      const v = sheet('seed-formulas', e.sheet).getCell(e.cell).value as ExcelJS.CellFormulaValue;
      expect(v.formula).toBe(e.formula.slice(1));
      expect(v.result).toEqual({ error: e.error });
    }
    expect(sheet('seed-formulas', 'TW II').getCell('M74').value).toBe('PROGRAM HUBUNGAN INDUSTRIAL');

    // every named budget row's T is a formula whose result is the printed value
    for (const t of SEED_TABLES) {
      const ws = sheet('seed-formulas', t.sheetName);
      t.rows.forEach((row, i) => {
        const address = `T${FIRST_DATA_ROW + i}`;
        if (row[12] === '' || row[19] === '') return;
        const v = ws.getCell(address).value as ExcelJS.CellFormulaValue;
        expect(typeof v.formula).toBe('string');
        if (FORMULA_ERRORS.some((e) => e.sheet === t.sheetName && e.cell === address)) return;
        expect(v.result).toEqual(row[19] === '-' ? '-' : seedNumber(row[19]));
      });
    }
  });

  test('kode-reordered: codes follow the nomenclature', () => {
    for (const name of ['Triwulan I', 'Triwulan II']) {
      const ws = sheet('kode-reordered', name);
      expect(ws.getCell('A3').value).toBe('KODE');
      expect(ws.getCell('D3').value).toBe('Anggaran Kas');
      expect(ws.getCell('P4').value).toBe('Tw I');
      const rows = KODE_ROWS.filter((r) => r.sheet === name);
      expect(rows.length).toBeGreaterThan(60);
      let program = '';
      let kegiatan = '';
      for (const r of rows) {
        const code = ws.getCell(r.row, 1).value;
        expect(code).toBe(r.code);
        expect(r.code).toMatch(CODE_RE);
        expect(ws.getCell(r.row, 2).value ?? '').toBe(r.name);
        if (r.level === 'program') program = r.code;
        if (r.level === 'kegiatan') {
          kegiatan = r.code;
          expect(r.code.startsWith(program + '.2.')).toBe(true);
        }
        if (r.level === 'sub') {
          expect(r.code.startsWith(kegiatan + '.')).toBe(true);
          const digits = r.code.length - kegiatan.length - 1;
          expect(digits).toBe(name === 'Triwulan II' && program === '2.18.01' ? 2 : 4);
        }
      }
      expect(rows.find((r) => /^PROGRAM PENUNJANG/.test(r.name))?.code).toBe('2.18.01');
      expect(rows.filter((r) => r.level === 'program' && r.code.startsWith('2.07.')).map((r) => r.name)).toEqual([
        'PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA',
        'PROGRAM PENEMPATAN TENAGA KERJA',
        'PROGRAM HUBUNGAN INDUSTRIAL',
      ]);
    }
    const tw1 = sheet('kode-reordered', 'Triwulan I');
    expect(tw1.getCell(`B${KODE_FIRST_DATA_ROW}`).value).toBe('PROGRAM PENGEMBANGAN IKLIM PENANAMAN MODAL');
    expect(tw1.getCell(`C${KODE_FIRST_DATA_ROW}`).value).toBe(55599900);
    expect(tw1.getCell(`J${KODE_FIRST_DATA_ROW}`).value).toBe(1);
    expect(tw1.getCell(`P${KODE_FIRST_DATA_ROW}`).value).toBe(0.0039);
    // blank rows left out: 72 seed rows minus 2 blank lines
    const last = KODE_FIRST_DATA_ROW + SEED_TABLES[0].rows.filter((r) => r.some((c) => c !== '')).length - 1;
    expect(tw1.getCell(`B${last}`).value).toBe(SEED_TABLES[0].rows[71][12]);
    expect(tw1.getCell(`B${last + 1}`).value).toBeNull();
  });
});
