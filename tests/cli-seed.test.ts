// End to end: the real `capaian` command on the seed workbooks, and the repaired files reopened
// by ExcelJS and by LibreOffice (an independent spreadsheet engine that recalculates every formula).
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildFixture, HASH_CELLS, type FixtureVariant } from './fixtures/build-fixtures';

const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-cli-'));
const VARIANTS: FixtureVariant[] = ['seed', 'seed-hash', 'seed-text', 'seed-formulas', 'kode-reordered'];

function capaian(args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'capaian', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CAPAIAN_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const fixture = (v: FixtureVariant) => path.join(dir, `${v}.xlsx`);
const fixed = (v: FixtureVariant) => path.join(dir, `${v}.fixed.xlsx`);

beforeAll(async () => {
  for (const v of VARIANTS) await (await buildFixture(v)).xlsx.writeFile(fixture(v));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('npx capaian check on the seed: exit 1, a readable report in Bahasa Indonesia with cells', () => {
  const r = capaian(['check', fixture('seed')]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('Lembar "TW IV"');
  expect(r.stdout).toMatch(/N22: Pagu kegiatan .* tertulis Rp 246\.174\.400, padahal jumlah rinciannya Rp 250\.634\.400/);
  expect(r.stdout).toContain('Kesalahan');
  expect(r.stderr).toBe('');
});

test('npx capaian check --json: the documented shape', () => {
  const r = capaian(['check', fixture('seed'), '--json']);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  expect(j.files).toHaveLength(1);
  const tw4 = j.files[0].sheets.find((s: { name: string }) => s.name === 'TW IV');
  expect(tw4.layout).toBeTruthy();
  const f = tw4.findings.find((x: { cell: string; rule: string }) => x.cell === 'N22' && x.rule === 'rollup-mismatch');
  expect(f).toMatchObject({ rule: 'rollup-mismatch', severity: 'error', sheet: 'TW IV', cell: 'N22', actual: 246174400, expected: 250634400 });
  expect(typeof f.message).toBe('string');
  const fix = tw4.fixes.find((x: { cell: string }) => x.cell === 'N22');
  expect(fix).toMatchObject({ rule: 'rollup-mismatch', sheet: 'TW IV', cell: 'N22', old: 246174400, new: 250634400, certain: true });
  expect(j.summary).toMatchObject({ errors: 36 });
});

describe.each(VARIANTS)('capaian fix on %s', (v) => {
  let fixResult: ReturnType<typeof capaian>;
  beforeAll(() => {
    fixResult = capaian(['fix', fixture(v), '--out', fixed(v), '--json']);
  });

  test('writes OUT, leaves FILE untouched, and no error with a certain repair remains', () => {
    const before = sha(fixture(v));
    expect(fixResult.code).toBe(0);
    expect(fs.existsSync(fixed(v))).toBe(true);
    expect(sha(fixture(v))).toBe(before);
    const j = JSON.parse(fixResult.stdout);
    expect(j.applied.length).toBeGreaterThan(0);
    const again = capaian(['check', fixed(v), '--json']);
    expect(again.code).toBe(0);
    const after = JSON.parse(again.stdout);
    expect(after.summary.errors).toBe(0);
    expect(after.summary.fixesCertain).toBe(0);
  });

  test('keeps the rest of the workbook: sheets, merges, styles, untouched cells', async () => {
    const a = new ExcelJS.Workbook();
    const b = new ExcelJS.Workbook();
    await a.xlsx.readFile(fixture(v));
    await b.xlsx.readFile(fixed(v));
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    const changed = new Set<string>(JSON.parse(fixResult.stdout).applied.map((f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`));
    for (const wa of a.worksheets) {
      const wb = b.getWorksheet(wa.name)!;
      expect([...(wb.model.merges ?? [])].sort()).toEqual([...(wa.model.merges ?? [])].sort());
      wa.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (changed.has(`${wa.name}!${cell.address}`)) return;
          const other = wb.getRow(r).getCell(c);
          expect(JSON.stringify(other.value)).toBe(JSON.stringify(cell.value));
          expect(other.numFmt).toBe(cell.numFmt);
          expect(!!other.font?.bold).toBe(!!cell.font?.bold);
        }),
      );
    }
  });
});

test('seed: the repaired TW III columns are wide enough for the numbers that printed #####', async () => {
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(fixed('seed'));
  const ws = b.getWorksheet('TW III')!;
  for (const h of HASH_CELLS) {
    const col = ws.getColumn(h.cell.replace(/\d+/, ''));
    expect(col.width!).toBeGreaterThan(11);
  }
});

// LibreOffice: open the repaired files, recalculate every formula, save again; Capaian must find no error in them.
describe('reopened by LibreOffice', () => {
  const profile = path.join(dir, 'lo-profile');
  const loOut = path.join(dir, 'lo');
  beforeAll(() => {
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(
      path.join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    fs.mkdirSync(loOut, { recursive: true });
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', loOut, ...VARIANTS.map(fixed)],
      { encoding: 'utf8', timeout: 180000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed (is libreoffice-calc-nogui installed?): ${r.stderr || r.error}`);
  });

  test.each(VARIANTS)('%s: LibreOffice opens it and Capaian finds no error after its recalculation', (v) => {
    const file = path.join(loOut, `${v}.fixed.xlsx`);
    expect(fs.existsSync(file)).toBe(true);
    const r = capaian(['check', file, '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.summary.errors).toBe(0);
    expect(r.code).toBe(0);
  });

  test('seed-formulas: LibreOffice computes the written formulas to the repaired values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(loOut, 'seed-formulas.fixed.xlsx'));
    const t28 = wb.getWorksheet('TW I')!.getCell('T28').value as { formula: string; result: number };
    expect(t28.formula).toContain('S28/N28');
    expect(t28.result).toBeCloseTo((1882497698 / 9453491952) * 100, 6);
    const l8 = wb.getWorksheet('TW III')!.getCell('L8').value as { formula: string; result: number };
    expect(l8.result).toBeCloseTo(0.00064 / 0.0039, 6);
  });
});
