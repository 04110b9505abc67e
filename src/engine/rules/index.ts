// The rules in the order they run on a sheet. Repairs of later rules replace earlier ones on the same cell,
// so stronger repairs (totals, capaian) come after conversions; display-overflow runs last to size columns
// for the repaired numbers.
import { ambiguousLevel } from './ambiguous-level';
import { capaianMismatch } from './capaian-mismatch';
import { displayOverflow } from './display-overflow';
import { formulaError } from './formula-error';
import { hashLiteral } from './hash-literal';
import { indicatorCapaianMismatch } from './indicator-capaian-mismatch';
import { kasPaguMismatch } from './kas-pagu-mismatch';
import { missingName } from './missing-name';
import { numberAsText } from './number-as-text';
import { quarterChange } from './quarter-change';
import { quarterDecrease } from './quarter-decrease';
import { realisasiOverPagu } from './realisasi-over-pagu';
import type { QuarterRule, SheetRule } from './rule';
import { rollupMismatch } from './rollup-mismatch';
import { treeIncomplete } from './tree-incomplete';

export const SHEET_RULES: readonly SheetRule[] = [
  numberAsText,
  formulaError,
  hashLiteral,
  rollupMismatch,
  treeIncomplete,
  kasPaguMismatch,
  realisasiOverPagu,
  missingName,
  ambiguousLevel,
  capaianMismatch,
  indicatorCapaianMismatch,
  displayOverflow,
];

export const QUARTER_RULES: readonly QuarterRule[] = [quarterDecrease, quarterChange];

export { RULES, ruleMeta } from './catalogue';
export { layoutNotFound } from './layout-not-found';
