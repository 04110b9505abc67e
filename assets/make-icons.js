#!/usr/bin/env node
// Draws the add-in icons (pure Node: zlib for the PNG deflate stream, no dependencies, deterministic):
//   icon-16/32/64/80.png            the add-in and its ribbon group: a green rounded square with a white check mark
//   icon-recalc-16/32/80.png        button "Hitung Ulang Capaian": a circular recalculation arrow around a % sign
//   icon-checklist-16/32/80.png     button "Periksa Sebelum Kirim": a checklist (page with ticked rows)
//   node assets/make-icons.js [dir]  -> writes them all into assets/ (or dir)
// The ribbon glyphs follow the Office icon guidelines: transparent background, white fill inside the
// outline, each size drawn for its own pixel grid (lines snapped to whole pixels) rather than scaled.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const GREEN = [0x1e, 0x7a, 0x46];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------------------
// PNG encoder (RGBA, 8 bits per channel, no interlace).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** @param {number} width @param {number} height @param {Uint8Array} rgba width*height*4 bytes */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Drawing, in coordinates where the icon is the unit square; anti-aliased by supersampling.

/** Inside the rounded square (margin m, corner radius r)? */
function inRoundedSquare(x, y, m, r) {
  const lo = m;
  const hi = 1 - m;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The check mark: a polyline with round ends and joins.
const CHECK = [
  [0.25, 0.52],
  [0.42, 0.69],
  [0.76, 0.33],
];

function onCheck(x, y, halfWidth) {
  for (let i = 0; i + 1 < CHECK.length; i++) if (distToSegment(x, y, CHECK[i], CHECK[i + 1]) <= halfWidth) return true;
  return false;
}

function drawIcon(size) {
  // Small icons: no margin and a thicker stroke so the mark stays legible.
  const margin = size <= 16 ? 0 : 1 / 32;
  const radius = size <= 16 ? 0.19 : 0.18;
  const halfWidth = (size <= 16 ? 0.15 : size <= 32 ? 0.13 : 0.115) / 2;
  const ss = 8; // samples per axis
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (!inRoundedSquare(x, y, margin, radius)) continue;
          square++;
          if (onCheck(x, y, halfWidth)) check++;
        }
      }
      const i = (py * size + px) * 4;
      if (square === 0) continue; // transparent
      const w = check / square; // share of white within the covered part
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(GREEN[k] * (1 - w) + WHITE[k] * w);
      rgba[i + 3] = Math.round((255 * square) / (ss * ss));
    }
  }
  return encodePng(size, size, rgba);
}

// ---------------------------------------------------------------------------
// Ribbon button glyphs: a stack of layers painted top first; each layer is a colour and a test
// "does the point (x, y) in the unit square belong to me?". Anti-aliased by supersampling.

const INK = [0x40, 0x40, 0x40]; // dark grey outline and text-like marks
const PAPER = [0xff, 0xff, 0xff];
const LINE = [0x8a, 0x8a, 0x8a]; // the written lines of the checklist

/**
 * @param {number} size
 * @param {{ color: number[], hit: (x: number, y: number) => boolean }[]} layers top layer first
 */
function renderLayers(size, layers) {
  const ss = 8;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          const layer = layers.find((l) => l.hit(x, y));
          if (!layer) continue;
          covered++;
          for (let k = 0; k < 3; k++) sum[k] += layer.color[k];
        }
      }
      if (covered === 0) continue; // transparent
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(sum[k] / covered);
      rgba[i + 3] = Math.round((255 * covered) / (ss * ss));
    }
  }
  return rgba;
}

const onPolyline = (points, halfWidth) => (x, y) => {
  for (let i = 0; i + 1 < points.length; i++) if (distToSegment(x, y, points[i], points[i + 1]) <= halfWidth) return true;
  return false;
};

const inTriangle = ([ax, ay], [bx, by], [cx, cy]) => (x, y) => {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
};

/** Rounded rectangle [x0, x1] × [y0, y1] with corner radius r (unit coordinates). */
const inRoundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/**
 * "Hitung Ulang Capaian": a clockwise circular arrow (green) around a % sign (dark grey).
 * The arc leaves a gap at the top right; the arrow head sits at the top and points into the gap.
 */
function recalcLayers(size) {
  const px = 1 / size;
  const small = size <= 16;
  const c = 0.5;
  const stroke = small ? 2 * px : size <= 32 ? 2.6 * px : 5.5 * px; // arc line width
  const R = 0.5 - (small ? 0.5 : 1.5) * px - stroke / 2 - (small ? 0.5 * px : 0); // arc centre-line radius
  const deg = Math.PI / 180;
  // Angles in image coordinates (y down): increasing angle = clockwise on screen.
  const a0 = -35 * deg; // start of the arc (round cap), right of the gap
  const a1 = 262 * deg; // end of the arc, where the head starts (top, a bit left of centre)
  const onArc = (x, y) => {
    const dx = x - c;
    const dy = y - c;
    const d = Math.hypot(dx, dy);
    if (Math.abs(d - R) > stroke / 2) return false;
    let a = Math.atan2(dy, dx);
    if (a < a0) a += 2 * Math.PI;
    return a >= a0 && a <= a1;
  };
  const capStart = [c + R * Math.cos(a0), c + R * Math.sin(a0)];
  const onCap = (x, y) => Math.hypot(x - capStart[0], y - capStart[1]) <= stroke / 2;
  // Head: base across the arc at a1, tip further along the clockwise tangent.
  const e = [c + R * Math.cos(a1), c + R * Math.sin(a1)];
  const t = [-Math.sin(a1), Math.cos(a1)]; // clockwise tangent
  const n = [Math.cos(a1), Math.sin(a1)]; // outward normal
  const half = stroke * (small ? 1.55 : 1.7);
  const len = stroke * (small ? 1.6 : 1.9);
  const head = inTriangle(
    [e[0] + n[0] * half, e[1] + n[1] * half],
    [e[0] - n[0] * half, e[1] - n[1] * half],
    [e[0] + t[0] * len, e[1] + t[1] * len],
  );
  // The % sign inside the arc.
  const inner = R - stroke / 2; // free radius inside the arc
  const k = inner * 0.52; // offset of the two circles from the centre
  const dotR = inner * 0.2;
  const ringW = small ? 0 : Math.max(1.2 * px, inner * 0.11);
  const slashHalf = small ? 0.55 * px : Math.max(0.6 * px, inner * 0.065);
  const p1 = [c - k, c - k];
  const p2 = [c + k, c + k];
  // At 16 px the two circles are solid 2×2-pixel dots on the pixel grid.
  const snap = (v) => Math.round(v * size) / size;
  const onCircle = ([cx, cy]) =>
    small
      ? (x, y) => Math.abs(x - snap(cx)) <= px && Math.abs(y - snap(cy)) <= px
      : (x, y) => {
          const d = Math.hypot(x - cx, y - cy);
          return d <= dotR + ringW / 2 && d >= dotR - ringW / 2;
        };
  const slash = onPolyline(
    [
      [c + inner * 0.5, c - inner * 0.72],
      [c - inner * 0.5, c + inner * 0.72],
    ],
    slashHalf,
  );
  const percent = (x, y) => slash(x, y) || onCircle(p1)(x, y) || onCircle(p2)(x, y);
  return [
    { color: GREEN, hit: head },
    { color: GREEN, hit: (x, y) => onArc(x, y) || onCap(x, y) },
    { color: INK, hit: percent },
    // White inside the arc, so the % sign stays readable on dark ribbons and in high contrast.
    { color: PAPER, hit: (x, y) => Math.hypot(x - c, y - c) <= R },
  ];
}

/** Pixel-art layer: hit when the point falls in one of the listed [column, row] pixels. */
const onPixels = (size, pixels) => {
  const set = new Set(pixels.map(([c, r]) => r * size + c));
  return (x, y) => set.has(Math.floor(y * size) * size + Math.floor(x * size));
};

/** "Periksa Sebelum Kirim": a white page (clipboard) with a dark outline, three rows of a green tick and a grey line. */
function checklistLayers(size) {
  const px = 1 / size;
  if (size <= 16) {
    // Drawn pixel by pixel: page columns 2..13, rows 1..14, 1-px outline; rows 4, 8, 12.
    const pixels = { outline: [], paper: [], tick: [], line: [] };
    for (let r = 1; r <= 14; r++) {
      for (let c = 2; c <= 13; c++) {
        const corner = (r === 1 || r === 14) && (c === 2 || c === 13);
        if (corner) continue;
        const edge = r === 1 || r === 14 || c === 2 || c === 13;
        (edge ? pixels.outline : pixels.paper).push([c, r]);
      }
    }
    for (const row of [4, 8, 12]) {
      // A 4×3 tick:  . . . X / X . X X / . X X .
      pixels.tick.push([7, row - 1], [4, row], [6, row], [7, row], [5, row + 1], [6, row + 1]);
      for (let c = 9; c <= 11; c++) pixels.line.push([c, row]);
    }
    return [
      { color: GREEN, hit: onPixels(size, pixels.tick) },
      { color: LINE, hit: onPixels(size, pixels.line) },
      { color: PAPER, hit: onPixels(size, pixels.paper) },
      { color: INK, hit: onPixels(size, pixels.outline) },
    ];
  }
  const ow = size <= 32 ? 2 : 4; // outline width in pixels
  // Page edges on whole pixels.
  const left = Math.round(size * 0.14);
  const right = size - left;
  const top = Math.round(size * 0.1);
  const bottom = size - Math.round(size * 0.05);
  const r = (ow * 1.5 + 1) * px;
  const outer = inRoundedRect(left * px, top * px, right * px, bottom * px, r);
  const innerRect = inRoundedRect((left + ow) * px, (top + ow) * px, (right - ow) * px, (bottom - ow) * px, Math.max(r - ow * px, 0));
  // Clipboard clip across the top edge.
  const clipW = Math.round(size * 0.34);
  const clipX0 = Math.round((size - clipW) / 2);
  const clipH = Math.max(2, Math.round(size * 0.1));
  const clipY0 = Math.max(0, top - Math.round(clipH / 2));
  const clip = inRoundedRect(clipX0 * px, clipY0 * px, (clipX0 + clipW) * px, (clipY0 + clipH) * px, ow * px);
  // Rows: tick on the left, line on the right, rows evenly spread over the inside.
  const innerTop = top + ow + clipH / 2;
  const innerBottom = bottom - ow;
  const rows = 3;
  const lineW = ow; // pixels
  const tickHalf = (size <= 32 ? 1.1 : 2.5) * px;
  const tw = size * 0.2; // tick width in pixels
  const x0 = left + ow + size * 0.07;
  const lx0 = x0 + tw + size * 0.08;
  const lx1 = right - ow - size * 0.08;
  const rowLayers = [];
  for (let i = 0; i < rows; i++) {
    const centre = innerTop + ((innerBottom - innerTop) * (i + 0.5)) / rows;
    // Lines on whole pixels (odd widths centred on a pixel, even widths on a pixel edge).
    const yLine = lineW % 2 ? Math.floor(centre) + 0.5 : Math.round(centre);
    const tick = [
      [(x0 + 0.04 * tw) * px, (yLine - 0.02 * tw) * px],
      [(x0 + 0.36 * tw) * px, (yLine + 0.3 * tw) * px],
      [(x0 + tw) * px, (yLine - 0.42 * tw) * px],
    ];
    rowLayers.push({ color: GREEN, hit: onPolyline(tick, tickHalf) });
    rowLayers.push({
      color: LINE,
      hit: (x, y) => x >= lx0 * px && x <= lx1 * px && Math.abs(y - yLine * px) <= (lineW / 2) * px,
    });
  }
  return [
    { color: INK, hit: clip },
    ...rowLayers,
    { color: PAPER, hit: innerRect },
    { color: INK, hit: outer },
  ];
}

function drawGlyph(layersOf, size) {
  return encodePng(size, size, renderLayers(size, layersOf(size)));
}

// ---------------------------------------------------------------------------
// Every icon file of assets/: the names manifest.xml and webpack.config.js use.

const RIBBON_SIZES = [16, 32, 80];

/** @type {{ file: string, size: number, draw: () => Buffer }[]} */
const ICONS = [
  ...SIZES.map((size) => ({ file: `icon-${size}.png`, size, draw: () => drawIcon(size) })),
  ...RIBBON_SIZES.map((size) => ({ file: `icon-recalc-${size}.png`, size, draw: () => drawGlyph(recalcLayers, size) })),
  ...RIBBON_SIZES.map((size) => ({ file: `icon-checklist-${size}.png`, size, draw: () => drawGlyph(checklistLayers, size) })),
];

const ICON_FILES = ICONS.map((i) => i.file);

function main() {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : __dirname;
  fs.mkdirSync(dir, { recursive: true });
  for (const icon of ICONS) {
    const file = path.join(dir, icon.file);
    const png = icon.draw();
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file) || file}  ${icon.size}x${icon.size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng, SIZES, RIBBON_SIZES, ICONS, ICON_FILES };
