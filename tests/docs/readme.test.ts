// The README stays true: its rules table is the catalogue, and it opens with the two commands.
import * as fs from 'fs';
import * as path from 'path';
import { withTable } from './rules-table';

const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

test('the rules table in README.md is the catalogue (regenerate with npx tsx tests/docs/rules-table.ts)', () => {
  expect(readme).toBe(withTable(readme));
});

test('README starts with the install+run and install+test commands', () => {
  const head = readme.split('\n').slice(0, 20).join('\n');
  expect(head).toMatch(/npm ci && npm start/);
  expect(head).toMatch(/npm ci && npm test/);
});

test('.ci/run calls the README test command', () => {
  const ci = fs.readFileSync(path.resolve(__dirname, '../../.ci/run'), 'utf8');
  expect(ci).toMatch(/npm ci/);
  expect(ci).toMatch(/npm test/);
});
