import {
  charsToPoints,
  columnContentWidth,
  estimateTextWidth,
  overflows,
  pointsToChars,
  widthToFit,
} from '../src/engine/textWidth';

describe('estimateTextWidth', () => {
  it('is calibrated on Excel pixels', () => {
    expect(estimateTextWidth('0')).toBeCloseTo(5.25, 6); // 7 px, Calibri 11
    expect(estimateTextWidth('.')).toBeCloseTo(2.625, 6); // 3.5 px
    expect(estimateTextWidth(',')).toBeCloseTo(2.625, 6);
    expect(estimateTextWidth('0', 'Arial', 10)).toBeCloseTo(5.25, 6); // 7 px
    expect(estimateTextWidth('1234567890')).toBeCloseTo(52.5, 6);
  });

  it('scales with the font size and adds up', () => {
    expect(estimateTextWidth('12', 'Calibri', 22)).toBeCloseTo(2 * estimateTextWidth('12'), 6);
    expect(estimateTextWidth('1.600')).toBeCloseTo(4 * 5.25 + 2.625, 6);
    expect(estimateTextWidth('')).toBe(0);
  });

  it('gives letters and symbols their own widths', () => {
    const w = (t: string) => estimateTextWidth(t);
    expect(w('M')).toBeGreaterThan(w('m'));
    expect(w('%')).toBeGreaterThan(w('0'));
    expect(w('-')).toBeLessThan(w('0'));
    expect(w(' ')).toBeLessThan(w('0'));
    expect(w('(')).toBeLessThan(w('0'));
  });

  it('uses other fonts', () => {
    expect(estimateTextWidth('100', 'Arial', 11)).toBeGreaterThan(estimateTextWidth('100', 'Calibri', 11));
    expect(estimateTextWidth('100', 'Arial Narrow', 11)).toBeLessThan(estimateTextWidth('100', 'Arial', 11));
    expect(estimateTextWidth('100', 'Tahoma', 11)).toBeGreaterThan(0);
  });
});

describe('column widths', () => {
  it('converts characters to points like Excel', () => {
    expect(charsToPoints(8.43)).toBe(48); // 64 px
    expect(charsToPoints(11)).toBe(61.5); // 82 px
    expect(charsToPoints(12)).toBe(66.75); // 89 px
    expect(charsToPoints(1)).toBe(9); // 12 px
    expect(charsToPoints(0)).toBe(0);
  });

  it('converts points back to characters', () => {
    expect(pointsToChars(61.5)).toBe(11);
    expect(pointsToChars(48)).toBe(8.43);
    expect(pointsToChars(0)).toBe(0);
    for (let px = 12; px < 300; px++) expect(charsToPoints(pointsToChars(px * 0.75))).toBe(px * 0.75);
  });

  it('leaves 5 px of padding', () => {
    expect(columnContentWidth(61.5)).toBe(57.75);
    expect(columnContentWidth(2)).toBe(0);
  });
});

describe('overflows', () => {
  it('matches the printed ##### of the seed workbook (Calibri 11)', () => {
    const w11 = charsToPoints(11);
    expect(overflows('2.577.566.539', w11)).toBe(true);
    expect(overflows('72.110.600,00', w11)).toBe(true);
    expect(overflows('971.977.867', w11)).toBe(false);
    expect(overflows('8.660.500,00', w11)).toBe(false);
    const w12 = charsToPoints(12);
    expect(overflows('2.450.634.416', w12)).toBe(false);
    expect(overflows('149.178.000,00', w12)).toBe(true);
  });

  it('lets exactly as many digits as the width in characters fit', () => {
    expect(overflows('12345678901', charsToPoints(11))).toBe(false);
    expect(overflows('123456789012', charsToPoints(11))).toBe(true);
  });

  it('depends on the font', () => {
    expect(overflows('12345678901', charsToPoints(11), 'Calibri', 14)).toBe(true);
  });
});

describe('widthToFit', () => {
  it('rounds up to whole characters and fits every text', () => {
    const w = widthToFit(['149.178.000,00', '1.600']);
    expect(w).toBe(charsToPoints(13)); // 87.5 px of text -> 12.5 characters -> 13
    expect(overflows('149.178.000,00', w)).toBe(false);
    expect(widthToFit(['12345678901'])).toBe(charsToPoints(11));
    expect(widthToFit(['2.577.566.539'])).toBe(charsToPoints(12));
  });
});
