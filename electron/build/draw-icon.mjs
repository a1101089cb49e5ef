// Draws the app icon, assets/icon.png (1024×1024, what electron-builder turns into each
// platform's icon set): a screen with a check mark on a rounded blue square. Run it after changing
// the drawing: node electron/build/draw-icon.mjs. Shapes are drawn with 4×4 supersampling, so
// edges are smooth; the PNG is written with node:zlib alone.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 1024;
const samples = 4;

const background = [31, 78, 121];
const screen = [245, 248, 250];
const check = [46, 160, 67];

/** Whether point (x, y) of the 0–1 square lies inside a rounded square inset by `inset`. */
function inRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
}

function inRect(x, y, left, top, right, bottom) {
  return x >= left && x <= right && y >= top && y <= bottom;
}

/** Distance from (x, y) to the segment a–b. */
function toSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** The colour at (x, y), or null for transparent. */
function colourAt(x, y) {
  if (!inRoundedSquare(x, y, 0.04, 0.18)) return null;
  const tick = [
    [0.36, 0.44],
    [0.46, 0.54],
    [0.66, 0.32],
  ];
  if (toSegment(x, y, tick[0], tick[1]) < 0.045 || toSegment(x, y, tick[1], tick[2]) < 0.045) return check;
  const frame = inRect(x, y, 0.18, 0.2, 0.82, 0.66);
  const glass = inRect(x, y, 0.22, 0.24, 0.78, 0.62);
  if (frame && !glass) return screen;
  if (glass) return background.map((channel) => Math.round(channel * 0.8));
  if (inRect(x, y, 0.46, 0.66, 0.54, 0.76) || inRect(x, y, 0.34, 0.76, 0.66, 0.8)) return screen;
  return background;
}

const pixels = Buffer.alloc(size * (size * 4 + 1));
for (let row = 0; row < size; row += 1) {
  const start = row * (size * 4 + 1);
  pixels[start] = 0; // PNG filter: none
  for (let column = 0; column < size; column += 1) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy += 1) {
      for (let sx = 0; sx < samples; sx += 1) {
        const colour = colourAt((column + (sx + 0.5) / samples) / size, (row + (sy + 0.5) / samples) / size);
        if (!colour) continue;
        for (let channel = 0; channel < 3; channel += 1) sum[channel] += colour[channel];
        sum[3] += 255;
      }
    }
    const count = samples * samples;
    const alpha = sum[3] / count;
    const at = start + 1 + column * 4;
    // Colour averaged over the covered samples only, so edges fade in alpha, not towards black.
    const covered = sum[3] / 255;
    for (let channel = 0; channel < 3; channel += 1) pixels[at + channel] = covered ? Math.round(sum[channel] / covered) : 0;
    pixels[at + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../../assets/icon.png', import.meta.url), png);
console.log(`assets/icon.png: ${size}×${size}, ${png.length} bytes`);
