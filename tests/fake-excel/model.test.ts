// The plain workbook model: typed input, recalculation, text, used area, snapshot conversion.
import * as fs from 'fs';
import * as path from 'path';
import {
  cellKey,
  cellText,
  createSheet,
  createWorkbookModel,
  getCell,
  interpretInput,
  modelFromSnapshot,
  recalculate,
  setCell,
  snapshotFromModel,
  usedArea,
} from '../../src/preview/fake-excel/model';
import { formatArea, parseArea } from '../../src/preview/fake-excel/address';
import type { WorkbookSnapshot } from '../../src/engine/types';
import { modelWith } from './helpers';

const ID = { decimal: ',', group: '.' };

describe('interpretInput (what a written value becomes)', () => {
  test.each([
    ['=A1+1', { kind: 'formula', formula: '=A1+1' }],
    ["'=A1+1", { kind: 'value', value: '=A1+1' }],
    ["'007", { kind: 'value', value: '007' }],
    ['12', { kind: 'value', value: 12 }],
    ['1.600', { kind: 'value', value: 1600 }],
    ['1,5', { kind: 'value', value: 1.5 }],
    ['10%', { kind: 'value', value: 0.1, numberFormat: '0%' }],
    ['true', { kind: 'value', value: true }],
    ['#DIV/0!', { kind: 'error', code: '#DIV/0!' }],
    ['-', { kind: 'value', value: '-' }],
    ['-B2', { kind: 'formula', formula: '=-B2' }],
    ['Belanja Pegawai', { kind: 'value', value: 'Belanja Pegawai' }],
    ['', { kind: 'clear' }],
  ])('%j', (input, expected) => {
    expect(interpretInput(input, 'General', ID)).toEqual(expected);
  });

  test('null skips, non-finite numbers are invalid, Text format keeps strings', () => {
    expect(interpretInput(null, 'General', ID)).toEqual({ kind: 'skip' });
    expect(interpretInput(Number.NaN, 'General', ID)).toEqual({ kind: 'invalid' });
    expect(interpretInput('=A1', '@', ID)).toEqual({ kind: 'value', value: '=A1' });
    expect(interpretInput('12', '@', ID)).toEqual({ kind: 'value', value: '12' });
  });
});

describe('recalculation', () => {
  test('chains are computed precedents first, whatever the storage order', () => {
    const model = createWorkbookModel({ sheets: [createSheet('S')] });
    const cells = model.sheets[0].cells;
    // stored in reverse dependency order
    cells.set(cellKey(0, 3), { value: null, formula: '=C1*2', numberFormat: 'General' });
    cells.set(cellKey(0, 2), { value: null, formula: '=B1+1', numberFormat: 'General' });
    cells.set(cellKey(0, 1), { value: null, formula: '=A1*10', numberFormat: 'General' });
    cells.set(cellKey(0, 0), { value: 2, numberFormat: 'General' });
    recalculate(model);
    expect(getCell(model, 'S', 'D1')?.value).toBe(42);
  });

  test('a long chain does not overflow the stack', () => {
    const model = createWorkbookModel({ sheets: [createSheet('S')] });
    const cells = model.sheets[0].cells;
    cells.set(cellKey(0, 0), { value: 1, numberFormat: 'General' });
    for (let r = 1; r < 20000; r++) cells.set(cellKey(r, 0), { value: null, formula: `=A${r}+1`, numberFormat: 'General' });
    recalculate(model);
    expect(getCell(model, 'S', 'A20000')?.value).toBe(20000);
  });

  test('errors propagate and clear again; circular references keep their cached value', () => {
    const model = modelWith({ S: { A1: 1, B1: 0, C1: '=A1/B1', D1: '=C1+1' } });
    expect(getCell(model, 'S', 'D1')).toMatchObject({ error: '#DIV/0!', value: '#DIV/0!' });
    setCell(model, 'S', 'B1', 2);
    expect(getCell(model, 'S', 'D1')?.value).toBe(1.5);
    expect(getCell(model, 'S', 'D1')?.error).toBeUndefined();
    const cells = model.sheets[0].cells;
    cells.set(cellKey(5, 0), { value: 7, formula: '=A7', numberFormat: 'General' });
    cells.set(cellKey(6, 0), { value: 8, formula: '=A6', numberFormat: 'General' });
    recalculate(model);
    expect([getCell(model, 'S', 'A6')?.value, getCell(model, 'S', 'A7')?.value]).toEqual([7, 8]);
  });
});

describe('text and used area', () => {
  test('cellText formats numbers with the culture, booleans, errors, empty', () => {
    expect(cellText({ value: 1234.5, numberFormat: '#,##0.00' }, ID)).toBe('1.234,50');
    expect(cellText({ value: 0.256, numberFormat: '0.0%' }, ID)).toBe('25,6%');
    expect(cellText({ value: true, numberFormat: 'General' }, ID)).toBe('TRUE');
    expect(cellText({ value: '#N/A', error: '#N/A', numberFormat: 'General' }, ID)).toBe('#N/A');
    expect(cellText({ value: null, numberFormat: '0.00' }, ID)).toBe('');
    expect(cellText(undefined, ID)).toBe('');
  });

  test('usedArea with and without format-only cells', () => {
    const sheet = createSheet('S');
    expect(usedArea(sheet, false)).toBeNull();
    sheet.cells.set(cellKey(3, 2), { value: 'x', numberFormat: 'General' });
    sheet.cells.set(cellKey(8, 0), { value: null, numberFormat: 'General', font: { name: 'Calibri', size: 11, bold: true } });
    expect(usedArea(sheet, true)).toEqual({ top: 3, bottom: 3, left: 2, right: 2 });
    expect(usedArea(sheet, false)).toEqual({ top: 3, bottom: 8, left: 0, right: 2 });
  });

  test('addresses parse and print', () => {
    expect(parseArea('$B$2:d5')).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseArea('C:C')).toEqual({ top: 0, left: 2, bottom: 1048575, right: 2 });
    expect(parseArea('3:4')).toEqual({ top: 2, left: 0, bottom: 3, right: 16383 });
    expect(parseArea('A0')).toBeNull();
    expect(parseArea('XFE1')).toBeNull();
    expect(formatArea({ top: 4, left: 27, bottom: 4, right: 27 })).toBe('AB5');
  });
});

describe('snapshots', () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      {
        name: 'Capaian TW 1',
        cells: [
          [{ value: 'Pagu', bold: true }, { value: 'Realisasi' }, { value: 'Capaian' }],
          [{ value: 55599900, numberFormat: '#,##0.00' }, { value: 27799950, numberFormat: '#,##0.00' }, { value: 0.5, formula: '=B2/A2', numberFormat: '0.00%' }],
          [undefined, { value: '#REF!', isError: true }],
        ],
        merges: [{ top: 4, left: 0, bottom: 4, right: 2 }],
        columnWidths: [60, undefined, 40],
        protected: true,
      },
      { name: 'Hidden', cells: [], hidden: true },
    ],
  };

  test('modelFromSnapshot keeps values, formulas, formats, fonts, widths, merges, protection', () => {
    const model = modelFromSnapshot(snapshot);
    const s = model.sheets[0];
    expect(s.cells.get('0,0')).toEqual({ value: 'Pagu', numberFormat: 'General', font: { name: 'Calibri', size: 11, bold: true } });
    expect(s.cells.get('1,2')).toEqual({ value: 0.5, formula: '=B2/A2', numberFormat: '0.00%' });
    expect(s.cells.get('2,1')).toEqual({ value: '#REF!', error: '#REF!', numberFormat: 'General' });
    expect([...s.columnWidths]).toEqual([
      [0, 60],
      [2, 40],
    ]);
    expect(s.merges).toEqual([{ top: 4, left: 0, bottom: 4, right: 2 }]);
    expect(s.protected).toBe(true);
    expect(model.sheets[1].visibility).toBe('Hidden');
    expect(model.activeSheet).toBe('Capaian TW 1');
  });

  test('snapshotFromModel computes text and fills default widths; round trip is stable', () => {
    const model = modelFromSnapshot(snapshot);
    const back = snapshotFromModel(model);
    const s = back.sheets[0];
    expect(s.cells[1][0]).toMatchObject({ value: 55599900, text: '55.599.900,00', numberFormat: '#,##0.00' });
    expect(s.cells[1][2]).toMatchObject({ value: 0.5, formula: '=B2/A2', text: '50,00%' });
    expect(s.cells[2][1]).toMatchObject({ value: '#REF!', isError: true, text: '#REF!' });
    expect(s.cells[0][0]).toMatchObject({ value: 'Pagu', bold: true, fontName: 'Calibri', fontSize: 11 });
    expect(s.columnWidths).toEqual([60, 48, 40]);
    expect(s.protected).toBe(true);
    expect(back.sheets[1].hidden).toBe(true);
    expect(snapshotFromModel(modelFromSnapshot(back))).toEqual(back);
  });
});

describe('purity', () => {
  const dir = path.resolve(__dirname, '../../src/preview/fake-excel');
  const sources = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));

  test.each(sources.map((s) => [s.f, s.text]))('%s uses no Node API, DOM or host global', (_f, text) => {
    const code = (text as string).replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const specifiers = [...code.matchAll(/\sfrom\s+['"]([^'"]+)['"];?[ \t]*$/gm)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThanOrEqual((code.match(/^import\b/gm) ?? []).length); // every import was read
    for (const s of specifiers) expect(s).toMatch(/^\.\.?\//);
    expect(code).not.toMatch(/\brequire\s*\(/);
    // globals, but not properties (context.document.settings is fine)
    expect(code).not.toMatch(/(^|[^.\w])(window|document|navigator|process|globalThis|setTimeout|Buffer)\s*[.([]/m);
  });
});
