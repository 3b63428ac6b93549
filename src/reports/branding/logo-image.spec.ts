import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';

import { inspectLogo, InvalidLogoError, MAX_LOGO_BYTES } from './logo-image.js';

// The images are built here byte by byte, so each test states exactly what is wrong with its file.
// The generators' output was checked once with poppler (pdftoppm renders every variant) and `file`.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

function pngChunk(type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(8 + data.length + 4);
  framed.writeUInt32BE(data.length, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), 8 + data.length);
  return framed;
}

interface PngSpec {
  width: number;
  height: number;
  colourType?: number;
  depth?: number;
  interlaced?: boolean;
  /** Replaces the IDAT chunk's content. */
  imageData?: Buffer;
}

/** Filter byte 0 and a diagonal pattern on every scanline of every pass. */
function scanlines({ width, height, colourType = 2, depth = 8, interlaced = false }: PngSpec): Buffer {
  const passes = interlaced ? ADAM7.map(([x0, y0, dx, dy]) => [Math.max(0, Math.ceil((width - x0) / dx)), Math.max(0, Math.ceil((height - y0) / dy))]) : [[width, height]];
  const rows: Buffer[] = [];
  for (const [passWidth, passHeight] of passes as [number, number][]) {
    if (passWidth === 0) continue;
    for (let y = 0; y < passHeight; y++) {
      const row = Buffer.alloc(1 + Math.ceil((passWidth * PNG_SAMPLES[colourType]! * depth) / 8));
      for (let x = 1; x < row.length; x++) row[x] = (x * 37 + y * 11) & 0xff;
      rows.push(row);
    }
  }
  return Buffer.concat(rows);
}

function png(spec: PngSpec): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(spec.width, 0);
  header.writeUInt32BE(spec.height, 4);
  header.set([spec.depth ?? 8, spec.colourType ?? 2, 0, 0, spec.interlaced ? 1 : 0], 8);
  const palette = spec.colourType === 3 ? [pngChunk('PLTE', Buffer.from(Array.from({ length: 768 }, (_, index) => (index * 7) & 0xff)))] : [];
  const imageData = spec.imageData ?? deflateSync(scanlines(spec));
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), ...palette, pngChunk('IDAT', imageData), pngChunk('IEND')]);
}

const JPEG_START = [0xff, 0xd8];
const JPEG_END = [0xff, 0xd9];
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];

interface JpegSpec {
  width: number;
  height: number;
  components?: number;
  frameMarker?: number;
  precision?: number;
  /** Bytes between the quantisation table and the frame header: more segments, fill bytes. */
  beforeFrame?: number[];
}

/**
 * A valid baseline JPEG, flat grey: JFIF, one quantisation table, one Huffman table each for DC and
 * AC holding a single 1-bit code (DC difference 0, end of block), so each 8 × 8 block codes as "00".
 */
function jpeg({ width, height, components = 1, frameMarker = 0xc0, precision = 8, beforeFrame = [] }: JpegSpec): Buffer {
  const ids = Array.from({ length: components }, (_, index) => index + 1);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8) * components;
  const bits = '00'.repeat(blocks).padEnd(Math.ceil((blocks * 2) / 8) * 8, '1');
  const scan = Array.from({ length: bits.length / 8 }, (_, index) => Number.parseInt(bits.slice(index * 8, index * 8 + 8), 2));
  return Buffer.from([
    ...JPEG_START,
    ...segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...Array<number>(64).fill(1)]),
    ...beforeFrame,
    ...segment(frameMarker, [precision, height >> 8, height & 0xff, width >> 8, width & 0xff, components, ...ids.flatMap((id) => [id, 0x11, 0])]),
    ...segment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0x00]),
    ...segment(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0x00]),
    ...segment(0xda, [components, ...ids.flatMap((id) => [id, 0x00]), 0, 63, 0]),
    ...scan,
    ...JPEG_END,
  ]);
}

/** An APP1 Exif segment (big-endian TIFF) whose one IFD entry is the orientation. */
const exifOrientation = (orientation: number) => segment(0xe1, [...Buffer.from('Exif\0\0MM\0*', 'latin1'), 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
const comment = (text: string) => segment(0xfe, [...Buffer.from(text, 'latin1')]);

function refusal(bytes: Buffer, declaredType?: string): string {
  try {
    inspectLogo(bytes, declaredType);
  } catch (error) {
    if (error instanceof InvalidLogoError) return error.message;
    throw error;
  }
  throw new Error('the logo was accepted');
}

describe('inspectLogo', () => {
  describe('accepts', () => {
    it('a PNG, reading its size from the header', () => {
      expect(inspectLogo(png({ width: 240, height: 80 }), 'image/png')).toEqual({ mimeType: 'image/png', width: 240, height: 80 });
    });

    it.each([
      ['RGBA', { colourType: 6 }],
      ['1-bit greyscale', { colourType: 0, depth: 1 }],
      ['greyscale with alpha', { colourType: 4 }],
      ['4-bit palette', { colourType: 3, depth: 4 }],
      ['16-bit RGB', { depth: 16 }],
      ['interlaced RGBA', { colourType: 6, interlaced: true }],
      ['interlaced, smaller than one Adam7 block', { colourType: 4, interlaced: true, width: 5, height: 3 }],
    ])('a %s PNG', (_, variant) => {
      const { width = 23, height = 19 } = variant as Partial<PngSpec>;
      expect(inspectLogo(png({ width, height, ...variant }), 'image/png')).toEqual({ mimeType: 'image/png', width, height });
    });

    it('a JPEG, walking past APPn and comment segments to its frame header', () => {
      const logo = jpeg({ width: 37, height: 21, components: 3, beforeFrame: [...comment('made by hand'), ...segment(0xed, [1, 2, 3])] });
      expect(inspectLogo(logo, 'image/jpeg')).toEqual({ mimeType: 'image/jpeg', width: 37, height: 21 });
    });

    it('a JPEG whose EXIF turns it a quarter turn, with the sides it is displayed with', () => {
      expect(inspectLogo(jpeg({ width: 24, height: 16, beforeFrame: exifOrientation(6) }), 'image/jpeg')).toEqual({ mimeType: 'image/jpeg', width: 16, height: 24 });
      expect(inspectLogo(jpeg({ width: 24, height: 16, beforeFrame: exifOrientation(3) }), 'image/jpeg')).toEqual({ mimeType: 'image/jpeg', width: 24, height: 16 });
    });

    it.each([undefined, '', 'IMAGE/JPEG', 'image/jpeg; charset=binary', 'image/jpg', 'image/pjpeg'])('a JPEG declared as %p', (declared) => {
      expect(inspectLogo(jpeg({ width: 16, height: 8 }), declared).mimeType).toBe('image/jpeg');
    });

    it('a logo of exactly 1 MiB and 4096 px a side', () => {
      expect(MAX_LOGO_BYTES).toBe(1024 * 1024);
      expect(inspectLogo(jpeg({ width: 4096, height: 8 }), undefined)).toMatchObject({ width: 4096, height: 8 });
      const padded = png({ width: 8, height: 8 });
      // A private ancillary chunk, which readers skip.
      const filler = pngChunk('prVt', Buffer.alloc(MAX_LOGO_BYTES - padded.length - 12, 0x41));
      const exactly = Buffer.concat([padded.subarray(0, 33), filler, padded.subarray(33)]);
      expect(exactly.length).toBe(MAX_LOGO_BYTES);
      expect(inspectLogo(exactly, 'image/png')).toMatchObject({ width: 8, height: 8 });
    });
  });

  describe('refuses', () => {
    it('more than 1 MiB, giving the limit and the size', () => {
      expect(refusal(Buffer.alloc(MAX_LOGO_BYTES + 1), 'image/png')).toBe('The logo is 1.0 MiB (1,048,577 bytes); the limit is 1 MiB (1,048,576 bytes)');
    });

    it.each([
      ['a GIF', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'), 'image/gif'],
      ['a WebP image', Buffer.concat([Buffer.from('RIFF\x1a\0\0\0WEBPVP8L', 'latin1'), Buffer.alloc(14)]), 'image/webp'],
      ['an SVG drawing', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'image/svg+xml'],
      ['an SVG drawing', Buffer.from('\ufeff  <svg viewBox="0 0 1 1"></svg>'), undefined],
    ])('%s, naming what is accepted', (name, bytes, declared) => {
      expect(refusal(bytes, declared)).toBe(`The logo is ${name}; upload a PNG or JPEG image (image/png or image/jpeg)`);
    });

    it('bytes that are no image at all', () => {
      expect(refusal(Buffer.from('%PDF-1.7\n'), 'image/png')).toBe('The file is not a PNG or JPEG image; upload a PNG or JPEG image (image/png or image/jpeg)');
      expect(refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toMatch(/^The file is not a PNG or JPEG image/);
    });

    it('a file whose bytes disagree with its declared type', () => {
      expect(refusal(jpeg({ width: 16, height: 8 }), 'image/png')).toBe('The upload is declared image/png but the file is a JPEG; send it with Content-Type: image/jpeg');
      expect(refusal(png({ width: 8, height: 8 }), 'image/jpeg')).toBe('The upload is declared image/jpeg but the file is a PNG; send it with Content-Type: image/png');
      expect(refusal(png({ width: 8, height: 8 }), 'image/gif')).toBe('The upload is declared image/gif but the file is a PNG; send it with Content-Type: image/png');
    });

    it.each([
      ['a PNG 0 px wide', png({ width: 0, height: 10, imageData: deflateSync(Buffer.alloc(0)) }), 'The PNG says it is 0 × 10 px: an image needs at least 1 px each way'],
      ['a JPEG whose height is left to a DNL marker', jpeg({ width: 16, height: 0 }), 'The JPEG says it is 16 × 0 px: an image needs at least 1 px each way'],
      ['a PNG over 4096 px wide', png({ width: 4097, height: 1 }), 'The PNG is 4097 × 1 px; the most is 4096 px a side (scale it down: a logo prints a few centimetres wide)'],
      ['a JPEG over 4096 px tall', jpeg({ width: 8, height: 5000 }), 'The JPEG is 8 × 5000 px; the most is 4096 px a side (scale it down: a logo prints a few centimetres wide)'],
    ])('%s', (_, bytes, message) => {
      expect(refusal(bytes)).toBe(message);
    });

    describe('a damaged or truncated PNG', () => {
      const logo = png({ width: 240, height: 80 });
      const idat = logo.indexOf('IDAT', 0, 'latin1') - 4;
      const withByteFlipped = (at: number) => Buffer.from(logo).fill(logo[at]! ^ 0xff, at, at + 1);

      it.each([
        ['cut inside the header', logo.subarray(0, 20), 'The PNG is truncated: it ends inside its IHDR chunk'],
        ['cut inside the image data', logo.subarray(0, 60), 'The PNG is truncated: it ends inside its IDAT chunk'],
        ['cut before IEND', logo.subarray(0, logo.length - 12), 'The PNG is truncated: it ends before its IEND chunk'],
        ['with a byte changed in transit', withByteFlipped(idat + 20), 'The PNG is damaged: its IDAT chunk fails its checksum'],
        ['with garbage where a chunk should start', Buffer.concat([logo.subarray(0, idat), Buffer.from('\0\0\0\x05!!!!'), logo.subarray(idat)]), `The PNG is damaged: byte ${idat} should start a chunk`],
      ])('%s', (_, bytes, message) => {
        expect(refusal(bytes, 'image/png')).toBe(message);
      });

      it('that does not start with its header', () => {
        const reordered = Buffer.concat([PNG_SIGNATURE, pngChunk('tEXt', Buffer.from('a\0b')), logo.subarray(8)]);
        expect(refusal(reordered)).toBe('The PNG is damaged: it does not start with an IHDR chunk');
      });

      it('that the PDF library cannot open, though the format allows it (a large tEXt chunk)', () => {
        const withText = Buffer.concat([logo.subarray(0, 33), pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(300_000, 0x41)])), logo.subarray(33)]);
        expect(refusal(withText, 'image/png')).toMatch(/^The image could not be decoded: .+ \(re-saving it from an image editor as a plain PNG or JPEG usually helps\)$/);
      });

      it('whose header the PNG standard does not define', () => {
        expect(refusal(png({ width: 8, height: 8, colourType: 2, depth: 4 }))).toBe('The PNG is damaged: its header (colour type 2, bit depth 4) is not one the PNG standard defines');
      });

      it('a palette image without its palette', () => {
        const palettePng = png({ width: 8, height: 8, colourType: 3 });
        const withoutPalette = Buffer.concat([palettePng.subarray(0, 33), palettePng.subarray(palettePng.indexOf('IDAT', 0, 'latin1') - 4)]);
        expect(refusal(withoutPalette)).toBe('The PNG is damaged: it is a palette image without a palette (PLTE)');
      });

      it.each([
        ['that is not zlib data', Buffer.from('not a zlib stream'), /^The PNG's image data is damaged \(.+\)$/],
        ['cut short inside the zlib stream', deflateSync(scanlines({ width: 240, height: 80 })).subarray(0, 200), /^The PNG's image data is damaged \(unexpected end of file\)$/],
        ['with fewer rows than its height', deflateSync(scanlines({ width: 240, height: 79 })), /^The PNG's image data is cut short: 56959 of 57680 bytes$/],
        ['with more data than its size calls for', deflateSync(scanlines({ width: 240, height: 81 })), /^The PNG's image data is damaged \(.+\)$/],
        ['with an unknown scanline filter', deflateSync(Buffer.concat([Buffer.from([7]), scanlines({ width: 240, height: 80 }).subarray(1)])), /^The PNG's image data is damaged \(unknown filter type 7\)$/],
      ])('with image data %s', (_, imageData, message) => {
        expect(refusal(png({ width: 240, height: 80, imageData }), 'image/png')).toMatch(message);
      });
    });

    describe('a damaged, truncated or undisplayable JPEG', () => {
      const logo = jpeg({ width: 64, height: 64, beforeFrame: comment('x') });
      const sof = logo.indexOf(Buffer.from([0xff, 0xc0]));
      const sos = logo.indexOf(Buffer.from([0xff, 0xda]));

      it.each([
        ['cut inside a segment', logo.subarray(0, sof + 6), 'The JPEG is truncated: it ends inside a segment before its image data'],
        ['cut between segments', logo.subarray(0, sos), 'The JPEG is truncated: it ends before its image data'],
        ['cut inside the image data', logo.subarray(0, logo.length - 6), 'The JPEG is truncated: its image data is cut short (no end-of-image marker)'],
        ['with garbage where a marker should be', Buffer.concat([logo.subarray(0, sof), Buffer.from([0x00]), logo.subarray(sof)]), `The JPEG is damaged: byte ${sof} should start a marker`],
        ['with a segment length below 2', Buffer.concat([logo.subarray(0, sof), Buffer.from([0xff, 0xe2, 0x00, 0x01]), logo.subarray(sof)]), `The JPEG is damaged: the segment at byte ${sof} has a length of 1`],
        ['with its scan before any frame header', Buffer.concat([logo.subarray(0, sof), logo.subarray(sos)]), 'The JPEG is damaged: its image data comes before its frame header'],
        ['that ends before any image', Buffer.from([...JPEG_START, ...comment('only a comment'), ...JPEG_END]), 'The JPEG is damaged: it has no image data'],
      ])('%s', (_, bytes, message) => {
        expect(refusal(bytes, 'image/jpeg')).toBe(message);
      });

      it.each([
        ['arithmetic-coded', { frameMarker: 0xc9 }, 'The JPEG uses a coding process PDF readers do not display (frame marker 0xFFC9); re-save it as a standard (baseline) JPEG'],
        ['lossless', { frameMarker: 0xc3 }, 'The JPEG uses a coding process PDF readers do not display (frame marker 0xFFC3); re-save it as a standard (baseline) JPEG'],
        ['12-bit', { precision: 12 }, 'The JPEG has 12-bit samples; PDF readers display 8-bit JPEGs (re-save it as a standard JPEG)'],
        ['two-component', { components: 2 }, 'The JPEG has 2 colour components; use a greyscale, RGB or CMYK JPEG'],
      ])('%s', (_, variant, message) => {
        expect(refusal(jpeg({ width: 16, height: 16, ...variant }))).toBe(message);
      });

      it('that the PDF library cannot open, though the format allows it (a fill byte before the frame header)', () => {
        const filled = jpeg({ width: 16, height: 8, beforeFrame: [0xff] });
        expect(refusal(filled, 'image/jpeg')).toBe('The image could not be decoded: Invalid JPEG. (re-saving it from an image editor as a plain PNG or JPEG usually helps)');
      });
    });
  });
});
