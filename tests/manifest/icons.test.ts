// The PNGs in assets/ are what assets/make-icons.js draws (run "node assets/make-icons.js" after changing it).
// Pixels are compared, not bytes: another zlib may compress the same pixels differently.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const ASSETS = path.resolve(__dirname, '../../assets');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ICONS } = require(path.join(ASSETS, 'make-icons.js')) as { ICONS: { file: string; size: number; draw: () => Buffer }[] };

/** Width, height and the decompressed scanlines of a PNG. */
function decode(png: Buffer): { width: number; height: number; colourType: number; raw: Buffer } {
  let at = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colourType = -1;
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9];
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  return { width, height, colourType, raw: zlib.inflateSync(Buffer.concat(idat)) };
}

test.each(ICONS.map((i) => [i.file, i]))('assets/%s is up to date', (_file, icon) => {
  const file = path.join(ASSETS, icon.file);
  expect(fs.existsSync(file)).toBe(true);
  const onDisk = decode(fs.readFileSync(file));
  const drawn = decode(icon.draw());
  expect([onDisk.width, onDisk.height]).toEqual([icon.size, icon.size]);
  expect(onDisk.colourType).toBe(6); // RGBA: transparent background
  expect(onDisk.raw.equals(drawn.raw)).toBe(true);
});

test('ribbon glyphs have a transparent background (corners) and are not empty', () => {
  for (const icon of ICONS.filter((i) => /recalc|checklist/.test(i.file))) {
    const { raw, width } = decode(fs.readFileSync(path.join(ASSETS, icon.file)));
    const stride = width * 4 + 1;
    const alphaAt = (x: number, y: number) => raw[y * stride + 1 + x * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(width - 1, width - 1)).toBeLessThan(255);
    let opaque = 0;
    for (let y = 0; y < width; y++) for (let x = 0; x < width; x++) if (alphaAt(x, y) === 255) opaque++;
    expect(opaque).toBeGreaterThan(width * width * 0.15);
  }
});
