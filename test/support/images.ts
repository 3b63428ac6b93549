import { crc32, deflateSync } from 'node:zlib';

const CHANNELS = { rgb: { type: 2, bytes: 3 }, rgba: { type: 6, bytes: 4 } } as const;

/** PNG bytes for 8-bit pixels; `rows` holds each row's filter byte (0) then its pixels. */
function encodePng(width: number, height: number, colour: keyof typeof CHANNELS, rows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, CHANNELS[colour].type, 0, 0, 0], 8); // 8-bit depth, deflate, adaptive filtering, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG: a diagonal two-colour pattern, so a rendered logo is visibly there. */
export function pngImage(width: number, height: number, colours: [[number, number, number], [number, number, number]] = [[31, 78, 121], [217, 130, 43]]): Buffer {
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) rows.set(colours[(x + y) % 40 < 20 ? 0 : 1], row + 1 + x * 3);
  }
  return encodePng(width, height, 'rgb', rows);
}

/** A small PNG logo drawn in code (RGBA, transparent background): a rounded mark and three bars. */
export function sampleLogo(width = 240, height = 80): Buffer {
  const primary = [31, 78, 121];
  const accent = [217, 130, 43];
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    for (let x = 0; x < width; x++) {
      let colour: number[] | null = null;
      // A rounded square with a diagonal accent band.
      const inside = x < height && Math.hypot(Math.max(0, Math.abs(x - height / 2) - height / 2 + 14), Math.max(0, Math.abs(y - height / 2) - height / 2 + 14)) <= 14;
      if (inside) colour = Math.abs(x - y) < 9 ? accent : primary;
      // Three bars, a wordmark's silhouette.
      for (const [index, length] of [[0, 140], [1, 110], [2, 70]] as const) {
        const top = 16 + index * 20;
        if (x >= height + 14 && x < height + 14 + length && y >= top && y < top + 10) colour = index === 0 ? primary : [110, 120, 135];
      }
      if (colour) rows.set([...colour, 255], row + 1 + x * 4);
    }
  }
  return encodePng(width, height, 'rgba', rows);
}
