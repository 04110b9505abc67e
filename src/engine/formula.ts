// A small evaluator for the formulas these workbooks hold (invariant English syntax).
// Rows and columns are 0-based, as in a1.ts. Anything it does not know returns null.
import { columnIndex } from './a1';
import { parseNumberText, roundTo } from './numbers';

export type FormulaError = { error: string };
export type CellGetter = (row: number, col: number) => number | string | boolean | null | FormulaError;
export type FormulaResult = number | string | boolean | FormulaError | null;

// ---------------------------------------------------------------------------
// Tokens.

type Tok =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'err'; v: string }
  | { k: 'ref'; row: number; col: number }
  | { k: 'ext' } // a reference to another sheet or workbook
  | { k: 'name'; v: string }
  | { k: 'op'; v: string };

const ERROR_LITERALS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];
const MAX_ROW = 1048576;
const MAX_COL = 16384;
const MAX_RANGE_CELLS = 1_000_000;

/** Thrown for anything the evaluator does not support; turned into null. */
class Unsupported extends Error {}

function refAt(s: string, i: number): { row: number; col: number; len: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/.exec(s.slice(i));
  if (!m) return null;
  const next = s[i + m[0].length] ?? '';
  if (/[A-Za-z0-9_.(!]/.test(next)) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROW || col >= MAX_COL) return null;
  return { row, col, len: m[0].length };
}

function tokenize(formula: string): Tok[] {
  let s = formula.trim();
  if (s.startsWith('=')) s = s.slice(1);
  const toks: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      const m = /^(\d*\.?\d*)(?:[eE][+-]?\d+)?/.exec(s.slice(i)) as RegExpExecArray;
      toks.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= s.length) throw new Unsupported('unterminated string');
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += s[j++];
      }
      toks.push({ k: 'str', v });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const e = ERROR_LITERALS.find((x) => s.slice(i, i + x.length).toUpperCase() === x);
      if (!e) throw new Unsupported('unknown error literal');
      toks.push({ k: 'err', v: e });
      i += e.length;
      // "#REF!A1" (a reference into a deleted sheet) is still #REF!.
      const rest = /^[$A-Za-z0-9:]+/.exec(s.slice(i));
      if (e === '#REF!' && rest) i += rest[0].length;
      continue;
    }
    if (ch === "'" || ch === '[') {
      // 'Other sheet'!A1 or [1]Sheet!A1.
      const m = /^(?:'(?:[^']|'')*'|\[[^\]]*\][^!\s]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(s.slice(i));
      if (!m) throw new Unsupported('unknown reference');
      toks.push({ k: 'ext' });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_\\$]/.test(ch)) {
      const ref = refAt(s, i);
      if (ref) {
        toks.push({ k: 'ref', row: ref.row, col: ref.col });
        i += ref.len;
        continue;
      }
      const m = /^[A-Za-z_\\$][A-Za-z0-9_.$]*/.exec(s.slice(i)) as RegExpExecArray;
      i += m[0].length;
      if (s[i] === '!') {
        // Sheet1!A1 or Sheet1!A1:B2.
        const r = /^!(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|#REF!)/.exec(s.slice(i));
        if (!r) throw new Unsupported('unknown reference');
        toks.push({ k: 'ext' });
        i += r[0].length;
        continue;
      }
      toks.push({ k: 'name', v: m[0] });
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      toks.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&%=<>(),:'.includes(ch)) {
      toks.push({ k: 'op', v: ch });
      i++;
      continue;
    }
    throw new Unsupported(`unexpected ${ch}`);
  }
  return toks;
}

// ---------------------------------------------------------------------------
// Syntax tree.

type Node =
  | { n: 'num'; v: number }
  | { n: 'str'; v: string }
  | { n: 'bool'; v: boolean }
  | { n: 'err'; v: string }
  | { n: 'ref'; row: number; col: number }
  | { n: 'range'; top: number; left: number; bottom: number; right: number }
  | { n: 'unsupported'; why: string }
  | { n: 'missing' }
  | { n: 'neg'; a: Node }
  | { n: 'pct'; a: Node }
  | { n: 'bin'; op: string; a: Node; b: Node }
  | { n: 'call'; name: string; args: Node[] };

const BINARY: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};
const PCT_PREC = 6;
const UNARY_PREC = 7;

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Node {
    const node = this.expr(0);
    if (this.i < this.toks.length) throw new Unsupported('trailing tokens');
    return node;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.k === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported(`expected ${v}`);
    this.i++;
  }

  private expr(minPrec: number): Node {
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      if (!t || t.k !== 'op') break;
      if (t.v === '%') {
        if (PCT_PREC < minPrec) break;
        this.i++;
        left = { n: 'pct', a: left };
        continue;
      }
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      this.i++;
      // All binary operators are left-associative in Excel (2^3^2 = 64).
      const right = this.expr(prec + 1);
      left = { n: 'bin', op: t.v, a: left, b: right };
    }
    return left;
  }

  private prefix(): Node {
    const t = this.peek();
    if (!t) throw new Unsupported('unexpected end');
    this.i++;
    switch (t.k) {
      case 'num':
        return { n: 'num', v: t.v };
      case 'str':
        return { n: 'str', v: t.v };
      case 'err':
        return { n: 'err', v: t.v };
      case 'ext':
        return { n: 'unsupported', why: 'reference to another sheet' };
      case 'ref': {
        if (this.isOp(':')) {
          this.i++;
          const u = this.peek();
          if (!u || u.k !== 'ref') throw new Unsupported('bad range');
          this.i++;
          return {
            n: 'range',
            top: Math.min(t.row, u.row),
            left: Math.min(t.col, u.col),
            bottom: Math.max(t.row, u.row),
            right: Math.max(t.col, u.col),
          };
        }
        return { n: 'ref', row: t.row, col: t.col };
      }
      case 'name': {
        if (this.isOp('(')) {
          this.i++;
          return { n: 'call', name: t.v.toUpperCase().replace(/^_XLFN\./, ''), args: this.args() };
        }
        const up = t.v.toUpperCase();
        if (up === 'TRUE' || up === 'FALSE') return { n: 'bool', v: up === 'TRUE' };
        if (this.isOp(':')) throw new Unsupported('whole-column range');
        return { n: 'unsupported', why: `name ${t.v}` };
      }
      case 'op':
        if (t.v === '-' || t.v === '+') {
          const a = this.expr(UNARY_PREC);
          return t.v === '-' ? { n: 'neg', a } : a;
        }
        if (t.v === '(') {
          const inner = this.expr(0);
          this.expect(')');
          return inner;
        }
        throw new Unsupported(`unexpected ${t.v}`);
    }
  }

  private args(): Node[] {
    const args: Node[] = [];
    if (this.isOp(')')) {
      this.i++;
      return args;
    }
    for (;;) {
      if (this.isOp(',') || this.isOp(')')) args.push({ n: 'missing' });
      else args.push(this.expr(0));
      if (this.isOp(',')) {
        this.i++;
        continue;
      }
      this.expect(')');
      return args;
    }
  }
}

// ---------------------------------------------------------------------------
// Values.

class XlError {
  constructor(readonly code: string) {}
}
/** Blank: an empty cell (or a missing argument). */
const BLANK = null;
type Scalar = number | string | boolean | XlError | null;
/** A reference (a cell or a range) as a grid of values. */
interface Ref {
  ref: true;
  values: Scalar[][];
}
type Value = Scalar | Ref;

const err = (code: string) => new XlError(code);
const isErr = (v: unknown): v is XlError => v instanceof XlError;
const isRef = (v: Value): v is Ref => v !== null && typeof v === 'object' && 'ref' in v;

function fromCell(v: ReturnType<CellGetter>): Scalar {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'object') return err(String(v.error));
  if (typeof v === 'number' && !Number.isFinite(v)) return err('#NUM!');
  return v;
}

function finite(x: number): number | XlError {
  return Number.isFinite(x) ? x : err('#NUM!');
}

/** A single value from a reference (a 1x1 range); a larger range here would need array logic. */
function scalar(v: Value): Scalar {
  if (!isRef(v)) return v;
  if (v.values.length === 1 && v.values[0].length === 1) return v.values[0][0];
  throw new Unsupported('range used as a single value');
}

/** Number for arithmetic: blank 0, booleans 1/0, text #VALUE! (number-like text: unsupported). */
function toNumber(v: Scalar): number | XlError {
  if (v === BLANK) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isErr(v)) return v;
  const t = v.trim();
  // Excel converts numeric text with the user's locale; only plain integers are locale-free.
  if (/^[+-]?\d+$/.test(t)) return Number(t);
  if (parseNumberText(t) !== null) throw new Unsupported('locale-dependent text');
  return err('#VALUE!');
}

function toBool(v: Scalar): boolean | XlError {
  if (v === BLANK) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (isErr(v)) return v;
  const up = v.trim().toUpperCase();
  if (up === 'TRUE') return true;
  if (up === 'FALSE') return false;
  return err('#VALUE!');
}

function toText(v: Scalar): string | XlError {
  if (v === BLANK) return '';
  if (typeof v === 'string') return v;
  if (isErr(v)) return v;
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  // Decimals and TRUE/FALSE are written in the user's language: cannot know here.
  throw new Unsupported('locale-dependent text conversion');
}

/** Excel ordering: numbers < text < booleans; text compares case-insensitively. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === BLANK && b === BLANK) return 0;
  if (a === BLANK) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === BLANK) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') {
    const x = Number(a.toPrecision(15));
    const y = Number(b.toPrecision(15));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function arith(op: string, x: number, y: number): number | XlError {
  switch (op) {
    case '+':
      return finite(x + y);
    case '-':
      return finite(x - y);
    case '*':
      return finite(x * y);
    case '/':
      return y === 0 ? err('#DIV/0!') : finite(x / y);
    case '^':
      if (x === 0 && y === 0) return err('#NUM!');
      if (x === 0 && y < 0) return err('#DIV/0!');
      return finite(x ** y);
  }
  throw new Unsupported(op);
}

// Rounding with a digits argument, robust to binary fractions.
function roundWith(x: number, digits: number, mode: 'half' | 'up' | 'down'): number | XlError {
  const d = Math.trunc(digits);
  if (mode === 'half') return finite(roundTo(x, d));
  const a = Math.abs(x);
  const scaled = Number((d >= 0 ? a * 10 ** d : a / 10 ** -d).toPrecision(15));
  const r = mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  const back = d >= 0 ? r / 10 ** d : r * 10 ** -d;
  return finite(back === 0 ? 0 : Math.sign(x) * back);
}

const ARITY: Record<string, [number, number]> = {
  SUM: [1, 255],
  AVERAGE: [1, 255],
  MIN: [1, 255],
  MAX: [1, 255],
  AND: [1, 255],
  OR: [1, 255],
  NOT: [1, 1],
  IF: [2, 3],
  IFERROR: [2, 2],
  ROUND: [2, 2],
  ROUNDUP: [2, 2],
  ROUNDDOWN: [2, 2],
  ABS: [1, 1],
  ISERROR: [1, 1],
  ISBLANK: [1, 1],
};

class Evaluator {
  constructor(private readonly getCell: CellGetter) {}

  eval(node: Node): Value {
    switch (node.n) {
      case 'num':
        return node.v;
      case 'str':
        return node.v;
      case 'bool':
        return node.v;
      case 'err':
        return err(node.v);
      case 'missing':
        return BLANK;
      case 'unsupported':
        throw new Unsupported(node.why);
      case 'ref':
        return { ref: true, values: [[fromCell(this.getCell(node.row, node.col))]] };
      case 'range': {
        const cells = (node.bottom - node.top + 1) * (node.right - node.left + 1);
        if (cells > MAX_RANGE_CELLS) throw new Unsupported('range too large');
        const values: Scalar[][] = [];
        for (let r = node.top; r <= node.bottom; r++) {
          const row: Scalar[] = [];
          for (let c = node.left; c <= node.right; c++) row.push(fromCell(this.getCell(r, c)));
          values.push(row);
        }
        return { ref: true, values };
      }
      case 'neg': {
        const x = toNumber(scalar(this.eval(node.a)));
        return isErr(x) ? x : x === 0 ? 0 : -x;
      }
      case 'pct': {
        const x = toNumber(scalar(this.eval(node.a)));
        return isErr(x) ? x : x / 100;
      }
      case 'bin':
        return this.binary(node.op, scalar(this.eval(node.a)), scalar(this.eval(node.b)));
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (op === '&') {
      const x = toText(a);
      const y = toText(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      return x + y;
    }
    if (BINARY[op] === 1) {
      const c = compare(a, b);
      switch (op) {
        case '=':
          return c === 0;
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '>':
          return c > 0;
        case '<=':
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const x = toNumber(a);
    if (isErr(x)) return x;
    const y = toNumber(b);
    if (isErr(y)) return y;
    return arith(op, x, y);
  }

  // Numbers of the arguments of SUM/AVERAGE/MIN/MAX: in references only numbers count
  // (text, booleans, blanks ignored); typed values are converted, errors propagate.
  private numbers(args: Node[]): number[] | XlError {
    const out: number[] = [];
    for (const a of args) {
      const v = this.eval(a);
      if (isRef(v)) {
        for (const row of v.values)
          for (const c of row) {
            if (isErr(c)) return c;
            if (typeof c === 'number') out.push(c);
          }
      } else {
        const x = toNumber(v);
        if (isErr(x)) return x;
        if (v !== BLANK) out.push(x);
      }
    }
    return out;
  }

  // Logical values of the arguments of AND/OR.
  private logicals(args: Node[]): boolean[] | XlError {
    const out: boolean[] = [];
    for (const a of args) {
      const v = this.eval(a);
      if (isRef(v)) {
        for (const row of v.values)
          for (const c of row) {
            if (isErr(c)) return c;
            if (typeof c === 'number' || typeof c === 'boolean') out.push(c !== 0 && c !== false);
          }
      } else {
        if (v === BLANK) continue;
        const b = toBool(v);
        if (isErr(b)) return b;
        out.push(b);
      }
    }
    return out.length ? out : err('#VALUE!');
  }

  private num(node: Node): number | XlError {
    return toNumber(scalar(this.eval(node)));
  }

  private call(name: string, args: Node[]): Value {
    const arity = ARITY[name];
    if (!arity) throw new Unsupported(`function ${name}`);
    if (args.length < arity[0] || args.length > arity[1]) throw new Unsupported(`arity of ${name}`);
    switch (name) {
      case 'SUM': {
        const xs = this.numbers(args);
        return isErr(xs) ? xs : finite(xs.reduce((s, x) => s + x, 0));
      }
      case 'AVERAGE': {
        const xs = this.numbers(args);
        if (isErr(xs)) return xs;
        return xs.length ? finite(xs.reduce((s, x) => s + x, 0) / xs.length) : err('#DIV/0!');
      }
      case 'MIN':
      case 'MAX': {
        const xs = this.numbers(args);
        if (isErr(xs)) return xs;
        if (!xs.length) return 0;
        return xs.reduce((m, x) => (name === 'MIN' ? Math.min(m, x) : Math.max(m, x)));
      }
      case 'AND':
      case 'OR': {
        const bs = this.logicals(args);
        if (isErr(bs)) return bs;
        return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
      }
      case 'NOT': {
        const b = toBool(scalar(this.eval(args[0])));
        return isErr(b) ? b : !b;
      }
      case 'IF': {
        const c = toBool(scalar(this.eval(args[0])));
        if (isErr(c)) return c;
        if (c) return this.branch(args[1]);
        return args.length > 2 ? this.branch(args[2]) : false;
      }
      case 'IFERROR': {
        const v = scalar(this.eval(args[0]));
        if (isErr(v)) return this.branch(args[1]);
        return v === BLANK ? 0 : v;
      }
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        const x = this.num(args[0]);
        if (isErr(x)) return x;
        const d = this.num(args[1]);
        if (isErr(d)) return d;
        return roundWith(x, d, name === 'ROUND' ? 'half' : name === 'ROUNDUP' ? 'up' : 'down');
      }
      case 'ABS': {
        const x = this.num(args[0]);
        return isErr(x) ? x : Math.abs(x);
      }
      case 'ISERROR':
        return isErr(scalar(this.eval(args[0])));
      case 'ISBLANK': {
        const v = this.eval(args[0]);
        return isRef(v) && scalar(v) === BLANK;
      }
    }
    throw new Unsupported(`function ${name}`);
  }

  // The value of an IF/IFERROR branch: a reference to a blank cell gives 0, like Excel.
  private branch(node: Node): Value {
    const v = this.eval(node);
    if (isRef(v)) {
      const s = scalar(v);
      return s === BLANK ? 0 : s;
    }
    return node.n === 'missing' ? 0 : v;
  }
}

/**
 * Evaluates a formula ("=SUM(A1:A3)/B1", the leading '=' optional) with Excel semantics for the
 * supported subset; cells are read with `getCell(row, col)` (0-based; null = empty cell).
 * Returns null when the formula cannot be evaluated here: unknown functions, names, references
 * to other sheets, syntax errors, array results, and results that depend on the user's locale
 * (number-like text such as "1.600" used in arithmetic, decimals or booleans joined with '&').
 * Never throws.
 */
export function evaluateFormula(formula: string, getCell: CellGetter): FormulaResult {
  try {
    const node = new Parser(tokenize(formula)).parse();
    const v = scalar(new Evaluator(getCell).eval(node));
    if (v === BLANK) return 0;
    if (isErr(v)) return { error: v.code };
    if (typeof v === 'number' && !Number.isFinite(v)) return { error: '#NUM!' };
    return v;
  } catch {
    return null;
  }
}

/**
 * Cells of this sheet that the formula reads, ranges expanded, in order of first appearance,
 * without duplicates. References to other sheets are left out; [] when the formula cannot be read.
 */
export function formulaReferences(formula: string): { row: number; col: number }[] {
  let toks: Tok[];
  try {
    toks = tokenize(formula);
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const out: { row: number; col: number }[] = [];
  const add = (row: number, col: number) => {
    const key = `${row},${col}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ row, col });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k !== 'ref') continue;
    const colon = toks[i + 1];
    const u = toks[i + 2];
    if (colon?.k === 'op' && colon.v === ':' && u?.k === 'ref') {
      const [r0, r1] = [Math.min(t.row, u.row), Math.max(t.row, u.row)];
      const [c0, c1] = [Math.min(t.col, u.col), Math.max(t.col, u.col)];
      if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_RANGE_CELLS) return [];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) add(r, c);
      i += 2;
    } else add(t.row, t.col);
  }
  return out;
}
