// Matches the rows of two quarter sheets: by code where both have one, else by level and similar name.
import { normalize } from './grid';
import type { RowMatches } from './rules/rule';
import type { BudgetRow, IndicatorRow } from './types';

function tokens(name: string): Set<string> {
  return new Set(normalize(name).split(' ').filter((t) => t.length >= 3));
}

/** Similarity of two names, 0..1 (shared words over the words of the shorter name). */
export function nameSimilarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.size === 0 || tb.size === 0) return normalize(a) === normalize(b) ? 1 : 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.min(ta.size, tb.size);
}

export function matchRows(prevRows: BudgetRow[], curRows: BudgetRow[], prevInd: IndicatorRow[], curInd: IndicatorRow[]): RowMatches {
  const budget = new Map<BudgetRow, BudgetRow>();
  const used = new Set<BudgetRow>();
  const prevByKode = new Map(prevRows.filter((r) => r.kode).map((r) => [r.kode!.replace(/\s+/g, ''), r]));
  for (const r of curRows) {
    if (r.kode) {
      const p = prevByKode.get(r.kode.replace(/\s+/g, ''));
      if (p && !used.has(p)) {
        budget.set(r, p);
        used.add(p);
      }
    }
  }
  // By name, level and parent; rows without a name by their position under a matched parent.
  for (const r of curRows) {
    if (budget.has(r) || !r.level) continue;
    const parentMatch = r.parent ? budget.get(r.parent) : undefined;
    let best: BudgetRow | undefined;
    let bestScore = 0;
    for (const p of prevRows) {
      if (used.has(p) || p.level !== r.level) continue;
      let s = r.nama && p.nama ? nameSimilarity(r.nama, p.nama) : 0;
      if (!r.nama && !p.nama && parentMatch && p.parent === parentMatch) {
        const i = r.parent!.children.indexOf(r);
        s = parentMatch.children.indexOf(p) === i ? 0.9 : 0;
      }
      if (parentMatch && p.parent === parentMatch) s += 0.05;
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    if (best && bestScore >= 0.6) {
      budget.set(r, best);
      used.add(best);
    }
  }
  const indicators = new Map<IndicatorRow, IndicatorRow>();
  const usedInd = new Set<IndicatorRow>();
  for (const i of curInd) {
    let best: IndicatorRow | undefined;
    let bestScore = 0;
    for (const p of prevInd) {
      if (usedInd.has(p)) continue;
      const s = nameSimilarity(`${i.nama} ${i.formulasi ?? ''}`, `${p.nama} ${p.formulasi ?? ''}`);
      if (s > bestScore) {
        bestScore = s;
        best = p;
      }
    }
    if (best && bestScore >= 0.75) {
      indicators.set(i, best);
      usedInd.add(best);
    }
  }
  return { budget, indicators };
}
