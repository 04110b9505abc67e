import {
  decimalsOf,
  equalAtPrecision,
  isDash,
  isHashLiteral,
  isPercentFormat,
  parseNumberText,
  readAmount,
  roundTo,
  truncTo,
} from '../src/engine/numbers';

describe('parseNumberText', () => {
  it.each([
    ['55.599.900,00', 55599900, false],
    ['1.600.000', 1600000, false],
    ['0,39%', 0.39, true],
    ['-0,89%', -0.89, true],
    ['100%', 100, true],
    ['0,39 %', 0.39, true],
    ['-84,17', -84.17, false],
    ['(1.234)', -1234, false],
    ['Rp 1.600.000', 1600000, false],
    ['Rp1.600.000,-', 1600000, false],
    ['Rp. 1.600.000,00', 1600000, false],
    ['Rp (1.234)', -1234, false],
    ['-Rp 1.234', -1234, false],
    [' 2.259.988 ', 2259988, false],
    ['\u00a02.259.988\u00a0', 2259988, false],
    ['\u2212 5', -5, false],
    ['+12', 12, false],
    ['1,600,000.50', 1600000.5, false],
    ['12.5', 12.5, false],
    ['0.500', 0.5, false],
    ['1234.567', 1234.567, false],
    ['1.600', 1600, false],
    ['1,62', 1.62, false],
    ['1,600', 1.6, false],
    ['1.600,5', 1600.5, false],
    ['0', 0, false],
    ['2022', 2022, false],
  ])('%j -> %p', (text, value, percent) => {
    expect(parseNumberText(text)).toEqual({ value, percent });
  });

  it.each(['Pembuatan Peta', '', '   ', '-', '#####', '1.2.3', '12.34.567', '1,234.567.8', '1.600.', '(-5)', '5 kg', 'Rp', '%'])(
    '%j is not a number',
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );

  it('does not return -0', () => {
    expect(Object.is(parseNumberText('-0')?.value, 0)).toBe(true);
  });
});

describe('isDash / isHashLiteral', () => {
  it.each(['-', '\u2013', '\u2014', '- ', ' - ', 'Rp -', 'rp. -', '\u00a0-'])('%j is a dash', (t) => {
    expect(isDash(t)).toBe(true);
  });
  it.each(['', '-5', 'Rp', '0', 'a-b', '#####'])('%j is not a dash', (t) => {
    expect(isDash(t)).toBe(false);
  });
  it.each(['#####', '########', '##', ' ### ', '# # #'])('%j is a hash literal', (t) => {
    expect(isHashLiteral(t)).toBe(true);
  });
  it.each(['#', '', '#REF!', '#N/A', '12#', '##1'])('%j is not a hash literal', (t) => {
    expect(isHashLiteral(t)).toBe(false);
  });
});

describe('number formats', () => {
  it.each([
    ['0%', true],
    ['0.00%', true],
    ['#,##0.00', false],
    ['General', false],
    [undefined, false],
    ['0.00"%"', false],
    ['0.00\\%', false],
    ['[$%-421]0', false],
    ['0.00_%', false],
    ['#,##0;"%"', false],
  ])('isPercentFormat(%j) = %p', (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });

  it.each([
    ['#,##0.00', undefined, 2],
    ['0%', undefined, 0],
    ['0.000%', undefined, 3],
    ['0.0#', undefined, 2],
    ['#,##0', undefined, 0],
    ['#,##0.00_);(#,##0.00)', undefined, 2],
    ['"Rp "#,##0.00', undefined, 2],
    ['0.00E+00', undefined, 2],
    ['General', undefined, undefined],
    [undefined, undefined, undefined],
    [undefined, '1,62', 2],
    ['General', '1,62', 2],
    [undefined, '1.600.000', 0],
    [undefined, '0,39%', 2],
    [undefined, 'abc', undefined],
    ['#,##0', '1,62', 0],
  ])('decimalsOf(%j, %j) = %p', (fmt, text, expected) => {
    expect(decimalsOf(fmt, text)).toBe(expected);
  });
});

describe('readAmount', () => {
  it('reads numbers', () => {
    expect(readAmount({ value: 55599900, numberFormat: '#,##0.00' })).toEqual({
      value: 55599900,
      source: 'number',
      decimals: 2,
    });
  });

  it('reads empty cells', () => {
    expect(readAmount(undefined)).toEqual({ value: null, source: 'empty' });
    expect(readAmount({ value: null })).toEqual({ value: null, source: 'empty' });
    expect(readAmount({ value: '   ' })).toEqual({ value: null, source: 'empty' });
  });

  it('reads dashes as zero', () => {
    expect(readAmount({ value: '-' })).toEqual({ value: 0, source: 'dash' });
    expect(readAmount({ value: 'Rp -' })).toEqual({ value: 0, source: 'dash' });
  });

  it('reads numbers typed as text', () => {
    expect(readAmount({ value: '55.599.900,00' })).toEqual({
      value: 55599900,
      source: 'text',
      fromText: true,
      decimals: 2,
    });
  });

  it('reads plain text as no number', () => {
    expect(readAmount({ value: 'Pembuatan Peta' })).toEqual({ value: null, source: 'text' });
    expect(readAmount({ value: true })).toEqual({ value: null, source: 'text' });
  });

  it('reads "#####" text as a lost number', () => {
    expect(readAmount({ value: '#####' })).toEqual({ value: null, source: 'hash' });
  });

  it('reads errors', () => {
    expect(readAmount({ value: '#DIV/0!', isError: true, formula: '=A1/B1' })).toEqual({
      value: null,
      source: 'error',
      error: '#DIV/0!',
      formula: true,
    });
    expect(readAmount({ value: '#REF!' })).toMatchObject({ value: null, source: 'error', error: '#REF!' });
  });

  it('reads formula cells from their cached value', () => {
    expect(readAmount({ value: 800000, formula: '=SUM(A1:A3)', numberFormat: '#,##0' })).toEqual({
      value: 800000,
      source: 'number',
      formula: true,
      decimals: 0,
    });
    expect(readAmount({ value: null, formula: '=A1' })).toEqual({ value: null, source: 'formula', formula: true });
  });

  describe('percent', () => {
    it('multiplies a number under a % format by 100', () => {
      expect(readAmount({ value: 0.0039, numberFormat: '0.00%' }, { percent: true })).toEqual({
        value: 0.39,
        source: 'number',
        decimals: 2,
        percentFormat: true,
      });
      expect(readAmount({ value: -2.2821, numberFormat: '0.00%' }, { percent: true }).value).toBe(-228.21);
    });

    it('keeps a plain number under a "%" header', () => {
      expect(readAmount({ value: 0.39 }, { percent: true })).toEqual({ value: 0.39, source: 'number' });
      expect(readAmount({ value: 1.62, numberFormat: '0.00' }, { percent: true })).toEqual({
        value: 1.62,
        source: 'number',
        decimals: 2,
      });
    });

    it('reads percent text in percent units', () => {
      expect(readAmount({ value: '0,39%' }, { percent: true })).toEqual({
        value: 0.39,
        source: 'text',
        fromText: true,
        decimals: 2,
        percentFormat: true,
      });
      expect(readAmount({ value: '1,62' }, { percent: true })).toEqual({
        value: 1.62,
        source: 'text',
        fromText: true,
        decimals: 2,
      });
    });

    it('without percent gives fractions like Excel', () => {
      expect(readAmount({ value: 0.0039, numberFormat: '0.00%' })).toMatchObject({ value: 0.0039, decimals: 4 });
      expect(readAmount({ value: '0,39%' })).toMatchObject({ value: 0.0039, decimals: 4, percentFormat: true });
    });

    it('takes the percent from the text when the format is unknown', () => {
      expect(readAmount({ value: 0.1428, text: '14,28%' }, { percent: true })).toMatchObject({
        value: 14.28,
        decimals: 2,
        percentFormat: true,
      });
    });
  });
});

describe('roundTo / truncTo', () => {
  it.each([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [1.045, 2, 1.05],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.5, 0, 3],
    [1234.5, -2, 1200],
    [1250, -2, 1300],
    [14.285714, 2, 14.29],
    [55599900, 2, 55599900],
    [-0.001, 2, 0],
  ])('roundTo(%p, %p) = %p', (x, d, r) => {
    expect(roundTo(x, d)).toBe(r);
  });

  it('never gives -0', () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  it('truncates toward zero', () => {
    expect(truncTo(14.2857, 2)).toBe(14.28);
    expect(truncTo(-14.2857, 2)).toBe(-14.28);
    expect(truncTo(1.13, 2)).toBe(1.13); // 1.13 * 100 = 112.99999999999999
  });
});

describe('equalAtPrecision', () => {
  it('compares at the decimals shown', () => {
    expect(equalAtPrecision(1.62, 800000 / 49421000 * 100, 2)).toBe(true);
    expect(equalAtPrecision(1.6, 800000 / 49421000 * 100, 2)).toBe(false); // 1.6187...
    expect(equalAtPrecision(1.63, 800000 / 49421000 * 100, 2)).toBe(false);
    expect(equalAtPrecision(5.88, 24270000 / 412786800 * 100, 2)).toBe(true);
    expect(equalAtPrecision(99, 98.95, 0)).toBe(true);
    expect(equalAtPrecision(99, 98.95, 2)).toBe(false);
  });

  it('accepts a truncated stated value', () => {
    expect(equalAtPrecision(14.28, 100 / 7, 2)).toBe(true); // 14.2857...
    expect(equalAtPrecision(14.29, 100 / 7, 2)).toBe(true);
    expect(equalAtPrecision(14.27, 100 / 7, 2)).toBe(false);
    expect(equalAtPrecision(1.61, 800000 / 49421000 * 100, 2)).toBe(true); // 1.6187 cut
    expect(equalAtPrecision(-14.28, -100 / 7, 2)).toBe(true);
  });

  it('defaults to 2 decimals', () => {
    expect(equalAtPrecision(3.27, 3.2721, undefined)).toBe(true);
    expect(equalAtPrecision(3.3, 3.2721, undefined)).toBe(false);
  });

  it('rounds the stated value too (a stored value with more decimals than shown)', () => {
    expect(equalAtPrecision(16.8104, 16.81, 2)).toBe(true);
  });
});
