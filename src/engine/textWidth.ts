// Display width estimates for cell text, in points, and Excel column width units.
// Widths are advance widths in em (fraction of the font size), calibrated to what Excel draws
// at 96 DPI: Calibri 11 digit 7 px (5.25 pt), '.' and ',' 3.5 px; Arial 10 digit 7 px.

interface FontMetrics {
  digit: number;
  dot: number;
  minus: number;
  percent: number;
  paren: number;
  space: number;
  upper: number;
  lower: number;
  other: number;
}

const CALIBRI: FontMetrics = {
  digit: 5.25 / 11,
  dot: 2.625 / 11,
  minus: 0.288,
  percent: 0.672,
  paren: 0.285,
  space: 0.213,
  upper: 0.546,
  lower: 0.44,
  other: 5.25 / 11,
};

const ARIAL: FontMetrics = {
  digit: 5.25 / 10,
  dot: 0.2625,
  minus: 0.315,
  percent: 0.84,
  paren: 0.315,
  space: 0.2625,
  upper: 0.63,
  lower: 0.47,
  other: 5.25 / 10,
};

// Narrow variants ("Arial Narrow") are about 82 % of the regular width.
const NARROW = 0.82;

function metricsOf(fontName: string): { m: FontMetrics; scale: number } {
  const name = fontName.toLowerCase();
  const scale = name.includes('narrow') || name.includes('condensed') ? NARROW : 1;
  // Calibri for Calibri and Calibri Light; Arial metrics for everything else.
  return { m: name.startsWith('calibri') ? CALIBRI : ARIAL, scale };
}

function charEm(ch: string, m: FontMetrics): number {
  if (ch >= '0' && ch <= '9') return m.digit;
  switch (ch) {
    case '.':
    case ',':
    case ':':
    case ';':
      return m.dot;
    case '-':
    case '\u2013':
    case '\u2212':
      return m.minus;
    case '%':
      return m.percent;
    case '(':
    case ')':
      return m.paren;
    case ' ':
    case '\u00a0':
      return m.space;
  }
  if (ch !== ch.toLowerCase()) return m.upper;
  if (ch !== ch.toUpperCase()) return m.lower;
  // CJK and other wide scripts take a full em.
  if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch)) return 1;
  return m.other;
}

/** Width in points of `text` drawn in the font (estimate from a per-character table). */
export function estimateTextWidth(text: string, fontName = 'Calibri', fontSize = 11): number {
  const { m, scale } = metricsOf(fontName);
  let em = 0;
  for (const ch of text) em += charEm(ch, m);
  return em * fontSize * scale;
}

/** Points per pixel at 96 DPI. */
const PT_PER_PX = 0.75;
/** Width of a digit of the default font (Calibri 11) in pixels. */
const DIGIT_PX = 7;
/** Padding Excel leaves in a column: 2 px on each side plus 1 px of gridline. */
const PADDING_PX = 5;

/** Usable width in points of a column `columnWidthPoints` wide (minus ~5 px padding in total). */
export function columnContentWidth(columnWidthPoints: number): number {
  return Math.max(0, columnWidthPoints - PADDING_PX * PT_PER_PX);
}

/**
 * Excel column width in characters (as the UI shows it, Calibri 11) to points:
 * px = trunc(chars * 7 + 5) from 1 character on, px = round(chars * 12) below; pt = px * 0.75.
 * (The width stored in an xlsx file is different: it includes the padding, (px) / 7.)
 */
export function charsToPoints(widthChars: number): number {
  if (!(widthChars > 0)) return 0;
  const px = widthChars < 1 ? Math.round(widthChars * 12) : Math.trunc(widthChars * DIGIT_PX + PADDING_PX + 1e-9);
  return px * PT_PER_PX;
}

/** Points to Excel column width in characters, rounded up to 1/100 so that it round-trips. */
export function pointsToChars(points: number): number {
  if (!(points > 0)) return 0;
  const px = points / PT_PER_PX;
  if (px < DIGIT_PX + PADDING_PX) return Math.ceil((px / 12) * 100 - 1e-9) / 100;
  return Math.ceil(((px - PADDING_PX) / DIGIT_PX) * 100 - 1e-9) / 100;
}

/** True when `text` is wider than the usable width of the column (Excel would show ####). */
export function overflows(text: string, columnWidthPoints: number, fontName?: string, fontSize?: number): boolean {
  return estimateTextWidth(text, fontName, fontSize) > columnContentWidth(columnWidthPoints) + 1e-9;
}

/** Column width in points that shows all `texts`: widest text plus padding, up to whole characters. */
export function widthToFit(texts: string[], fontName?: string, fontSize?: number): number {
  const widest = texts.reduce((w, t) => Math.max(w, estimateTextWidth(t, fontName, fontSize)), 0);
  const px = widest / PT_PER_PX + PADDING_PX;
  const chars = Math.max(1, Math.ceil((px - PADDING_PX) / DIGIT_PX - 1e-9));
  return charsToPoints(chars);
}
