// Matches the rows of two quarter sheets: by code where both have one, then by level and the same
// name, then by level and a similar name (names drift between quarters: typos, case, truncation).
// Rows without a name are matched by their position under an already matched parent.
import { normalize } from './grid';
import type { RowMatches } from './rules/rule';
import type { BudgetRow, IndicatorRow } from './types';

function tokens(name: string): Set<string> {
  return new Set(normalize(name).split(' ').filter((t) => t.length >= 3));
}

/** Similarity of two token sets, 0..1 (shared words over the words of the smaller set). */
function similarity(ta: Set<string>, tb: Set<string>): number {
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.min(ta.size, tb.size);
}

/** How many fuzzy candidates a row is compared with at most (keeps big sheets linear). */
const MAX_CANDIDATES = 200;

export function matchRows(prevRows: BudgetRow[], curRows: BudgetRow[], prevInd: IndicatorRow[], curInd: IndicatorRow[]): RowMatches {
  const budget = new Map<BudgetRow, BudgetRow>();
  const used = new Set<BudgetRow>();
  const take = (cur: BudgetRow, prev: BudgetRow) => {
    budget.set(cur, prev);
    used.add(prev);
  };

  // 1. Codes.
  const prevByKode = new Map(prevRows.filter((r) => r.kode).map((r) => [r.kode!.replace(/\s+/g, ''), r]));
  for (const r of curRows) {
    const p = r.kode ? prevByKode.get(r.kode.replace(/\s+/g, '')) : undefined;
    if (p && !used.has(p)) take(r, p);
  }

  // 2. Same level and the same normalised name, in order (a name may repeat under different parents).
  const byName = new Map<string, BudgetRow[]>();
  for (const p of prevRows) {
    if (used.has(p) || !p.level || !p.nama) continue;
    const key = `${p.level}|${normalize(p.nama)}`;
    (byName.get(key) ?? byName.set(key, []).get(key)!).push(p);
  }
  for (const r of curRows) {
    if (budget.has(r) || !r.level || !r.nama) continue;
    const list = byName.get(`${r.level}|${normalize(r.nama)}`);
    if (!list) continue;
    const parentMatch = r.parent ? budget.get(r.parent) : undefined;
    const p = list.find((x) => !used.has(x) && (!parentMatch || x.parent === parentMatch)) ?? list.find((x) => !used.has(x));
    if (p) take(r, p);
  }

  // 3. Similar names (and unnamed rows by position under a matched parent).
  const prevTokens = new Map<BudgetRow, Set<string>>();
  const index = new Map<string, BudgetRow[]>();
  for (const p of prevRows) {
    if (used.has(p) || !p.level) continue;
    const t = tokens(p.nama);
    prevTokens.set(p, t);
    for (const w of t) (index.get(w) ?? index.set(w, []).get(w)!).push(p);
  }
  for (const r of curRows) {
    if (budget.has(r) || !r.level) continue;
    const parentMatch = r.parent ? budget.get(r.parent) : undefined;
    if (!r.nama) {
      if (parentMatch) {
        const i = r.parent!.children.indexOf(r);
        const p = parentMatch.children[i];
        if (p && !used.has(p) && !p.nama && p.level === r.level) take(r, p);
      }
      continue;
    }
    const t = tokens(r.nama);
    // Candidates share a word; the rarest words first keep the list short.
    const words = [...t].sort((a, b) => (index.get(a)?.length ?? 0) - (index.get(b)?.length ?? 0));
    const candidates = new Set<BudgetRow>();
    for (const w of words) {
      for (const p of index.get(w) ?? []) {
        if (candidates.size >= MAX_CANDIDATES) break;
        if (!used.has(p) && p.level === r.level) candidates.add(p);
      }
      if (candidates.size >= MAX_CANDIDATES) break;
    }
    let best: BudgetRow | undefined;
    let bestScore = 0;
    for (const p of candidates) {
      let s = similarity(t, prevTokens.get(p)!);
      if (parentMatch && p.parent === parentMatch) s += 0.05;
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    if (best && bestScore >= 0.6) take(r, best);
  }

  // Indicators: few per sheet; name and formulation together.
  const indicators = new Map<IndicatorRow, IndicatorRow>();
  const usedInd = new Set<IndicatorRow>();
  const label = (i: IndicatorRow) => tokens(`${i.nama} ${i.formulasi ?? ''}`);
  const prevLabels = prevInd.map(label);
  for (const i of curInd) {
    const ti = label(i);
    let best = -1;
    let bestScore = 0;
    prevInd.forEach((p, k) => {
      if (usedInd.has(p)) return;
      const s = similarity(ti, prevLabels[k]);
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    });
    if (best >= 0 && bestScore >= 0.75) {
      indicators.set(i, prevInd[best]);
      usedInd.add(prevInd[best]);
    }
  }
  return { budget, indicators };
}
