// manifest.xml, checked locally (office-addin-manifest validate posts the file to a Microsoft service, so it
// cannot run here): well-formed XML, schema element order of the parts we use, resource ids defined and
// ≤ 32 characters, https only, icons present with their declared pixel sizes, ExecuteFunction names
// registered in src/commands/commands.ts, ShowTaskpane on the task pane page, permissions, and the
// hosting-URL rewrite of the build (src/commands/manifest-url.js, used by webpack.config.js).
import * as fs from 'fs';
import * as path from 'path';
import { DEV_ORIGIN, manifestForBuild, normalizeAddinUrl, rewriteManifestUrls } from '../../src/commands/manifest-url';
import { all, child, descendants, local, parseXml, pathOf, type XmlElement } from './xml';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const xmlText = fs.readFileSync(MANIFEST_PATH, 'utf8');
const manifest = parseXml(xmlText);

const TASKPANE_URL = `${DEV_ORIGIN}/taskpane.html`;
const COMMANDS_URL = `${DEV_ORIGIN}/commands.html`;

const versionOverrides = child(manifest, 'VersionOverrides');
const resources = child(versionOverrides, 'Resources');

/** id -> { kind (Images, Urls, ShortStrings, LongStrings), element } */
const defined = new Map<string, { kind: string; el: XmlElement }>();
for (const collection of resources.children) {
  for (const item of collection.children) {
    if (defined.has(item.attrs.id)) throw new Error(`resource id ${item.attrs.id} is defined twice`);
    defined.set(item.attrs.id, { kind: local(collection), el: item });
  }
}
const urlOf = (resid: string): string => {
  const r = defined.get(resid);
  if (!r || r.kind !== 'Urls') throw new Error(`${resid} is not a Url resource`);
  return r.el.attrs.DefaultValue;
};

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** assets/<file> for a URL of the dev server. */
function assetFile(url: string): string {
  const prefix = `${DEV_ORIGIN}/assets/`;
  expect(url.startsWith(prefix)).toBe(true);
  return path.join(ROOT, 'assets', url.slice(prefix.length));
}

/** Children of `el` appear in the order of `sequence` (names may be absent or repeated, never out of order or unknown). */
function expectOrder(el: XmlElement, sequence: string[]): void {
  let last = -1;
  for (const c of el.children) {
    const at = sequence.indexOf(local(c));
    if (at < 0) throw new Error(`<${local(c)}> is not a valid child of ${pathOf(el)} (line ${c.line})`);
    if (at < last) throw new Error(`<${local(c)}> (line ${c.line}) comes after <${sequence[last]}> in ${pathOf(el)}: wrong order`);
    last = at;
  }
}

describe('well-formed', () => {
  test('one root, OfficeApp of type TaskPaneApp, in the manifest namespaces', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attrs['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
    expect(versionOverrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(versionOverrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  });

  test('every namespace prefix used is declared', () => {
    const declared = new Set(Object.keys(manifest.attrs).filter((a) => a.startsWith('xmlns:')).map((a) => a.slice(6)));
    for (const el of descendants(manifest)) {
      for (const name of [el.name, ...Object.keys(el.attrs)]) {
        const prefix = name.includes(':') ? name.split(':')[0] : null;
        if (prefix && prefix !== 'xmlns') expect(declared).toContain(prefix);
      }
    }
  });

  test('the parser rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a></a><b/>')).toThrow(/second root/);
    expect(() => parseXml('<a>')).toThrow(/unclosed/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>AT&T</a>')).toThrow(/entity/);
    expect(() => parseXml('<a b=c/>')).toThrow(/attribute/);
    expect(parseXml('<?xml version="1.0"?><!-- c --><a x="&amp;">t<b/></a>').children).toHaveLength(1);
  });
});

describe('element order (OfficeAppManifestV1_1 / TaskPaneAppVersionOverridesV1_0 schemas)', () => {
  test('OfficeApp (TaskPaneApp)', () => {
    expectOrder(manifest, [
      'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
      'Dictionary', 'VersionOverrides',
    ]);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions']) {
      expect(child(manifest, required)).toBeDefined();
    }
  });

  test('VersionOverrides and what it contains', () => {
    expectOrder(versionOverrides, ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'VersionOverrides']);
    for (const ff of all(versionOverrides, 'DesktopFormFactor')) expectOrder(ff, ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    for (const g of all(versionOverrides, 'GetStarted')) expectOrder(g, ['Title', 'Description', 'LearnMoreUrl']);
    for (const g of all(versionOverrides, 'Group')) {
      expectOrder(g, ['Label', 'Icon', 'Control']);
      expect(g.children.filter((c) => local(c) === 'Control').length).toBeLessThanOrEqual(6); // a group holds up to six controls
    }
    for (const c of all(versionOverrides, 'Control')) {
      expect(c.attrs['xsi:type']).toBe('Button');
      expectOrder(c, ['Label', 'Supertip', 'Icon', 'Action']);
      for (const required of ['Label', 'Supertip', 'Icon', 'Action']) expect(child(c, required)).toBeDefined();
      expectOrder(child(c, 'Supertip'), ['Title', 'Description']);
    }
    for (const a of all(versionOverrides, 'Action')) {
      if (a.attrs['xsi:type'] === 'ShowTaskpane') expectOrder(a, ['TaskpaneId', 'SourceLocation', 'Title']);
      else expectOrder(a, ['FunctionName']);
    }
    expectOrder(resources, ['Images', 'Urls', 'ShortStrings', 'LongStrings']);
  });

  test('control and group ids are unique', () => {
    const ids = [...all(versionOverrides, 'Control'), ...all(versionOverrides, 'Group')].map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
  });
});

describe('requirements', () => {
  test('the base manifest requires ExcelApi 1.9', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets');
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(sets.children.map((s) => [s.name, s.attrs.Name, s.attrs.MinVersion])).toEqual([['Set', 'ExcelApi', '1.9']]);
  });

  test('VersionOverrides adds no Requirements (repeating the base one has no effect; a stricter one would hide both buttons)', () => {
    expect(versionOverrides.children.map(local)).not.toContain('Requirements');
  });
});

describe('resources', () => {
  const referenced = descendants(manifest).filter((e) => 'resid' in e.attrs);

  test('every resid is defined, in the right collection, and ≤ 32 characters', () => {
    expect(referenced.length).toBeGreaterThan(10);
    for (const el of referenced) {
      const id = el.attrs.resid;
      expect(id.length).toBeLessThanOrEqual(32);
      const r = defined.get(id);
      if (!r) throw new Error(`resid="${id}" of ${pathOf(el)} (line ${el.line}) is not defined under Resources`);
      const parent = el.parent ? local(el.parent) : '';
      const kind =
        local(el) === 'Image'
          ? 'Images'
          : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(local(el))
            ? 'Urls'
            : local(el) === 'Description' && ['Supertip', 'GetStarted', 'VersionOverrides'].includes(parent)
              ? 'LongStrings'
              : 'ShortStrings'; // Label, Title
      expect(`${id}: ${r.kind}`).toBe(`${id}: ${kind}`);
    }
  });

  test('every defined resource is used, and every id is ≤ 32 characters', () => {
    const used = new Set(referenced.map((e) => e.attrs.resid));
    for (const id of defined.keys()) {
      expect(id.length).toBeLessThanOrEqual(32);
      expect(used).toContain(id);
    }
  });

  test('string lengths: short ≤ 125, long ≤ 250 characters (overrides too)', () => {
    for (const [id, r] of defined) {
      const max = r.kind === 'ShortStrings' ? 125 : r.kind === 'LongStrings' ? 250 : 2048;
      const values = [r.el.attrs.DefaultValue, ...r.el.children.map((o) => o.attrs.Value)];
      for (const v of values) {
        expect(v.length).toBeGreaterThan(0);
        if (v.length > max) throw new Error(`${id}: ${v.length} characters, at most ${max}`);
      }
      for (const o of r.el.children) {
        expect(local(o)).toBe('Override');
        expect(o.attrs.Locale).toBe('en-US');
      }
    }
  });

  test('labels and supertips in Bahasa Indonesia, with English overrides', () => {
    const text = (id: string) => defined.get(id)!.el.attrs.DefaultValue;
    const en = (id: string) => defined.get(id)!.el.children.find((o) => o.attrs.Locale === 'en-US')?.attrs.Value;
    const [recalc, check] = all(versionOverrides, 'Control');
    expect(text(child(recalc, 'Label').attrs.resid)).toBe('Hitung Ulang Capaian');
    expect(text(child(check, 'Label').attrs.resid)).toBe('Periksa Sebelum Kirim');
    for (const c of [recalc, check]) {
      const tip = child(child(c, 'Supertip'), 'Description').attrs.resid;
      expect(text(tip)).toMatch(/buku kerja/);
      expect(en(tip)).toMatch(/workbook/);
      expect(en(child(c, 'Label').attrs.resid)).toBeTruthy();
    }
    expect(text(child(all(versionOverrides, 'Group')[0], 'Label').attrs.resid)).toBe('Capaian');
  });
});

describe('URLs', () => {
  const urls: { where: string; url: string }[] = [];
  for (const el of descendants(manifest)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // namespace names, never loaded
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push({ where: `${pathOf(el)}@${name}`, url: value });
    }
    if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) urls.push({ where: pathOf(el), url: el.text.trim() });
  }

  test('all URLs are https, on the dev server', () => {
    expect(urls.length).toBeGreaterThan(10);
    for (const { where, url } of urls) {
      expect(`${where}: ${url}`).toMatch(/^[^:]+: https:\/\//);
      expect(new URL(url).origin).toBe(DEV_ORIGIN);
    }
  });

  test('the task pane: default SourceLocation and the ShowTaskpane button both open taskpane.html', () => {
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(TASKPANE_URL);
    const actions = all(versionOverrides, 'Action').filter((a) => a.attrs['xsi:type'] === 'ShowTaskpane');
    expect(actions).toHaveLength(1);
    expect(urlOf(child(actions[0], 'SourceLocation').attrs.resid)).toBe(TASKPANE_URL);
    expect(child(actions[0], 'TaskpaneId').text.trim()).not.toBe('');
    // The page exists in the build: webpack.config.js emits taskpane.html from this template.
    expect(fs.existsSync(path.join(ROOT, 'src/taskpane/index.html'))).toBe(true);
  });

  test('the FunctionFile is commands.html', () => {
    const files = all(versionOverrides, 'FunctionFile');
    expect(files).toHaveLength(1);
    expect(urlOf(files[0].attrs.resid)).toBe(COMMANDS_URL);
    expect(fs.existsSync(path.join(ROOT, 'src/commands/commands.html'))).toBe(true);
  });
});

describe('ribbon', () => {
  test('one "Capaian" group on the Home tab with the two buttons', () => {
    const tabs = all(versionOverrides, 'OfficeTab');
    expect(tabs.map((t) => t.attrs.id)).toEqual(['TabHome']);
    const groups = all(tabs[0], 'Group');
    expect(groups).toHaveLength(1);
    const controls = all(groups[0], 'Control');
    expect(controls.map((c) => child(c, 'Action').attrs['xsi:type'])).toEqual(['ExecuteFunction', 'ShowTaskpane']);
    expect(child(controls[0], 'Action').children.map((c) => [local(c), c.text])).toEqual([['FunctionName', 'hitungUlangCapaian']]);
  });

  test('every ExecuteFunction FunctionName is registered with Office.actions.associate in src/commands/commands.ts', async () => {
    const code = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
    const names = all(versionOverrides, 'FunctionName').map((f) => f.text.trim());
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z_$][\w$]*$/);
      expect(code).toContain(`Office.actions.associate('${name}'`);
    }
    const { RECALC_ACTION } = await import('../../src/commands/commands');
    expect(names).toContain(RECALC_ACTION);
  });

  test('permissions stay ReadWriteDocument', () => {
    expect(child(manifest, 'Permissions').text.trim()).toBe('ReadWriteDocument');
  });
});

describe('icons', () => {
  test('group and every button have 16, 32 and 80 px icons, each file in assets/ with that size', () => {
    const iconLists = all(versionOverrides, 'Icon');
    expect(iconLists).toHaveLength(3); // the group and two buttons
    const sizeOf = new Map<string, number>();
    for (const list of iconLists) {
      expect(list.children.map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
      for (const img of list.children) {
        const size = Number(img.attrs.size);
        const resid = img.attrs.resid;
        expect(sizeOf.get(resid) ?? size).toBe(size); // one resource, one size
        sizeOf.set(resid, size);
        const r = defined.get(resid)!;
        expect(r.kind).toBe('Images');
        const file = assetFile(r.el.attrs.DefaultValue);
        expect(fs.existsSync(file)).toBe(true);
        expect(pngSize(file)).toEqual({ width: size, height: size });
      }
    }
  });

  test('IconUrl is 32 px and HighResolutionIconUrl 64 px', () => {
    expect(pngSize(assetFile(child(manifest, 'IconUrl').attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(child(manifest, 'HighResolutionIconUrl').attrs.DefaultValue))).toEqual({ width: 64, height: 64 });
  });

  test('the two buttons have icons of their own, different from each other and from the group', () => {
    const [group, recalc, check] = all(versionOverrides, 'Icon').map((list) =>
      list.children.map((img) => fs.readFileSync(assetFile(defined.get(img.attrs.resid)!.el.attrs.DefaultValue)).toString('base64')),
    );
    for (let k = 0; k < 3; k++) {
      expect(new Set([group[k], recalc[k], check[k]]).size).toBe(3);
    }
  });

  test('every icon file the manifest names is emitted by the build (ICON_FILES of assets/make-icons.js)', () => {
    const { ICON_FILES } = require(path.join(ROOT, 'assets/make-icons.js')) as { ICON_FILES: string[] };
    const named = descendants(manifest)
      .map((e) => e.attrs.DefaultValue)
      .filter((v): v is string => !!v && v.startsWith(`${DEV_ORIGIN}/assets/`))
      .map((v) => v.slice(`${DEV_ORIGIN}/assets/`.length));
    expect(named.length).toBeGreaterThan(0);
    for (const f of named) expect(ICON_FILES).toContain(f);
  });
});

describe('hosting URL (ADDIN_URL) rewrite', () => {
  test('without ADDIN_URL the manifest is copied unchanged', () => {
    expect(manifestForBuild(xmlText, undefined)).toBe(xmlText);
    expect(manifestForBuild(xmlText, '  ')).toBe(xmlText);
  });

  test.each(['https://example.org/capaian', 'https://example.org/capaian/', 'https://example.org/capaian//'])(
    '%s: no localhost left, every URL under the hosting URL, still well-formed',
    (addinUrl) => {
      const out = manifestForBuild(xmlText, addinUrl);
      expect(out).not.toMatch(/localhost/i);
      const parsed = parseXml(out);
      expect(out).toContain('"https://example.org/capaian/commands.html"');
      expect(out).toContain('"https://example.org/capaian/taskpane.html"');
      expect(out).toContain('"https://example.org/capaian/assets/icon-recalc-16.png"');
      expect(out).not.toMatch(/capaian\/\//);
      for (const el of descendants(parsed)) {
        for (const [name, value] of Object.entries(el.attrs)) {
          if (!name.startsWith('xmlns') && /^\w+:\/\//.test(value)) expect(value.startsWith('https://example.org/capaian')).toBe(true);
        }
      }
      // Only the URLs changed.
      expect(out.replace(/https:\/\/example\.org\/capaian/g, DEV_ORIGIN)).toBe(xmlText);
    },
  );

  test('a root hosting URL, another port, an AppDomain', () => {
    const xml = '<a><AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains><b u="https://localhost:3000/x.html"/><c u="https://localhost:30001/y"/></a>';
    expect(rewriteManifestUrls(xml, 'https://addin.example.org:8443/')).toBe(
      '<a><AppDomains><AppDomain>https://addin.example.org:8443</AppDomain></AppDomains><b u="https://addin.example.org:8443/x.html"/><c u="https://localhost:30001/y"/></a>',
    );
    // An AppDomain is a domain only: no path, no closing slash.
    expect(rewriteManifestUrls(xml, 'https://example.org/capaian')).toContain('<AppDomain>https://example.org</AppDomain>');
  });

  test('only https URLs without query, fragment or credentials are accepted', () => {
    expect(normalizeAddinUrl(' https://Example.org/a/b/ ')).toBe('https://example.org/a/b');
    expect(() => normalizeAddinUrl('http://example.org')).toThrow(/https/);
    expect(() => normalizeAddinUrl('example.org/capaian')).toThrow(/not a URL/);
    expect(() => normalizeAddinUrl('https://example.org/?v=1')).toThrow(/query/);
    expect(() => normalizeAddinUrl('https://example.org/#x')).toThrow(/fragment/);
    expect(() => normalizeAddinUrl('https://u:p@example.org/')).toThrow(/credentials/);
  });

  test('webpack.config.js wires it: pages, entries and dist/manifest.xml for ADDIN_URL', () => {
    type Plugin = { constructor: { name: string }; options?: Record<string, unknown>; userOptions?: Record<string, unknown> };
    const make = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => { entry: Record<string, string>; plugins: Plugin[] };
    const before = process.env.ADDIN_URL;
    try {
      process.env.ADDIN_URL = 'https://example.org/capaian/';
      const config = make({}, { mode: 'production' });
      expect(Object.keys(config.entry)).toEqual(expect.arrayContaining(['taskpane', 'commands', 'message']));
      const pages = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => p.userOptions?.filename);
      expect(pages).toEqual(expect.arrayContaining(['taskpane.html', 'index.html', 'commands.html', 'message.html']));
      const manifestPlugin = config.plugins.find((p) => p.constructor.name === 'ManifestPlugin');
      expect(manifestPlugin?.options?.addinUrl).toBe('https://example.org/capaian');
      process.env.ADDIN_URL = 'http://example.org';
      expect(() => make({}, { mode: 'production' })).toThrow(/https/);
      delete process.env.ADDIN_URL;
      expect(config.plugins.find((p) => p.constructor.name === 'ManifestPlugin')).toBeDefined();
      expect(make({}, { mode: 'production' }).plugins.find((p) => p.constructor.name === 'ManifestPlugin')?.options?.addinUrl).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = before;
    }
  });
});
