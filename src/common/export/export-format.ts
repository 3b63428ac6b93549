import { BadRequestException, NotAcceptableException } from '@nestjs/common';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' };

/**
 * The format an export answers in. `?format=` wins because a link in a browser or a spreadsheet's
 * "from web" import cannot set headers; otherwise the Accept header decides, and JSON is the default
 * like everywhere else in the API.
 */
export function negotiateExportFormat(formatQuery: string | undefined, acceptHeader: string | undefined): ExportFormat {
  if (formatQuery !== undefined) {
    // Also refuses `?format=csv&format=json`, which Express hands over as an array.
    if (!(EXPORT_FORMATS as readonly unknown[]).includes(formatQuery)) {
      throw new BadRequestException({
        message: 'format must be csv or json',
        details: [{ field: 'format', message: 'must be csv or json' }],
      });
    }
    return formatQuery as ExportFormat;
  }
  return formatFromAccept(acceptHeader);
}

function formatFromAccept(acceptHeader: string | undefined): ExportFormat {
  const ranges = parseAccept(acceptHeader ?? '');
  if (ranges.length === 0) return 'json';
  const csv = preference(ranges, MEDIA_TYPES.csv);
  const json = preference(ranges, MEDIA_TYPES.json);
  if (csv.quality === 0 && json.quality === 0) {
    const message = `This export is available as ${MEDIA_TYPES.csv} or ${MEDIA_TYPES.json} and the Accept header allows neither; accept one of them or add ?format=csv or ?format=json`;
    throw new NotAcceptableException({
      message,
      details: [{ field: 'accept', message: `must allow ${MEDIA_TYPES.csv} or ${MEDIA_TYPES.json}` }],
    });
  }
  // Higher quality wins; on a tie the one named more precisely (`text/csv, */*` means CSV), then JSON.
  if (csv.quality !== json.quality) return csv.quality > json.quality ? 'csv' : 'json';
  return csv.specificity > json.specificity ? 'csv' : 'json';
}

/** One media range of an Accept header: `type/subtype` (either may be `*`) and its q-value. */
interface MediaRange {
  type: string;
  subtype: string;
  quality: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const QUALITY = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** RFC 9110 section 12.5.1. A range that does not parse is skipped rather than failing the request. */
function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [mediaType = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type = '', subtype = '', ...rest] = mediaType.split('/');
    if (rest.length > 0 || !TOKEN.test(type) || !TOKEN.test(subtype) || (type === '*' && subtype !== '*')) continue;
    let quality = 1;
    let valid = true;
    for (const parameter of parameters) {
      const [name, value = ''] = parameter.split('=').map((piece) => piece.trim());
      if (name !== 'q') continue; // charset and the like: we always answer in UTF-8
      valid = QUALITY.test(value);
      quality = Number(value);
      break; // what follows q are accept-extensions, which mean nothing here
    }
    if (valid) ranges.push({ type, subtype, quality });
  }
  return ranges;
}

/** The quality the most specific range matching `mediaType` gives it; 0 when none matches. */
function preference(ranges: readonly MediaRange[], mediaType: string): { quality: number; specificity: number } {
  const [type, subtype] = mediaType.split('/');
  let best = { quality: 0, specificity: -1 };
  for (const range of ranges) {
    const specificity = range.type === '*' ? 0 : range.subtype === '*' ? 1 : 2;
    const matches = specificity === 0 || (range.type === type && (specificity === 1 || range.subtype === subtype));
    if (matches && specificity > best.specificity) best = { quality: range.quality, specificity };
  }
  return best;
}

export function contentTypeFor(format: ExportFormat): string {
  return `${MEDIA_TYPES[format]}; charset=utf-8`;
}

/**
 * A download name that is safe in any file system and in a plain `filename="…"`: the base folded to
 * lower-case ASCII (accents dropped, so "Müller GmbH" gives `muller-gmbh`), then the UTC date.
 */
export function attachmentName(base: string, format: ExportFormat, date: Date): string {
  const slug =
    base
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 100)
      .replace(/^-+|-+$/g, '') || 'export';
  return `${slug}-${date.toISOString().slice(0, 10)}.${format}`;
}
