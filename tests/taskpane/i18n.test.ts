// The one string catalogue: every string of the add-in exists in Bahasa Indonesia and in English,
// with the same shape (nested groups, functions taking the same arguments).
import { STRINGS, langOf, strings } from '../../src/addin/i18n';
import { RULES } from '../../src/engine/rules/catalogue';

function shape(v: unknown): unknown {
  if (typeof v === 'function') return `fn/${v.length}`;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return typeof v;
}

test('id and en have the same keys and shapes', () => {
  expect(shape(STRINGS.en)).toEqual(shape(STRINGS.id));
});

test('no string is empty, and the pane strings differ between the languages where words are used', () => {
  const walk = (v: unknown, path: string, out: [string, string][]) => {
    if (typeof v === 'string') out.push([path, v]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, out);
  };
  for (const lang of ['id', 'en'] as const) {
    const list: [string, string][] = [];
    walk(STRINGS[lang], lang, list);
    for (const [path, s] of list) expect([path, s.trim().length > 0]).toEqual([path, true]);
  }
  expect(strings('id').tabTable).toBe('Tabel yang dipahami');
  expect(strings('en').tabTable).toBe('Table as understood');
  expect(strings('id').fixAll(3)).toBe('Perbaiki semua yang pasti (3)');
});

test('the language follows Office: English for en-*, Bahasa Indonesia otherwise', () => {
  expect(langOf('en-US')).toBe('en');
  expect(langOf('en-GB')).toBe('en');
  expect(langOf('id-ID')).toBe('id');
  expect(langOf('nl-NL')).toBe('id');
  expect(langOf(undefined)).toBe('id');
});

test('every rule has a title in both languages (shown in the findings and the report)', () => {
  for (const r of RULES) {
    expect(r.title.id.length).toBeGreaterThan(0);
    expect(r.title.en.length).toBeGreaterThan(0);
  }
});
