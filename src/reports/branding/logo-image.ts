import { crc32, inflateSync } from 'node:zlib';
import PdfKitDocument from 'pdfkit';

/** 1 MiB: a logo prints a few centimetres wide, and every report of the tenant embeds it. */
export const MAX_LOGO_BYTES = 1024 * 1024;
/** Pixels a side; beyond this an image only makes reports bigger. */
export const MAX_LOGO_SIDE_PX = 4096;

export interface LogoImage {
  mimeType: 'image/png' | 'image/jpeg';
  /** As displayed: a JPEG whose EXIF says to rotate it a quarter turn has its sides swapped, as pdfkit draws it. */
  width: number;
  height: number;
}

/** Why a logo was refused, in words the person uploading it can act on. */
export class InvalidLogoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidLogoError';
  }
}

const ACCEPTED = 'upload a PNG or JPEG image (image/png or image/jpeg)';
const FORMAT_NAMES = { 'image/png': 'a PNG', 'image/jpeg': 'a JPEG' } as const;
/** Content types clients send for JPEG besides the registered one. */
const JPEG_ALIASES = new Set(['image/jpg', 'image/pjpeg']);

/**
 * Checks an uploaded logo before it is stored: size, format (by its bytes, which must agree with the
 * declared type), structure and dimensions, and that pdfkit opens it. Everything a report later
 * does with the logo has been tried here, so a bad upload fails now and not at every render.
 */
export function inspectLogo(bytes: Buffer, declaredType: string | undefined): LogoImage {
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new InvalidLogoError(`The logo is ${describeSize(bytes.length)}; the limit is 1 MiB (${MAX_LOGO_BYTES.toLocaleString('en')} bytes)`);
  }
  const mimeType = sniffFormat(bytes);
  checkDeclaredType(declaredType, mimeType);
  const { width, height } = mimeType === 'image/png' ? inspectPng(bytes) : inspectJpeg(bytes);
  const orientation = openWithPdfkit(bytes, { width, height });
  return orientation > 4 ? { mimeType, width: height, height: width } : { mimeType, width, height };
}

function sniffFormat(bytes: Buffer): LogoImage['mimeType'] {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const ascii = bytes.subarray(0, 512).toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) throw new InvalidLogoError(`The logo is a GIF; ${ACCEPTED}`);
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') throw new InvalidLogoError(`The logo is a WebP image; ${ACCEPTED}`);
  if (/^(\xef\xbb\xbf)?\s*</.test(ascii) && ascii.toLowerCase().includes('<svg')) throw new InvalidLogoError(`The logo is an SVG drawing; ${ACCEPTED}`);
  throw new InvalidLogoError(`The file is not a PNG or JPEG image; ${ACCEPTED}`);
}

function checkDeclaredType(declaredType: string | undefined, actual: LogoImage['mimeType']): void {
  const declared = declaredType?.split(';')[0]!.trim().toLowerCase();
  if (!declared) return;
  const meant = JPEG_ALIASES.has(declared) ? 'image/jpeg' : declared;
  if (meant !== actual) {
    throw new InvalidLogoError(`The upload is declared ${declared} but the file is ${FORMAT_NAMES[actual]}; send it with Content-Type: ${actual}`);
  }
}

function checkDimensions(format: string, width: number, height: number): void {
  if (width === 0 || height === 0) throw new InvalidLogoError(`The ${format} says it is ${width} × ${height} px: an image needs at least 1 px each way`);
  if (width > MAX_LOGO_SIDE_PX || height > MAX_LOGO_SIDE_PX) {
    throw new InvalidLogoError(`The ${format} is ${width} × ${height} px; the most is ${MAX_LOGO_SIDE_PX} px a side (scale it down: a logo prints a few centimetres wide)`);
  }
}

/**
 * pdfkit is what embeds the logo in every report, so it must open it and see the same size. It is
 * stricter than the formats in places (no fill bytes before a JPEG marker; a large PNG tEXt chunk
 * overflows the stack), and its JPEG reader throws strings ("Invalid JPEG."), not Errors.
 */
function openWithPdfkit(bytes: Buffer, expected: { width: number; height: number }): number {
  let image: OpenedImage;
  try {
    image = (new PdfKitDocument({ autoFirstPage: false }) as PDFKit.PDFDocument & OpensImages).openImage(bytes);
  } catch (error) {
    throw new InvalidLogoError(`The image could not be decoded: ${typeof error === 'string' ? error : describeThrown(error)} (re-saving it from an image editor as a plain PNG or JPEG usually helps)`);
  }
  if (image.width !== expected.width || image.height !== expected.height) {
    throw new InvalidLogoError(`The image could not be decoded: it is ${expected.width} × ${expected.height} px, but the PDF library reads ${image.width} × ${image.height}`);
  }
  return image.orientation ?? 1;
}

/** pdfkit's `openImage`, which @types/pdfkit leaves out. */
interface OpensImages {
  openImage(src: Buffer): OpenedImage;
}
interface OpenedImage {
  width: number;
  height: number;
  /** EXIF orientation of a JPEG (1 to 8). */
  orientation?: number;
}

function describeThrown(error: unknown): string {
  const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : undefined;
  return typeof message === 'string' ? message : String(error);
}

function describeSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB (${bytes.toLocaleString('en')} bytes)`;
}

// PNG: a signature, then chunks (length, type, data, CRC-32 of type and data) from IHDR to IEND.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bit depths allowed for each colour type, and its samples a pixel. */
const PNG_COLOUR_TYPES: Record<number, { depths: number[]; samples: number }> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
};
/** Adam7 passes: first column and row, then the step between them. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface PngHeader {
  width: number;
  height: number;
  colourType: number;
  bitsPerPixel: number;
  interlaced: boolean;
}

function inspectPng(bytes: Buffer): { width: number; height: number } {
  const { header, imageData } = readPngChunks(bytes);
  checkDimensions('PNG', header.width, header.height);
  checkPngImageData(header, imageData);
  return { width: header.width, height: header.height };
}

/** Walks every chunk, so a file cut short or altered in transit is caught here rather than when a report draws it. */
function readPngChunks(bytes: Buffer): { header: PngHeader; imageData: Buffer } {
  const first = readPngChunk(bytes, PNG_SIGNATURE.length);
  if (first.type !== 'IHDR') throw new InvalidLogoError('The PNG is damaged: it does not start with an IHDR chunk');
  const header = readPngHeader(first.data);
  let hasPalette = false;
  const imageData: Buffer[] = [];
  for (let chunk = first; chunk.type !== 'IEND'; ) {
    chunk = readPngChunk(bytes, chunk.next);
    if (chunk.type === 'PLTE') hasPalette = true;
    if (chunk.type === 'IDAT') imageData.push(chunk.data);
  }
  if (header.colourType === 3 && !hasPalette) throw new InvalidLogoError('The PNG is damaged: it is a palette image without a palette (PLTE)');
  if (imageData.length === 0) throw new InvalidLogoError('The PNG is damaged: it has no image data (IDAT)');
  return { header, imageData: Buffer.concat(imageData) };
}

function readPngChunk(bytes: Buffer, offset: number): { type: string; data: Buffer; next: number } {
  if (offset + 8 > bytes.length) throw new InvalidLogoError('The PNG is truncated: it ends before its IEND chunk');
  const length = bytes.readUInt32BE(offset);
  const type = bytes.toString('latin1', offset + 4, offset + 8);
  if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) throw new InvalidLogoError(`The PNG is damaged: byte ${offset} should start a chunk`);
  const end = offset + 8 + length;
  if (end + 4 > bytes.length) throw new InvalidLogoError(`The PNG is truncated: it ends inside its ${type} chunk`);
  if (crc32(bytes.subarray(offset + 4, end)) !== bytes.readUInt32BE(end)) throw new InvalidLogoError(`The PNG is damaged: its ${type} chunk fails its checksum`);
  return { type, data: bytes.subarray(offset + 8, end), next: end + 4 };
}

function readPngHeader(data: Buffer): PngHeader {
  if (data.length !== 13) throw new InvalidLogoError('The PNG is damaged: its IHDR chunk is not 13 bytes');
  const [depth, colourType, compression, filter, interlace] = data.subarray(8, 13);
  const colour = PNG_COLOUR_TYPES[colourType!];
  if (!colour || !colour.depths.includes(depth!) || compression !== 0 || filter !== 0 || interlace! > 1) {
    throw new InvalidLogoError(`The PNG is damaged: its header (colour type ${colourType}, bit depth ${depth}) is not one the PNG standard defines`);
  }
  return { width: data.readUInt32BE(0), height: data.readUInt32BE(4), colourType: colourType!, bitsPerPixel: colour.samples * depth!, interlaced: interlace === 1 };
}

/**
 * Inflates the image data and checks every scanline's filter byte. pdfkit decodes a PNG with
 * transparency or interlacing itself, in a zlib callback that throws on bad data: a damaged image
 * would take down the process rendering a report. The output is at most the decoded image (48 MiB
 * for 4096 × 4096 8-bit RGB, as much as pdfkit needs for it anyway), and `maxOutputLength` stops a
 * stream that inflates to more.
 */
function checkPngImageData(header: PngHeader, compressed: Buffer): void {
  const passes = header.interlaced
    ? ADAM7.map(([x0, y0, dx, dy]) => [Math.max(0, Math.ceil((header.width - x0) / dx)), Math.max(0, Math.ceil((header.height - y0) / dy))] as const)
    : [[header.width, header.height] as const];
  const rowLengths = passes.flatMap(([width, height]) => (width === 0 ? [] : Array<number>(height).fill(1 + Math.ceil((width * header.bitsPerPixel) / 8))));
  const expected = rowLengths.reduce((sum, length) => sum + length, 0);
  let decoded: Buffer;
  try {
    decoded = inflateSync(compressed, { maxOutputLength: expected });
  } catch (error) {
    throw new InvalidLogoError(`The PNG's image data is damaged (${describeThrown(error)})`);
  }
  if (decoded.length !== expected) throw new InvalidLogoError(`The PNG's image data is cut short: ${decoded.length} of ${expected} bytes`);
  let row = 0;
  for (const length of rowLengths) {
    // Filter types 0 to 4 are all PNG defines.
    if (decoded[row]! > 4) throw new InvalidLogoError(`The PNG's image data is damaged (unknown filter type ${decoded[row]})`);
    row += length;
  }
}

// JPEG: SOI, then segments (FF, marker, big-endian length that counts itself) up to the first scan (SOS), whose entropy-coded data runs to EOI.

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
/** Markers without a length: TEM and the restart markers. */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7]);
/** Frame headers PDF readers display (DCTDecode): baseline, extended sequential and progressive, Huffman-coded. */
const DISPLAYABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Frame headers of the other coding processes: lossless, hierarchical and arithmetic-coded. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const COMPONENT_COUNTS = new Set([1, 3, 4]);

function inspectJpeg(bytes: Buffer): { width: number; height: number } {
  let frame: { width: number; height: number } | undefined;
  for (let offset = 2; ; ) {
    if (offset >= bytes.length) throw new InvalidLogoError('The JPEG is truncated: it ends before its image data');
    if (bytes[offset] !== 0xff) throw new InvalidLogoError(`The JPEG is damaged: byte ${offset} should start a marker`);
    // Any number of 0xFF fill bytes may come before a marker.
    while (bytes[offset + 1] === 0xff) offset += 1;
    if (offset + 2 > bytes.length) throw new InvalidLogoError('The JPEG is truncated: it ends before its image data');
    const marker = bytes[offset + 1]!;
    offset += 2;
    if (marker === EOI || marker === SOI) throw new InvalidLogoError('The JPEG is damaged: it has no image data');
    if (STANDALONE.has(marker)) continue;
    if (offset + 2 > bytes.length) throw new InvalidLogoError('The JPEG is truncated: it ends before its image data');
    const length = bytes.readUInt16BE(offset);
    if (length < 2) throw new InvalidLogoError(`The JPEG is damaged: the segment at byte ${offset - 2} has a length of ${length}`);
    if (offset + length > bytes.length) throw new InvalidLogoError('The JPEG is truncated: it ends inside a segment before its image data');
    if (OTHER_FRAMES.has(marker)) {
      throw new InvalidLogoError(`The JPEG uses a coding process PDF readers do not display (frame marker 0xFF${marker.toString(16).toUpperCase()}); re-save it as a standard (baseline) JPEG`);
    }
    if (DISPLAYABLE_FRAMES.has(marker)) frame = readJpegFrame(bytes.subarray(offset + 2, offset + length));
    if (marker === SOS) {
      if (!frame) throw new InvalidLogoError('The JPEG is damaged: its image data comes before its frame header');
      // Entropy-coded data escapes 0xFF, so the only FF D9 after the first scan header is the real end.
      if (bytes.lastIndexOf(Buffer.from([0xff, EOI])) < offset + length) throw new InvalidLogoError('The JPEG is truncated: its image data is cut short (no end-of-image marker)');
      // A height of 0 means "given later by a DNL marker", which PDF readers do not support either.
      checkDimensions('JPEG', frame.width, frame.height);
      return frame;
    }
    offset += length;
  }
}

function readJpegFrame(segment: Buffer): { width: number; height: number } {
  if (segment.length < 6) throw new InvalidLogoError('The JPEG is damaged: its frame header is too short');
  const precision = segment[0]!;
  const height = segment.readUInt16BE(1);
  const width = segment.readUInt16BE(3);
  const components = segment[5]!;
  if (segment.length !== 6 + components * 3) throw new InvalidLogoError('The JPEG is damaged: its frame header has the wrong length');
  if (precision !== 8) throw new InvalidLogoError(`The JPEG has ${precision}-bit samples; PDF readers display 8-bit JPEGs (re-save it as a standard JPEG)`);
  if (!COMPONENT_COUNTS.has(components)) throw new InvalidLogoError(`The JPEG has ${components} colour components; use a greyscale, RGB or CMYK JPEG`);
  return { width, height };
}
