// Settles the amounts of the budget tree: recovers lost numbers (#####, errors) where the
// balance rules determine them, then repairs parent totals from what was typed into the leaves.
import type { Solution, SolvedChange } from './context';
import { rp } from './rules/util';
import { AMOUNT_KEYS, type AmountKey, amountOf } from './tree';
import type { BudgetRow } from './types';

const TOLERANCE = 0.5;
const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;
const KAS: AmountKey[] = ['kas1', 'kas2', 'kas3', 'kas4'];

export const KEY_LABEL: Record<AmountKey, { id: string; en: string }> = {
  pagu: { id: 'pagu', en: 'pagu' },
  kas1: { id: 'anggaran kas TW I', en: 'cash plan Q1' },
  kas2: { id: 'anggaran kas TW II', en: 'cash plan Q2' },
  kas3: { id: 'anggaran kas TW III', en: 'cash plan Q3' },
  kas4: { id: 'anggaran kas TW IV', en: 'cash plan Q4' },
  realisasi: { id: 'realisasi', en: 'realisasi' },
};

export const LEVEL_LABEL = {
  program: { id: 'program', en: 'program' },
  kegiatan: { id: 'kegiatan', en: 'kegiatan' },
  subKegiatan: { id: 'sub kegiatan', en: 'sub kegiatan' },
} as const;

function levelLabel(r: BudgetRow) {
  return r.level ? LEVEL_LABEL[r.level] : { id: 'baris', en: 'row' };
}

/** Children in post-order so that kegiatan are settled before their program. */
function postOrder(programs: BudgetRow[], rows: BudgetRow[]): BudgetRow[] {
  const out: BudgetRow[] = [];
  const seen = new Set<BudgetRow>();
  const visit = (r: BudgetRow) => {
    if (seen.has(r)) return;
    seen.add(r);
    for (const c of r.children) visit(c);
    out.push(r);
  };
  programs.forEach(visit);
  rows.forEach(visit);
  return out;
}

/**
 * @param guessed rows whose level is a guess (ambiguous-level): totals are not repaired around them.
 */
export function solve(rows: BudgetRow[], programs: BudgetRow[], guessed: ReadonlySet<BudgetRow> = new Set()): Solution {
  const values = new Map<BudgetRow, Map<AmountKey, number | null>>();
  const unknown = new Set<string>(); // `${row.row}:${key}`
  const uk = (r: BudgetRow, k: AmountKey) => `${r.row}:${k}`;
  for (const r of rows) {
    const m = new Map<AmountKey, number | null>();
    for (const k of AMOUNT_KEYS) {
      const a = amountOf(r, k);
      m.set(k, a.value);
      if (a.source === 'hash' || a.source === 'error') unknown.add(uk(r, k));
    }
    values.set(r, m);
  }
  const get = (r: BudgetRow, k: AmountKey) => values.get(r)!.get(k) ?? null;
  const isUnknown = (r: BudgetRow, k: AmountKey) => unknown.has(uk(r, k));
  const changes: SolvedChange[] = [];
  // A suggestion (not certain) is recorded but not built upon: the one-click action applies only
  // certain repairs, so every certain repair must hold without the suggestions.
  const set = (r: BudgetRow, k: AmountKey, v: number, change: Omit<SolvedChange, 'row' | 'key' | 'value' | 'old'>) => {
    const old = amountOf(r, k).value;
    if (change.certain) {
      values.get(r)!.set(k, v);
      unknown.delete(uk(r, k));
    } else suggested.add(uk(r, k));
    changes.push({ row: r, key: k, old, value: v, ...change });
  };
  const suggested = new Set<string>();
  const childSum = (r: BudgetRow, k: AmountKey) => r.children.reduce((s, c) => s + (get(c, k) ?? 0), 0);
  const paguCovered = (r: BudgetRow) =>
    r.children.length > 0 &&
    !isUnknown(r, 'pagu') &&
    r.children.every((c) => !isUnknown(c, 'pagu')) &&
    near(childSum(r, 'pagu'), get(r, 'pagu') ?? 0);

  // 1. Lost numbers, repeated until nothing more follows.
  const lost = (r: BudgetRow, k: AmountKey) => amountOf(r, k).source;
  let progress = true;
  while (progress && unknown.size > 0) {
    progress = false;
    for (const r of rows) {
      for (const k of AMOUNT_KEYS) {
        if (!isUnknown(r, k) || suggested.has(uk(r, k))) continue;
        const what = lost(r, k) === 'hash' ? '####' : 'galat';
        const whatEn = lost(r, k) === 'hash' ? '####' : 'an error';
        // a) A parent is the sum of its children.
        if (r.children.length > 0 && r.children.every((c) => !isUnknown(c, k))) {
          const v = childSum(r, k);
          set(r, k, v, {
            rule: lost(r, k) === 'hash' ? 'hash-literal' : 'formula-error',
            certain: lost(r, k) === 'hash',
            reason: `Angka yang hilang (${what}) dipulihkan dari jumlah rincian ${levelLabel(r).id} ini: ${rp(v)}.`,
            reasonEn: `Lost number (${whatEn}) recovered as the sum of the rows under this ${levelLabel(r).en}: ${rp(v)}.`,
          });
          progress = true;
          continue;
        }
        // b) A child is its parent minus its siblings, when the parent is complete.
        const p = r.parent;
        if (p && !isUnknown(p, k) && p.children.every((c) => c === r || !isUnknown(c, k)) && get(p, k) !== null) {
          const complete = k === 'pagu' ? true : paguCovered(p);
          const v = (get(p, k) ?? 0) - p.children.reduce((s, c) => (c === r ? s : s + (get(c, k) ?? 0)), 0);
          if (complete && v >= 0) {
            // For pagu, the parent's children may be incomplete: check against the row's own kas plan.
            const kasOk = k !== 'pagu' || KAS.every((q) => !isUnknown(r, q)) && near(KAS.reduce((s, q) => s + (get(r, q) ?? 0), 0), v);
            set(r, k, v, {
              rule: lost(r, k) === 'hash' ? 'hash-literal' : 'formula-error',
              certain: lost(r, k) === 'hash' && kasOk,
              reason: `Angka yang hilang (${what}) dipulihkan: ${KEY_LABEL[k].id} induk dikurangi baris lain = ${rp(v)}.`,
              reasonEn: `Lost number (${whatEn}) recovered: the parent's ${KEY_LABEL[k].en} minus the other rows = ${rp(v)}.`,
            });
            progress = true;
            continue;
          }
        }
        // c) Anggaran kas TW I–IV add up to the pagu.
        if (k !== 'pagu' && k !== 'realisasi' && !isUnknown(r, 'pagu') && get(r, 'pagu') !== null) {
          const others = KAS.filter((q) => q !== k);
          if (others.every((q) => !isUnknown(r, q))) {
            const v = (get(r, 'pagu') ?? 0) - others.reduce((s, q) => s + (get(r, q) ?? 0), 0);
            if (v >= 0) {
              set(r, k, v, {
                rule: lost(r, k) === 'hash' ? 'hash-literal' : 'formula-error',
                certain: lost(r, k) === 'hash',
                reason: `Angka yang hilang (${what}) dipulihkan: pagu dikurangi anggaran kas triwulan lain = ${rp(v)}.`,
                reasonEn: `Lost number (${whatEn}) recovered: pagu minus the other quarters' cash plan = ${rp(v)}.`,
              });
              progress = true;
            }
          }
        }
      }
    }
  }

  // 2. Parent totals from the leaves, bottom up.
  const incomplete = new Map<BudgetRow, number>();
  for (const r of postOrder(programs, rows)) {
    if (r.children.length === 0) continue;
    if (guessed.has(r) || r.children.some((c) => guessed.has(c))) continue;
    for (const k of AMOUNT_KEYS) {
      if (isUnknown(r, k) || r.children.some((c) => isUnknown(c, k))) continue;
      const sum = childSum(r, k);
      const cur = get(r, k) ?? 0;
      if (near(sum, cur)) continue;
      const allBlank = r.children.every((c) => get(c, k) === null);
      const label = KEY_LABEL[k];
      if (k === 'pagu' && sum < cur) {
        // The children do not cover the pagu. If the grandparent agrees with the children rather
        // than with this row, this row is the odd one (typed too high): it is the one to change.
        const p = r.parent;
        const parentAgrees =
          !!p &&
          !isUnknown(p, 'pagu') &&
          p.children.every((c) => !isUnknown(c, 'pagu')) &&
          near(get(p, 'pagu') ?? 0, p.children.reduce((s2, c) => s2 + (c === r ? sum : get(c, 'pagu') ?? 0), 0));
        if (!parentAgrees) {
          incomplete.set(r, sum);
          continue;
        }
        set(r, k, sum, {
          rule: 'rollup-mismatch',
          certain: true,
          reason: `Pagu ${levelLabel(r).id} ini berbeda dari rinciannya dan dari ${levelLabel(p!).id} di atasnya; disamakan dengan jumlah rinciannya: ${rp(sum)}.`,
          reasonEn: `This ${levelLabel(r).en}'s pagu disagrees with both its rows and its ${levelLabel(p!).en}; set to the sum of its rows: ${rp(sum)}.`,
        });
        continue;
      }
      if (k !== 'pagu' && incomplete.has(r)) continue;
      set(r, k, sum, {
        rule: 'rollup-mismatch',
        certain: !allBlank,
        reason: allBlank
          ? `Semua rincian di bawah ${levelLabel(r).id} ini kosong untuk ${label.id}; jumlahnya 0, tetapi angka yang diketik tidak diubah tanpa persetujuan.`
          : `${cap(label.id)} ${levelLabel(r).id} disamakan dengan jumlah rinciannya: ${rp(sum)}.`,
        reasonEn: allBlank
          ? `Every row under this ${levelLabel(r).en} is blank for ${label.en}; their sum is 0, but the typed number is not changed without asking.`
          : `${cap(label.en)} of the ${levelLabel(r).en} set to the sum of its rows: ${rp(sum)}.`,
      });
    }
  }

  const unresolved: { row: BudgetRow; key: AmountKey }[] = [];
  for (const r of rows) for (const k of AMOUNT_KEYS) if (isUnknown(r, k)) unresolved.push({ row: r, key: k });
  return { value: get, changes, incomplete, unresolved };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
