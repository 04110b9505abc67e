// The shape of a rule. Each rule lives in its own file; the order of checks is in index.ts.
import type { SheetContext } from '../context';
import type { RuleId } from '../types';

export interface SheetRule {
  id: RuleId;
  check(ctx: SheetContext): void;
}

/** Rules across two quarter sheets of one workbook (previous, current). */
export interface QuarterRule {
  id: RuleId;
  checkPair(prev: SheetContext, cur: SheetContext, matches: RowMatches): void;
}

export interface RowMatches {
  /** Current budget row -> the same row on the previous sheet. */
  budget: Map<import('../types').BudgetRow, import('../types').BudgetRow>;
  indicators: Map<import('../types').IndicatorRow, import('../types').IndicatorRow>;
}
