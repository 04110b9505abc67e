// Numbers as people type them (Indonesian locale first), number formats, and rounding.
import { EXCEL_ERRORS } from './types';
import type { Amount, Cell } from './types';

/** Spaces that Excel, PDFs and web pages put around numbers. */
const SPACES = /[\u00a0\u2007\u202f\u2009\t]/g;
/** Hyphen, minus and dash characters. */
const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
const DASH_ONLY = new RegExp(`^(?:rp\\.?\\s*)?[${DASHES}]+$`, 'i');
const SIGN = new RegExp(`^([+${DASHES}])\\s*`);
const RP = /^rp\.?\s*/i;

function clean(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** "-", "–", "—", "- ", "Rp -": an amount written as a dash (zero / nothing). */
export function isDash(text: string): boolean {
  return DASH_ONLY.test(clean(text));
}

/** "#####": two or more '#' and nothing else (spaces allowed), e.g. typed back from a printout. */
export function isHashLiteral(text: string): boolean {
  return /^#{2,}$/.test(text.replace(/\s+/g, '').replace(SPACES, ''));
}

interface Parsed {
  value: number;
  percent: boolean;
  decimals: number;
}

// Digits with '.' and ',' only; sign, currency and % are removed before.
function parseCore(s: string): { value: number; decimals: number } | null {
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let intPart = s;
  let frac = '';
  let group: string | null = null;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal mark, the other groups thousands.
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    group = dec === '.' ? ',' : '.';
    if ((dec === '.' ? dots : commas) !== 1) return null;
    const at = s.indexOf(dec);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
  } else if (commas > 0) {
    // One comma: Indonesian decimal mark ("1,62", also "1,600" = 1.6). More: English grouping.
    if (commas === 1) [intPart, frac] = s.split(',');
    else group = ',';
  } else if (dots > 1) {
    group = '.';
  } else if (dots === 1) {
    const [a, b] = s.split('.');
    // "1.600" is Indonesian thousands; "12.5", "0.500", "1234.567" are decimals.
    if (b.length === 3 && /^[1-9]\d{0,2}$/.test(a)) group = '.';
    else [intPart, frac] = [a, b];
  }
  if (group !== null) {
    const groups = intPart.split(group);
    if (groups.length > 1) {
      if (!/^[1-9]\d{0,2}$/.test(groups[0])) return null;
      if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
    }
    intPart = groups.join('');
  }
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return null;
  return { value: Number(frac ? `${intPart}.${frac}` : intPart), decimals: frac.length };
}

function parseDetail(text: string): Parsed | null {
  let s = clean(text);
  if (!s) return null;
  let negative = false;
  let signs = 0;
  const unwrap = () => {
    if (s.length > 2 && s.startsWith('(') && s.endsWith(')')) {
      negative = true;
      signs++;
      s = s.slice(1, -1).trim();
    }
  };
  const sign = () => {
    const m = SIGN.exec(s);
    if (m) {
      if (m[1] !== '+') negative = true;
      signs++;
      s = s.slice(m[0].length);
    }
  };
  unwrap();
  s = s.replace(RP, '');
  unwrap();
  sign();
  s = s.replace(RP, '');
  if (signs > 1) return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  // Rupiah without cents: "1.600.000,-".
  s = s.replace(/[.,]-$/, '');
  const core = parseCore(s);
  if (!core) return null;
  const value = negative && core.value !== 0 ? -core.value : core.value;
  return { value, percent, decimals: core.decimals };
}

/**
 * A number typed as text. Rules, in order:
 * - spaces (also non-breaking) are trimmed; "Rp"/"Rp." prefix, trailing ",-" and a leading sign
 *   or surrounding parentheses (negative) are accepted; a trailing "%" sets `percent` and the
 *   value stays in percent units ("0,39%" -> 0.39);
 * - with both '.' and ',' the last one is the decimal mark ("55.599.900,00", "1,600,000.50");
 * - a single ',' is the decimal mark ("1,62"; so "1,600" is 1.6); several ',' group thousands;
 * - several '.' group thousands ("1.600.000"); a single '.' groups thousands when followed by exactly
 *   3 digits and preceded by 1-3 digits not starting with 0 ("1.600" = 1600), else it is a decimal
 *   mark ("12.5", "0.500", "1234.567");
 * - thousands groups must be well formed (1-3 digits, then groups of exactly 3), else null.
 * Anything else ("", "-", "#####", words) is null.
 */
export function parseNumberText(text: string): { value: number; percent: boolean } | null {
  const p = parseDetail(text);
  return p ? { value: p.value, percent: p.percent } : null;
}

// Calls fn for each character of the first section of a number format that is a format code
// (not inside quotes or brackets, not escaped, not the argument of '_' or '*').
function scanFormatCodes(format: string, fn: (ch: string, i: number) => boolean | void): void {
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end;
    } else if (ch === '[') {
      const end = format.indexOf(']', i + 1);
      i = end < 0 ? format.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === ';') {
      return;
    } else if (fn(ch, i) === true) {
      return;
    }
  }
}

function isGeneral(format: string | undefined): boolean {
  return !format || !format.trim() || /^general$/i.test(format.trim());
}

/** True when the (first section of the) number format shows a percent. */
export function isPercentFormat(numberFormat?: string): boolean {
  if (isGeneral(numberFormat)) return false;
  let found = false;
  scanFormatCodes(numberFormat as string, (ch) => {
    if (ch === '%') return (found = true);
    return false;
  });
  return found;
}

function decimalsOfFormat(format: string): number | undefined {
  let placeholders = 0;
  let decimals = 0;
  let afterDot = false;
  let text = false;
  let exponent = false;
  scanFormatCodes(format, (ch, i) => {
    if (ch === '@') text = true;
    else if ((ch === 'E' || ch === 'e') && /[+-]/.test(format[i + 1] ?? '')) exponent = true;
    else if (ch === '.' && !exponent) afterDot = true;
    else if (ch === '0' || ch === '#' || ch === '?') {
      placeholders++;
      if (afterDot && !exponent) decimals++;
    }
    return false;
  });
  if (text || placeholders === 0) return undefined;
  return decimals;
}

/**
 * Decimals a cell shows: from its number format (first section; "#,##0.00" -> 2, "0.000%" -> 3,
 * in the units shown, i.e. percent units for % formats), or, when the format says nothing
 * (missing, General, '@'), from the formatted text ("1,62" -> 2, "1.600.000" -> 0).
 */
export function decimalsOf(numberFormat?: string, text?: string): number | undefined {
  if (!isGeneral(numberFormat)) {
    const d = decimalsOfFormat(numberFormat as string);
    if (d !== undefined) return d;
  }
  if (text !== undefined) return parseDetail(text)?.decimals;
  return undefined;
}

const ERROR_CODES: readonly string[] = EXCEL_ERRORS;

/** x with its decimal noise removed (15 significant digits, like Excel). */
function clean15(x: number): number {
  return Number(x.toPrecision(15));
}

export type ReadAmount = Amount & { decimals?: number; percentFormat?: boolean };

/**
 * A cell as an amount. With `percent: true` the value is in percent units: a number under a %
 * number format is multiplied by 100, a plain number and a text without '%' stay, a text "0,39%"
 * gives 0.39. Without it, a "%" text or format gives the fraction (0.0039), like Excel.
 * `decimals` are the decimals shown, in the units returned. `percentFormat` is set when the cell
 * shows a percent (a % number format, or a text ending in '%').
 * Non-number text (and booleans) give value null with source 'text' and no `fromText`.
 * A formula without a cached value gives value null with source 'formula'.
 */
export function readAmount(cell: Cell | undefined, opts: { percent?: boolean } = {}): ReadAmount {
  const asPercent = opts.percent === true;
  if (!cell) return { value: null, source: 'empty' };
  const withFormula = <T extends ReadAmount>(a: T): T => (cell.formula ? { ...a, formula: true } : a);
  const v = cell.value;
  if (v === null || v === undefined) {
    return withFormula({ value: null, source: cell.formula ? 'formula' : 'empty' });
  }
  if (typeof v === 'string' && (cell.isError || ERROR_CODES.includes(v.trim()))) {
    return withFormula({ value: null, source: 'error', error: v.trim() });
  }
  if (typeof v === 'number') {
    const fmtKnown = !isGeneral(cell.numberFormat);
    const pf = fmtKnown ? isPercentFormat(cell.numberFormat) : clean(cell.text ?? '').endsWith('%');
    let decimals = decimalsOf(cell.numberFormat, cell.text);
    let value = v;
    if (pf && asPercent) value = clean15(v * 100);
    if (pf && !asPercent && decimals !== undefined) decimals += 2;
    const out: ReadAmount = { value, source: 'number' };
    if (decimals !== undefined) out.decimals = decimals;
    if (pf) out.percentFormat = true;
    return withFormula(out);
  }
  if (typeof v === 'boolean') return withFormula({ value: null, source: 'text' });
  if (!clean(v)) return withFormula({ value: null, source: 'empty' });
  if (isDash(v)) return withFormula({ value: 0, source: 'dash' });
  if (isHashLiteral(v)) return withFormula({ value: null, source: 'hash' });
  const p = parseDetail(v);
  if (!p) return withFormula({ value: null, source: 'text' });
  const out: ReadAmount = { value: p.value, source: 'text', fromText: true, decimals: p.decimals };
  if (p.percent) {
    out.percentFormat = true;
    if (!asPercent) {
      out.value = clean15(p.value / 100);
      out.decimals = p.decimals + 2;
    }
  }
  return withFormula(out);
}

/** x rounded to `decimals` places, half away from zero; 1.005 -> 1.01 despite binary fractions. */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.trunc(decimals);
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  let r: number;
  if (d >= 0) {
    const p = 10 ** d;
    r = Math.round(clean15(a * p)) / p;
  } else {
    const p = 10 ** -d;
    r = Math.round(clean15(a / p)) * p;
  }
  return r === 0 ? 0 : sign * r;
}

/** x cut to `decimals` places toward zero (robust to binary fractions). */
export function truncTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.max(0, Math.trunc(decimals));
  const p = 10 ** d;
  const r = Math.trunc(clean15(x * p)) / p;
  return r === 0 ? 0 : r;
}

/**
 * True when `computed`, rounded to the decimals the cell shows, equals `stated` rounded the same
 * way. A stated value that was truncated instead of rounded (14,28 typed for 14.2857) is also
 * accepted. `decimals` undefined means 2 (callers pick another when they know better).
 */
export function equalAtPrecision(stated: number, computed: number, decimals: number | undefined): boolean {
  const d = decimals ?? 2;
  const s = roundTo(stated, d);
  return s === roundTo(computed, d) || s === truncTo(computed, d);
}
