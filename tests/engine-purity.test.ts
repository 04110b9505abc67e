// The engine is pure: plain data in, plain data out. No host (office-js, ExcelJS), no DOM, no Node APIs.
import * as fs from 'fs';
import * as path from 'path';

const engineDir = path.resolve(__dirname, '../src/engine');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = files(engineDir).map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));

test('there is an engine to check', () => {
  expect(sources.length).toBeGreaterThan(20);
});

test.each(sources.map((s) => [path.relative(engineDir, s.f), s.text]))('%s imports only engine modules', (_name, text) => {
  const specifiers = [...(text as string).matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  for (const s of specifiers) {
    expect(s.startsWith('./') || s.startsWith('../')).toBe(true);
    const resolved = path.resolve(path.dirname(engineDir), 'engine', s);
    expect(resolved.startsWith(engineDir) || s.startsWith('./') || s.startsWith('../')).toBe(true);
  }
  // no host or DOM globals
  const code = (text as string).replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  expect(code).not.toMatch(/\b(Office|Excel|document|window|navigator|process|globalThis)\s*\./);
  expect(code).not.toMatch(/\brequire\s*\(/);
  expect(code).not.toMatch(/from ['"](exceljs|fs|path|os|child_process|react|@fluentui[^'"]*)['"]/);
});

test('relative imports never leave src/engine', () => {
  for (const { f, text } of sources) {
    for (const m of text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(f), m[1]);
      expect(target.startsWith(engineDir)).toBe(true);
    }
  }
});
