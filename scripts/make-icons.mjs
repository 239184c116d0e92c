// Draws the app's icons (no outside assets): a white cross over a speech bubble on the brand teal.
// Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const teal = [0x0f, 0x5f, 0x68];
const white = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const head = Buffer.alloc(13);
  head.writeUInt32BE(size, 0);
  head.writeUInt32BE(size, 4);
  head.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', head), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The drawing in a unit square: inside `scale` of it (a maskable icon keeps to the safe circle). */
function drawing({ scale, rounded }) {
  return (px, py, size) => {
    const x = px / size;
    const y = py / size;
    // Rounded square background (or full bleed for maskable).
    if (rounded) {
      const r = 0.18;
      const dx = Math.max(r - x, 0, x - (1 - r));
      const dy = Math.max(r - y, 0, y - (1 - r));
      if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
    }
    const u = (x - 0.5) / scale + 0.5;
    const v = (y - 0.5) / scale + 0.5;
    // A speech bubble (a circle and its tail), with a teal cross cut out of it.
    const inBubble = (u - 0.5) ** 2 + (v - 0.47) ** 2 < 0.3 ** 2 || (u > 0.28 && u < 0.42 && v > 0.68 && v < 0.86 && u - 0.28 > (v - 0.68) * 0.8);
    const inCross = (Math.abs(u - 0.5) < 0.06 && Math.abs(v - 0.47) < 0.17) || (Math.abs(v - 0.47) < 0.06 && Math.abs(u - 0.5) < 0.17);
    return [...(inBubble && !inCross ? white : teal), 255];
  };
}

const icon = drawing({ scale: 0.9, rounded: true });
const maskable = drawing({ scale: 0.7, rounded: false });
writeFileSync('public/icons/icon-192.png', png(192, icon));
writeFileSync('public/icons/icon-512.png', png(512, icon));
writeFileSync('public/icons/maskable-512.png', png(512, maskable));
writeFileSync('app/icon.png', png(32, drawing({ scale: 0.95, rounded: true })));
writeFileSync('app/apple-icon.png', png(180, drawing({ scale: 0.8, rounded: false })));
// favicon.ico: one 32 px PNG inside an ICO header, for browsers that ask for /favicon.ico regardless.
const small = png(32, drawing({ scale: 0.95, rounded: true }));
const ico = Buffer.alloc(22);
ico.writeUInt16LE(0, 0);
ico.writeUInt16LE(1, 2);
ico.writeUInt16LE(1, 4);
ico.set([32, 32, 0, 0], 6);
ico.writeUInt16LE(1, 10);
ico.writeUInt16LE(32, 12);
ico.writeUInt32LE(small.length, 14);
ico.writeUInt32LE(22, 18);
writeFileSync('app/favicon.ico', Buffer.concat([ico, small]));
console.log('icons written');
