import { parseAddress } from '../src/engine/a1';
import { evaluateFormula, formulaReferences } from '../src/engine/formula';
import type { CellGetter } from '../src/engine/formula';

type V = ReturnType<CellGetter>;

/** A sheet from A1 addresses. */
function sheet(cells: Record<string, V>): CellGetter {
  const map = new Map<string, V>();
  for (const [a1, v] of Object.entries(cells)) {
    const p = parseAddress(a1);
    if (!p) throw new Error(a1);
    map.set(`${p.row},${p.col}`, v);
  }
  return (row, col) => map.get(`${row},${col}`) ?? null;
}

const S = sheet({
  A1: 10,
  A2: 20,
  A3: 30,
  A4: 'teks',
  A5: null,
  A6: true,
  B1: { error: '#DIV/0!' },
  B2: 0,
  C1: 49421000,
  C2: 800000,
  D1: '1.600.000',
  D2: '12',
  D3: '',
});
const ev = (f: string) => evaluateFormula(f, S);

describe('evaluateFormula: values and operators', () => {
  it.each([
    ['=1+2*3', 7],
    ['1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=10/4', 2.5],
    ['=2^10', 1024],
    ['=2^3^2', 64],
    ['=-2^2', 4],
    ['=2-3-4', -5],
    ['=-A1', -10],
    ['=+A1+A2', 30],
    ['=50%', 0.5],
    ['=A1%*A2', 2],
    ['=1.5e3', 1500],
    ['=.5', 0.5],
    ['=A1 + A2', 30],
    ['=$A$1+A$2+$A3', 60],
    ['=a1*2', 20],
    ['=C2/C1*100', (800000 / 49421000) * 100],
    ['=A5+1', 1],
    ['=A5*5', 0],
    ['=A6+1', 2],
    ['=TRUE+TRUE', 2],
    ['=D2*2', 24],
  ])('%s = %p', (f, v) => {
    expect(ev(f)).toBe(v);
  });

  it('returns strings and booleans', () => {
    expect(ev('="a"&"b"')).toBe('ab');
    expect(ev('="say ""hi"""')).toBe('say "hi"');
    expect(ev('=A4&"!"')).toBe('teks!');
    expect(ev('=A1&"x"')).toBe('10x');
    expect(ev('=A5&"x"')).toBe('x');
    expect(ev('=TRUE')).toBe(true);
    expect(ev('=false')).toBe(false);
  });

  it.each([
    ['=1<2', true],
    ['=2<=2', true],
    ['=3>=4', false],
    ['=1<>1', false],
    ['=A1=10', true],
    ['="abc"="ABC"', true],
    ['="a"<"b"', true],
    ['=5<"a"', true],
    ['="z"<TRUE', true],
    ['=A5=0', true],
    ['=A5=""', true],
    ['=0.1+0.2=0.3', true],
    ['=1+1=2', true],
  ])('%s = %p', (f, v) => {
    expect(ev(f)).toBe(v);
  });

  it('an empty cell alone is 0', () => {
    expect(ev('=A5')).toBe(0);
    expect(ev('=Z99')).toBe(0);
  });

  it('reads 0-based cells', () => {
    const seen: [number, number][] = [];
    evaluateFormula('=B3', (r, c) => {
      seen.push([r, c]);
      return 1;
    });
    expect(seen).toEqual([[2, 1]]);
  });
});

describe('evaluateFormula: errors', () => {
  it.each([
    ['=1/0', '#DIV/0!'],
    ['=A1/B2', '#DIV/0!'],
    ['=A1/A5', '#DIV/0!'],
    ['=A4+1', '#VALUE!'],
    ['=-A4', '#VALUE!'],
    ['="x"*2', '#VALUE!'],
    ['=D3+1', '#VALUE!'],
    ['=B1+1', '#DIV/0!'],
    ['=1+B1', '#DIV/0!'],
    ['=#REF!', '#REF!'],
    ['=#REF!+1', '#REF!'],
    ['=#REF!A1*2', '#REF!'],
    ['=SUM(A1,#REF!)', '#REF!'],
    ['=#N/A', '#N/A'],
    ['=B1&"x"', '#DIV/0!'],
    ['=B1=1', '#DIV/0!'],
    ['=0^0', '#NUM!'],
    ['=(-8)^0.5', '#NUM!'],
    ['=10^400', '#NUM!'],
    ['=SUM(B1:B2)', '#DIV/0!'],
    ['=ABS(A4)', '#VALUE!'],
    ['=AVERAGE(A5,A4:A4)', '#DIV/0!'],
  ])('%s = %s', (f, code) => {
    expect(ev(f)).toEqual({ error: code });
  });

  it('keeps the first error of an operation', () => {
    const g = sheet({ A1: { error: '#N/A' }, A2: { error: '#REF!' } });
    expect(evaluateFormula('=A1+A2', g)).toEqual({ error: '#N/A' });
    expect(evaluateFormula('=A2+A1', g)).toEqual({ error: '#REF!' });
  });
});

describe('evaluateFormula: functions', () => {
  it.each([
    ['=SUM(A1:A3)', 60],
    ['=SUM(A1:A6)', 60],
    ['=SUM(A3:A1)', 60],
    ['=SUM(A1,A2,5)', 35],
    ['=SUM(A4)', 0],
    ['=SUM(TRUE,1)', 2],
    ['=SUM(A1:A2,A3:A3)', 60],
    ['=sum(a1:a2,c2)', 800030],
    ['=AVERAGE(A1:A6)', 20],
    ['=MIN(A1:A6)', 10],
    ['=MAX(A1:A6,-1)', 30],
    ['=MIN(A4:A5)', 0],
    ['=MAX(-5,-3)', -3],
    ['=ABS(-84.17)', 84.17],
    ['=ROUND(2.675,2)', 2.68],
    ['=ROUND(1.005,2)', 1.01],
    ['=ROUND(-2.5,0)', -3],
    ['=ROUND(1234.5,-2)', 1200],
    ['=ROUND(C2/C1*100,2)', 1.62],
    ['=ROUNDUP(1.001,2)', 1.01],
    ['=ROUNDUP(-1.001,2)', -1.01],
    ['=ROUNDUP(1.13,2)', 1.13],
    ['=ROUNDDOWN(14.2857,2)', 14.28],
    ['=ROUNDDOWN(-14.2857,2)', -14.28],
    ['=ROUNDDOWN(1234,-2)', 1200],
    ['=IF(A1>5,"big","small")', 'big'],
    ['=IF(A1>50,"big","small")', 'small'],
    ['=IF(A1>50,"big")', false],
    ['=IF(A1>5,,1)', 0],
    ['=IF(A5,1,2)', 2],
    ['=IF(A1,A5,1)', 0],
    ['=IF(C1=0,"-",C2/C1*100)', (800000 / 49421000) * 100],
    ['=IF(B2=0,"-",A1/B2)', '-'],
    ['=IFERROR(A1/B2,"-")', '-'],
    ['=IFERROR(A1/2,"-")', 5],
    ['=IFERROR(A5,1)', 0],
    ['=IFERROR(B1,A1)', 10],
    ['=ISERROR(B1)', true],
    ['=ISERROR(A1/B2)', true],
    ['=ISERROR(A1)', false],
    ['=ISBLANK(A5)', true],
    ['=ISBLANK(A1)', false],
    ['=ISBLANK(D3)', false],
    ['=ISBLANK("")', false],
    ['=AND(TRUE,1)', true],
    ['=AND(A1>5,A2>50)', false],
    ['=AND(A1:A6)', true],
    ['=OR(FALSE,0)', false],
    ['=OR(A1>50,A2>5)', true],
    ['=NOT(A5)', true],
    ['=NOT(1)', false],
  ])('%s = %p', (f, v) => {
    expect(ev(f)).toBe(v);
  });

  it('evaluates only the chosen branch of IF', () => {
    expect(ev('=IF(TRUE,1,VLOOKUP(A1,B1:C3,2))')).toBe(1);
    expect(ev('=IF(FALSE,1,VLOOKUP(A1,B1:C3,2))')).toBeNull();
    expect(ev('=IFERROR(1,Sheet2!A1)')).toBe(1);
  });

  it('propagates errors through functions', () => {
    expect(ev('=IF(B1,1,2)')).toEqual({ error: '#DIV/0!' });
    expect(ev('=ROUND(B1,2)')).toEqual({ error: '#DIV/0!' });
    expect(ev('=AND(A4)')).toEqual({ error: '#VALUE!' });
    expect(ev('=AND(A4:A5)')).toEqual({ error: '#VALUE!' });
  });
});

describe('evaluateFormula: cannot evaluate', () => {
  it.each([
    '=VLOOKUP(A1,B1:C3,2,FALSE)',
    '=SUBTOTAL(9,A1:A3)',
    '=Sheet2!A1',
    "='Data 2022'!A1*2",
    '=[1]Sheet1!A1',
    '=SUM(Sheet2!A1:A3)',
    '=Pagu*2',
    '=SUM(A:A)',
    '=A1:A3',
    '=A1:A3*2',
    '=SUM(A1:A3',
    '=1+',
    '=)',
    '=',
    '=A1 A2',
    '=ROUND(1)',
    '=NOT(1,2)',
    '={1,2}',
    '=D1+1', // "1.600.000": its value depends on the user's locale
    '=1.5&"x"',
    '=TRUE&"x"',
    '=Table1[Pagu]',
  ])('%s -> null', (f) => {
    expect(ev(f)).toBeNull();
  });

  it('never throws', () => {
    const boom: CellGetter = () => {
      throw new Error('host failure');
    };
    expect(evaluateFormula('=A1+1', boom)).toBeNull();
    expect(evaluateFormula('=SUM(A1:XFD1048576)', S)).toBeNull();
    expect(evaluateFormula('"unterminated', S)).toBeNull();
  });
});

describe('formulaReferences', () => {
  it('lists cells, ranges expanded, without duplicates', () => {
    expect(formulaReferences('=SUM(B2:C3)+A1+B2')).toEqual([
      { row: 1, col: 1 },
      { row: 1, col: 2 },
      { row: 2, col: 1 },
      { row: 2, col: 2 },
      { row: 0, col: 0 },
    ]);
  });

  it('handles absolute references and reversed ranges', () => {
    expect(formulaReferences('$N$12/M$12')).toEqual([
      { row: 11, col: 13 },
      { row: 11, col: 12 },
    ]);
    expect(formulaReferences('=SUM(A3:A1)')).toEqual([
      { row: 0, col: 0 },
      { row: 1, col: 0 },
      { row: 2, col: 0 },
    ]);
  });

  it('leaves out other sheets, strings and function names', () => {
    expect(formulaReferences('=Sheet2!A1+\'My sheet\'!B2:C9+D4&"E5"+LOG10(F6)')).toEqual([
      { row: 3, col: 3 },
      { row: 5, col: 5 },
    ]);
  });

  it('still lists references under unsupported functions', () => {
    expect(formulaReferences('=SUBTOTAL(9,O13:O14)')).toEqual([
      { row: 12, col: 14 },
      { row: 13, col: 14 },
    ]);
  });

  it('gives nothing for an unreadable formula', () => {
    expect(formulaReferences('=A1+"oops')).toEqual([]);
    expect(formulaReferences('=1+2')).toEqual([]);
  });
});
