// The text Excel shows for a number under a number format (enough for widths and messages).
// Not supported: dates/times, fractions ("# ?/?"), conditions ("[>100]" is ignored),
// literals between digit placeholders (they are moved after the number).
import { roundTo } from './numbers';

export interface NumberLocale {
  decimal: string;
  group: string;
}

const ID_LOCALE: NumberLocale = { decimal: ',', group: '.' };

type Token =
  | { t: 'lit'; s: string }
  | { t: 'ph'; ch: '0' | '#' | '?'; frac: boolean; exp: boolean }
  | { t: 'dot' }
  | { t: 'comma' }
  | { t: 'pct' }
  | { t: 'exp'; plus: boolean }
  | { t: 'general' }
  | { t: 'text' };

// Splits a format into sections on ';' outside quotes, brackets and escapes.
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"' || ch === '[') {
      const close = ch === '"' ? '"' : ']';
      const end = format.indexOf(close, i + 1);
      const stop = end < 0 ? format.length - 1 : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      cur += format.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(section: string): Token[] {
  const toks: Token[] = [];
  let frac = false;
  let exp = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      toks.push({ t: 'lit', s: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      // [$Rp-421] shows "Rp"; [$-421], [Red], [>100] show nothing.
      if (inner.startsWith('$')) {
        const sym = inner.slice(1).split('-')[0];
        if (sym) toks.push({ t: 'lit', s: sym });
      }
      i = stop;
    } else if (ch === '\\') {
      if (i + 1 < section.length) toks.push({ t: 'lit', s: section[i + 1] });
      i++;
    } else if (ch === '_') {
      toks.push({ t: 'lit', s: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      toks.push({ t: 'ph', ch, frac, exp });
    } else if (ch === '.' && !frac && !exp) {
      frac = true;
      toks.push({ t: 'dot' });
    } else if (ch === ',' && !exp) {
      toks.push({ t: 'comma' });
    } else if (ch === '%') {
      toks.push({ t: 'pct' });
    } else if ((ch === 'E' || ch === 'e') && (section[i + 1] === '+' || section[i + 1] === '-') && !exp) {
      exp = true;
      toks.push({ t: 'exp', plus: section[i + 1] === '+' });
      i++;
    } else if (/^general/i.test(section.slice(i))) {
      toks.push({ t: 'general' });
      i += 6;
    } else if (ch === '@') {
      toks.push({ t: 'text' });
    } else {
      toks.push({ t: 'lit', s: ch });
    }
  }
  return toks;
}

function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

// Fixed-point digits of a non-negative number: integer and fraction strings.
function fixed(v: number, decimals: number): [string, string] {
  const r = roundTo(v, decimals);
  let s: string;
  if (r >= 1e21) s = BigInt(Math.round(r)).toString() + (decimals > 0 ? '.' + '0'.repeat(decimals) : '');
  else s = r.toFixed(decimals);
  const [i, f = ''] = s.split('.');
  return [i, f];
}

/** Excel's General format: at most 11 characters (sign aside), scientific beyond. */
function formatGeneral(value: number, loc: NumberLocale): string {
  if (!Number.isFinite(value)) return '#NUM!';
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const a = Math.abs(value);
  if (a < 1e11 && a >= 1e-4) {
    const intDigits = a >= 1 ? Math.floor(Math.log10(a)) + 1 : 1;
    const decimals = Math.max(0, 10 - intDigits);
    const r = roundTo(a, decimals);
    if (r < 1e11) {
      let s = r.toFixed(decimals);
      if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
      return sign + s.replace('.', loc.decimal);
    }
  }
  let e = Math.floor(Math.log10(a));
  let m = roundTo(a / 10 ** e, Math.abs(e) >= 100 ? 4 : 5);
  if (m >= 10) {
    m = roundTo(m / 10, 5);
    e++;
  }
  let ms = String(m);
  if (ms.includes('.')) ms = ms.replace(/0+$/, '').replace(/\.$/, '');
  const es = String(Math.abs(e)).padStart(2, '0');
  return `${sign}${ms.replace('.', loc.decimal)}E${e < 0 ? '-' : '+'}${es}`;
}

// Renders a non-negative value with one section's tokens.
function renderSection(toks: Token[], v: number, loc: NumberLocale): string {
  const numeric = (t: Token) => t.t === 'ph' || t.t === 'dot' || t.t === 'comma' || t.t === 'exp';
  const intPh = toks.filter((t): t is Extract<Token, { t: 'ph' }> => t.t === 'ph' && !t.frac && !t.exp);
  const fracPh = toks.filter((t): t is Extract<Token, { t: 'ph' }> => t.t === 'ph' && t.frac && !t.exp);
  const expPh = toks.filter((t): t is Extract<Token, { t: 'ph' }> => t.t === 'ph' && t.exp);
  const expTok = toks.find((t): t is Extract<Token, { t: 'exp' }> => t.t === 'exp');
  const hasDot = toks.some((t) => t.t === 'dot');
  const hasNumber = intPh.length + fracPh.length > 0;

  // Scaling: each % multiplies by 100; commas after the last integer placeholder divide by 1000.
  let x = v * 100 ** toks.filter((t) => t.t === 'pct').length;
  let grouping = false;
  const intEnd = toks.findIndex((t) => t.t === 'dot' || t.t === 'exp');
  const intToks = intEnd < 0 ? toks : toks.slice(0, intEnd);
  intToks.forEach((t, i) => {
    if (t.t !== 'comma') return;
    const before = intToks.slice(0, i).some((u) => u.t === 'ph');
    const after = intToks.slice(i + 1).some((u) => u.t === 'ph');
    if (before && after) grouping = true;
    else if (before) x /= 1000;
  });

  let num = '';
  if (hasNumber) {
    let exponent = 0;
    if (expTok) {
      exponent = x === 0 ? 0 : Math.floor(Math.log10(x));
      x = x / 10 ** exponent;
      if (roundTo(x, fracPh.length) >= 10) {
        x /= 10;
        exponent++;
      }
    }
    const [ip, fp] = fixed(x, fracPh.length);
    // Integer part: missing leading positions show '0' for 0, ' ' for ?, nothing for #.
    let digits = ip === '0' ? '' : ip;
    let pad = '';
    for (let k = digits.length; k < intPh.length; k++) {
      const ch = intPh[intPh.length - 1 - k].ch;
      if (ch === '0') pad = '0' + pad;
      else if (ch === '?') pad = ' ' + pad;
    }
    digits = pad + digits;
    if (grouping) digits = digits.replace(/\d+/, (d) => group(d, loc.group));
    // Fraction: trailing zeros at # drop, at ? become spaces.
    const f = fp.split('');
    for (let k = f.length - 1; k >= 0 && f[k] === '0'; k--) {
      if (fracPh[k].ch === '#') f.pop();
      else if (fracPh[k].ch === '?') f[k] = ' ';
      else break;
    }
    num = digits + (hasDot ? loc.decimal + f.join('') : '');
    if (expTok) {
      const minExp = expPh.filter((p) => p.ch === '0').length;
      const es = String(Math.abs(exponent)).padStart(minExp, '0');
      num += `E${exponent < 0 ? '-' : expTok.plus ? '+' : ''}${es}`;
    }
  }

  let out = '';
  let placed = false;
  for (const t of toks) {
    if (numeric(t)) {
      if (!placed) out += num;
      placed = true;
    } else if (t.t === 'lit') out += t.s;
    else if (t.t === 'pct') out += '%';
    else if (t.t === 'general') out += formatGeneral(x, loc);
  }
  return out;
}

/** Parsed sections of the number formats seen (formats repeat across a sheet). */
const PARSED = new Map<string, Token[][]>();

/**
 * The text Excel shows for `value` under `numberFormat` (invariant syntax), with the given
 * decimal and group separators (Indonesian by default). Sections: positive;negative;zero;text.
 * `_x` gives one space, `*x` nothing, brackets nothing except a currency "[$Rp-421]" -> "Rp".
 */
export function formatNumber(
  value: number,
  numberFormat: string | undefined,
  locale: NumberLocale = ID_LOCALE,
): string {
  if (!Number.isFinite(value)) return '#NUM!';
  const fmt = numberFormat ?? '';
  if (!fmt.trim() || /^general$/i.test(fmt.trim())) return formatGeneral(value, locale);
  let sections = PARSED.get(fmt);
  if (!sections) {
    sections = splitSections(fmt).map(tokenize);
    if (PARSED.size > 500) PARSED.clear();
    PARSED.set(fmt, sections);
  }
  let toks = sections[0];
  let sign = '';
  if (value < 0) {
    if (sections.length >= 2) toks = sections[1];
    else sign = '-';
  } else if (value === 0 && sections.length >= 3) toks = sections[2];
  if (toks.some((t) => t.t === 'text')) return String(value);
  const a = Math.abs(value);
  return sign + renderSection(toks, a, locale);
}

/** Indonesian grouping with fixed decimals: 55599900, 2 -> "55.599.900,00". */
export function formatIdNumber(value: number, decimals: number): string {
  const d = Math.max(0, Math.trunc(decimals));
  return formatNumber(value, d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0', ID_LOCALE);
}
