// What the rules of one sheet work on: the grid, the layout, the tree, the solved amounts,
// and the collectors of findings and fixes.
import { address } from './a1';
import type { Grid } from './grid';
import type { AmountKey } from './tree';
import type {
  AnalyzeOptions,
  BudgetRow,
  Finding,
  Fix,
  IndicatorRow,
  Layout,
  ReportValue,
  RuleId,
} from './types';
import { ruleMeta } from './rules/catalogue';

/** A value the solver settled for an amount cell, with why. */
export interface SolvedChange {
  row: BudgetRow;
  key: AmountKey;
  old: number | null;
  value: number;
  rule: RuleId;
  certain: boolean;
  reason: string;
  reasonEn: string;
}

export interface Solution {
  /** Corrected value of each amount of each row (null: empty, or unknown when lost). */
  value(row: BudgetRow, key: AmountKey): number | null;
  /** Changes the solver made, in order. */
  changes: SolvedChange[];
  /** Parents whose children's pagu adds up to less than their own pagu. */
  incomplete: Map<BudgetRow, number>;
  /** Lost cells (#####, errors) the balance rules could not determine. */
  unresolved: { row: BudgetRow; key: AmountKey }[];
}

export interface SheetContext {
  grid: Grid;
  layout: Layout;
  rows: BudgetRow[];
  programs: BudgetRow[];
  ambiguous: BudgetRow[];
  indicators: IndicatorRow[];
  solution: Solution;
  options: AnalyzeOptions;
  out: Collector;
}

/** Collects findings and keeps one fix per cell (a later fix of a stronger rule replaces an earlier one). */
export class Collector {
  readonly findings: Finding[] = [];
  private readonly fixes = new Map<string, Fix>();
  private readonly deferred: (() => void)[] = [];

  constructor(readonly sheet: string) {}

  find(
    rule: RuleId,
    at: { row: number; col: number } | null,
    message: string,
    messageEn: string,
    actual: ReportValue,
    expected: ReportValue,
  ): void {
    const meta = ruleMeta(rule);
    this.findings.push({
      rule,
      severity: meta.severity,
      sheet: this.sheet,
      cell: at ? address(at.row, at.col) : undefined,
      message,
      messageEn,
      actual,
      expected,
    });
  }

  fix(f: Omit<Fix, 'sheet'>): void {
    const key = f.kind === 'columnWidth' ? `col:${f.cell}` : f.cell;
    this.fixes.set(key, { ...f, sheet: this.sheet });
  }

  /** Runs `fn` after every rule of the sheet has run (for findings that depend on later repairs). */
  later(fn: () => void): void {
    this.deferred.push(fn);
  }

  /** Runs the deferred work; called once by the engine after the rules. */
  finish(): void {
    for (const fn of this.deferred.splice(0)) fn();
  }

  hasFix(cell: string): boolean {
    return this.fixes.has(cell);
  }

  getFix(cell: string): Fix | undefined {
    return this.fixes.get(cell);
  }

  allFixes(): Fix[] {
    return [...this.fixes.values()];
  }
}
