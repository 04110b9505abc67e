// What the user decides in the pane, saved in the workbook's document settings so it travels with the file:
// column overrides, row levels, indicator polarity, and findings set aside ("Abaikan") with a reason.
import type { AnalyzeOptions, ColumnOverrides, Finding, Level, Polarity, RuleId } from '../engine/types';
import type { OfficeContextLike } from './excel-like';

export const OPTIONS_SETTING = 'capaian.options';
export const IGNORED_SETTING = 'capaian.ignored';

export interface UserChoices {
  /** Per sheet: role -> 0-based column, or null when the role is not in that sheet's table. */
  columnOverrides?: Record<string, ColumnOverrides>;
  /** "<sheet>!<row 1-based>" or normalised indicator name -> polarity. */
  polarity?: Record<string, Polarity>;
  /** "<sheet>!<row 1-based>" -> level of that budget row. */
  levels?: Record<string, Level>;
}

export interface IgnoredFinding {
  sheet: string;
  cell: string | null;
  rule: RuleId;
  reason: string;
  /** ISO time it was set aside. */
  at: string;
}

export function loadChoices(office: OfficeContextLike): UserChoices {
  const v = office.document.settings.get(OPTIONS_SETTING);
  return v && typeof v === 'object' ? (v as UserChoices) : {};
}

export function saveChoices(office: OfficeContextLike, choices: UserChoices): Promise<void> {
  office.document.settings.set(OPTIONS_SETTING, choices);
  return persist(office);
}

export function analyzeOptionsOf(choices: UserChoices): Pick<AnalyzeOptions, 'columnOverrides' | 'polarity' | 'levels'> {
  return { columnOverrides: choices.columnOverrides, polarity: choices.polarity, levels: choices.levels };
}

export function loadIgnored(office: OfficeContextLike): IgnoredFinding[] {
  const v = office.document.settings.get(IGNORED_SETTING);
  return Array.isArray(v) ? (v as IgnoredFinding[]) : [];
}

export function saveIgnored(office: OfficeContextLike, list: IgnoredFinding[]): Promise<void> {
  office.document.settings.set(IGNORED_SETTING, list);
  return persist(office);
}

export function isIgnored(f: Finding, list: IgnoredFinding[]): IgnoredFinding | undefined {
  return list.find((i) => i.sheet === f.sheet && i.rule === f.rule && (i.cell ?? null) === (f.cell ?? null));
}

function persist(office: OfficeContextLike): Promise<void> {
  return new Promise((resolve, reject) =>
    office.document.settings.saveAsync((r) => (r.status === 'failed' ? reject(new Error(r.error?.message ?? 'saveAsync failed')) : resolve())),
  );
}
