import { formatIdNumber, formatNumber } from '../src/engine/numfmt';

const EN = { decimal: '.', group: ',' };

describe('formatNumber', () => {
  it.each([
    [55599900, '#,##0.00', '55.599.900,00'],
    [1600000, '#,##0', '1.600.000'],
    [1234.5, '0', '1235'],
    [-1234.5, '0', '-1235'],
    [1.005, '0.00', '1,01'],
    [3.2721, '0.00', '3,27'],
    [0.5, '#.00', ',50'],
    [0, '#,##0', '0'],
    [1.5, '0.0#', '1,5'],
    [1.567, '0.0#', '1,57'],
    [7, '000', '007'],
    [0.0039, '0%', '0%'],
    [0.0039, '0.00%', '0,39%'],
    [0.842, '0.000%', '84,200%'],
    [-0.0089, '0.00%', '-0,89%'],
    [0, '#,##0;-#,##0;"-"', '-'],
    [5, '#,##0;-#,##0;"-"', '5'],
    [-1234, '#,##0;(#,##0)', '(1.234)'],
    [-1234, '#,##0;[Red]-#,##0', '-1.234'],
    [1234, '#,##0_);(#,##0)', '1.234 '],
    [1600000, '"Rp "#,##0', 'Rp 1.600.000'],
    [-1600000, '"Rp "#,##0', '-Rp 1.600.000'],
    [1600000, '[$Rp-421]#,##0', 'Rp1.600.000'],
    [1600000, '[$-421]#,##0.00', '1.600.000,00'],
    [1600000, '\\R\\p#,##0', 'Rp1.600.000'],
    [1234, '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', ' 1.234 '],
    [0, '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', ' - '],
    [0, '0;-0;', ''],
    [1234567, '#,##0,', '1.235'],
    [12345, '0.00E+00', '1,23E+04'],
    [0.00012, '0.0E+00', '1,2E-04'],
    [5, '@', '5'],
    [1.5, 'General', '1,5'],
    [12, '"TW "0', 'TW 12'],
  ])('%p with %j -> %j', (value, fmt, text) => {
    expect(formatNumber(value, fmt)).toBe(text);
  });

  it('uses the given separators', () => {
    expect(formatNumber(1600000.5, '#,##0.00', EN)).toBe('1,600,000.50');
    expect(formatNumber(1 / 3, undefined, EN)).toBe('0.333333333');
  });

  it('General shows at most 11 characters, scientific beyond', () => {
    expect(formatNumber(1 / 3, undefined)).toBe('0,333333333');
    expect(formatNumber(123456.789123, 'General')).toBe('123456,7891');
    expect(formatNumber(12345678901, 'General')).toBe('12345678901');
    expect(formatNumber(123456789012, 'General')).toBe('1,23457E+11');
    expect(formatNumber(-123456789012, 'General')).toBe('-1,23457E+11');
    expect(formatNumber(0.1 + 0.2, 'General')).toBe('0,3');
    expect(formatNumber(0.00001, 'General')).toBe('1E-05');
    expect(formatNumber(0, 'General')).toBe('0');
    expect(formatNumber(1600000, 'General')).toBe('1600000');
  });
});

describe('formatIdNumber', () => {
  it('groups with "." and uses "," for decimals', () => {
    expect(formatIdNumber(55599900, 2)).toBe('55.599.900,00');
    expect(formatIdNumber(9453491952, 0)).toBe('9.453.491.952');
    expect(formatIdNumber(-1234.5, 0)).toBe('-1.235');
    expect(formatIdNumber(1.625, 2)).toBe('1,63');
    expect(formatIdNumber(0, 2)).toBe('0,00');
  });
});
