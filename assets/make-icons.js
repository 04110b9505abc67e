#!/usr/bin/env node
// Draws the add-in icons: a green rounded square with a white check mark, 16/32/64/80 px.
//   node assets/make-icons.js            -> assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png
// Pure Node (zlib for the PNG deflate stream), no dependencies; the output is deterministic.
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

function main() {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : __dirname;
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    const png = drawIcon(size);
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file) || file}  ${size}x${size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng, SIZES };
