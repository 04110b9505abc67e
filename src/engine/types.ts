// Plain data shared by the engine, the adapters (ExcelJS, office-js) and the UI.
// Nothing here knows about a host.

/** Excel error codes the engine recognises. */
export const EXCEL_ERRORS = [
  '#DIV/0!',
  '#REF!',
  '#VALUE!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;

/** One cell as the host sees it. Row/column indices elsewhere are 0-based. */
export interface Cell {
  /** Number, text or boolean; for an error cell the error code ("#DIV/0!"); null when empty. */
  value: number | string | boolean | null;
  /** True when `value` is an Excel error code. */
  isError?: boolean;
  /** Formula in invariant (English) form with the leading "=", when the cell has one. */
  formula?: string;
  /** Formatted text as the host shows it (office-js Range.text); never contains "####" overflow. */
  text?: string;
  /** Invariant number format ("#,##0.00", "0.00%", "General"). */
  numberFormat?: string;
  bold?: boolean;
  indent?: number;
  fontName?: string;
  /** Font size in points. */
  fontSize?: number;
}

/** A rectangular area, 0-based, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** cells[row][col]; missing entries are empty cells. */
  cells: (Cell | undefined)[][];
  merges?: Area[];
  /** Column widths in points (office-js format.columnWidth); undefined where the host has none. */
  columnWidths?: (number | undefined)[];
  /** Default font of the workbook, for display width estimates. */
  defaultFont?: { name: string; size: number };
  protected?: boolean;
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** What a column of the table means. */
export type ColumnRole =
  | 'no'
  | 'kode'
  | 'tujuan'
  | 'indikatorTujuan'
  | 'sasaran'
  | 'indikatorSasaran'
  | 'formulasi'
  | 'target1'
  | 'target2'
  | 'target3'
  | 'target4'
  | 'realisasiIndikator'
  | 'capaianIndikator'
  | 'nama'
  | 'pagu'
  | 'kas1'
  | 'kas2'
  | 'kas3'
  | 'kas4'
  | 'realisasi'
  | 'capaian';

export type ColumnMap = Partial<Record<ColumnRole, number>>;

/**
 * Columns chosen by a person for a sheet: a 0-based column for a role, or null when the role is not in
 * the table (whatever the headers say). Roles left out are detected automatically.
 */
export type ColumnOverrides = Partial<Record<ColumnRole, number | null>>;

export interface Layout {
  sheet: string;
  /** First and last row of the header (0-based). */
  headerTop: number;
  headerBottom: number;
  /** First row of data (after the header and any row of column numbers). */
  firstDataRow: number;
  /** Last row that belongs to the table (before signatures etc.). */
  lastDataRow: number;
  columns: ColumnMap;
  /** Quarter this sheet reports up to (1..4), from the title or the sheet name. */
  quarter?: 1 | 2 | 3 | 4;
}

export type Level = 'program' | 'kegiatan' | 'subKegiatan';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'formula-error'
  | 'display-overflow'
  | 'hash-literal'
  | 'number-as-text'
  | 'capaian-mismatch'
  | 'indicator-capaian-mismatch'
  | 'rollup-mismatch'
  | 'kas-pagu-mismatch'
  | 'realisasi-over-pagu'
  | 'tree-incomplete'
  | 'missing-name'
  | 'ambiguous-level'
  | 'quarter-decrease'
  | 'quarter-change'
  | 'layout-not-found';

/** A value as reported: a number, a text, or null for empty/none. */
export type ReportValue = number | string | boolean | null;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address on the sheet, e.g. "N12"; absent for sheet-level findings. */
  cell?: string;
  /** Message in Bahasa Indonesia (default) and English. */
  message: string;
  messageEn: string;
  actual: ReportValue;
  expected: ReportValue;
}

/** What a fix writes into a cell. */
export interface CellWrite {
  /** New value; for a formula fix, the value the formula evaluates to. */
  value: number | string | null;
  formula?: string;
  numberFormat?: string;
}

export interface Fix {
  rule: RuleId;
  sheet: string;
  /** A1 address; for a column-width fix the column letter ("P"). */
  cell: string;
  kind: 'cell' | 'columnWidth';
  old: ReportValue;
  /** Shown value for the new content (number, text); for columnWidth the width in points. */
  new: ReportValue;
  write?: CellWrite;
  /** New column width in points, for kind "columnWidth". */
  width?: number;
  /** For kind "columnWidth": the A1 range of the column's data rows, whose numbers the width must fit. */
  range?: string;
  reason: string;
  reasonEn: string;
  /** Certain fixes are applied by the one-click action; others are suggestions. */
  certain: boolean;
}

export type Polarity = 'higher' | 'lower' | 'lowerRatio' | 'range';

export interface AnalyzeOptions {
  /** Per-sheet column overrides chosen by a user. */
  columnOverrides?: Record<string, ColumnOverrides>;
  /** Polarity per indicator, keyed by "<sheet>!<row>" (row 1-based) or by indicator name (normalised). */
  polarity?: Record<string, Polarity>;
  /** Level chosen by a user for budget rows, keyed by "<sheet>!<row>" (row 1-based). */
  levels?: Record<string, Level>;
  /** Only these sheets. */
  sheets?: string[];
  /** Width of a text in points in a font; hosts with a real measure (canvas) pass it. */
  measureText?: (text: string, fontName: string, fontSize: number) => number;
  /** Told after each sheet, and once more after the checks across quarters: done of total steps. */
  onProgress?: (done: number, total: number) => void;
}

/** An amount as read from a cell. */
export interface Amount {
  /** The number, or null when empty, "-" is taken as 0 when `dash` is set. */
  value: number | null;
  /** Where it came from. */
  source: 'number' | 'text' | 'dash' | 'empty' | 'hash' | 'error' | 'formula';
  /** For a text that held a number ("55.599.900,00"). */
  fromText?: boolean;
  /** The cell held a formula. */
  formula?: boolean;
  /** Error code when the cell is an Excel error. */
  error?: string;
  /** Decimals the cell shows, in the units of `value`. */
  decimals?: number;
  /** The cell shows a percent (a % number format, or a text ending in "%"). */
  percentFormat?: boolean;
}

/** One node of the budget tree: a program, kegiatan or sub kegiatan row. */
export interface BudgetRow {
  /** 0-based sheet row. */
  row: number;
  kode?: string;
  nama: string;
  level: Level | null;
  /** How the level was decided. */
  levelBy?: 'kode' | 'name' | 'balance' | 'format' | 'position' | 'user';
  /** Indentation and boldness of the name cell, where the host has them. */
  indent?: number;
  bold?: boolean;
  pagu: Amount;
  kas: [Amount, Amount, Amount, Amount];
  realisasi: Amount;
  capaian: Amount;
  children: BudgetRow[];
  parent?: BudgetRow;
}

export interface IndicatorRow {
  row: number;
  nama: string;
  /** FORMULASI text on the row (tells apart indicators that share a name). */
  formulasi?: string;
  targets: [Amount, Amount, Amount, Amount];
  realisasi: Amount;
  capaian: Amount;
  /** The program row it stands on, when there is one. */
  program?: BudgetRow;
}

export interface SheetReport {
  name: string;
  layout: Layout | null;
  findings: Finding[];
  fixes: Fix[];
  /** Programs at the top of the tree (with children). */
  programs: BudgetRow[];
  indicators: IndicatorRow[];
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  fixesCertain: number;
  fixesSuggested: number;
}

export interface WorkbookReport {
  sheets: SheetReport[];
  summary: Summary;
}
