// The README's table of rules is generated from the catalogue (one source for the UI, the CLI and the docs).
//   npx tsx tests/docs/rules-table.ts      rewrites the table in README.md
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../src/engine/rules/catalogue';

export const START = '<!-- rules:start (generated from src/engine/rules/catalogue.ts by tests/docs/rules-table.ts) -->';
export const END = '<!-- rules:end -->';

const SEVERITY = { error: 'kesalahan / error', warning: 'peringatan / warning', info: 'info' } as const;

export function rulesTable(): string {
  const lines = ['| id | tingkat | judul | memeriksa | checks |', '|---|---|---|---|---|'];
  for (const r of RULES) lines.push(`| \`${r.id}\` | ${SEVERITY[r.severity]} | ${r.title.id} | ${r.checks.id} | ${r.checks.en} |`);
  return lines.join('\n');
}

export function withTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no rules markers');
  return `${readme.slice(0, a + START.length)}\n${rulesTable()}\n${readme.slice(b)}`;
}

if (require.main === module) {
  const file = path.resolve(__dirname, '../../README.md');
  fs.writeFileSync(file, withTable(fs.readFileSync(file, 'utf8')));
  console.log('README.md: rules table written');
}
