import type { RichText, TextBlock, TextStyle } from './text-layout.js';
import type { Align, ReportWriter } from './writer.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Text that wraps in its cell (or, with `maxLines`, is cut with an ellipsis). */
export interface TextCell {
  text: RichText;
  style?: Partial<TextStyle>;
  maxLines?: number;
}

/** Something drawn in a cell of a known height: a badge, a bar. */
export interface DrawnCell {
  height: number;
  /** How wide it is drawn, for `fit` columns. */
  width?: number;
  /** `box` is the cell's inner box; `align` the column's alignment, for drawings narrower than it. */
  draw(box: Box, align: Align): void;
}

export type Cell = string | TextCell | DrawnCell;

export interface Column {
  header: string;
  /**
   * A share of the width left after the other columns; `fit` for as wide as the header and cells
   * need on one line; `{ points }` for a set width (the same in several tables, say).
   */
  width: number | 'fit' | { points: number };
  align?: Align;
}

export interface TableSpec {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** Printed above the repeated header on each page the table continues to. */
  continuation?: string;
}

interface MeasuredCell {
  cell: Cell;
  block: TextBlock | null;
  height: number;
}

function isDrawn(cell: Cell): cell is DrawnCell {
  return typeof cell === 'object' && 'draw' in cell;
}

/**
 * A table that flows over pages: its header repeats on every page it continues to, a row moves to
 * the next page whole rather than splitting (only a row taller than a page splits, between lines),
 * and the header never ends a page without a row under it.
 */
export function drawTable(writer: ReportWriter, spec: TableSpec): void {
  const { theme } = writer;
  const padX = theme.space.cellX;
  const padY = theme.space.cellY;
  const widths = columnWidths(writer, spec);
  const xs = widths.map((_, index) => writer.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));

  const headerBlocks = spec.columns.map((column, index) => writer.layout(column.header, theme.text.tableHeader, widths[index]! - 2 * padX));
  const headerHeight = Math.max(...headerBlocks.map((block) => block.height)) + 2 * padY;
  const continuationBlock = spec.continuation ? writer.layout(`${spec.continuation} (continued)`, theme.text.caption) : null;
  const continuationHeight = continuationBlock ? continuationBlock.height + 4 : 0;

  const measure = (cell: Cell, index: number): MeasuredCell => {
    if (isDrawn(cell)) return { cell, block: null, height: cell.height };
    const text = typeof cell === 'string' ? { text: cell } : cell;
    const block = writer.layout(text.text, { ...theme.text.table, ...text.style }, widths[index]! - 2 * padX, { maxLines: text.maxLines });
    return { cell, block, height: block.height };
  };

  const drawHeader = (continued: boolean) => {
    if (continued && continuationBlock) {
      writer.drawText(continuationBlock, writer.left, writer.y);
      writer.advance(continuationHeight);
    }
    const top = writer.y;
    writer.doc.rect(writer.left, top, writer.width, headerHeight).fill(theme.primaryTint);
    headerBlocks.forEach((block, index) => writer.drawText(block, xs[index]! + padX, top + padY, { width: widths[index]! - 2 * padX, align: spec.columns[index]!.align }));
    writer.doc.moveTo(writer.left, top + headerHeight).lineTo(writer.right, top + headerHeight).lineWidth(0.8).stroke(theme.primary);
    writer.advance(headerHeight);
  };

  const newPage = () => {
    writer.continueOnNewPage();
    drawHeader(true);
  };

  const rows = spec.rows.map((row) => row.map(measure));
  const rowHeight = (row: MeasuredCell[]) => Math.max(...row.map((cell) => cell.height)) + 2 * padY;
  // The most a row can take on a page under the repeated header.
  const capacity = writer.pageCapacity - headerHeight - continuationHeight;

  const firstRow = rows[0];
  writer.gap(theme.space.paragraph + 3);
  // The header stays with the first row, or with the first lines of a row taller than a page.
  const firstPart = (row: MeasuredCell[]) => (rowHeight(row) <= capacity ? rowHeight(row) : 2 * padY + 3 * Math.max(...row.map((cell) => cell.block?.lineHeight ?? cell.height)));
  writer.ensure(headerHeight + (firstRow ? firstPart(firstRow) : 0));
  drawHeader(false);

  rows.forEach((row, rowIndex) => {
    const height = rowHeight(row);
    const background = rowIndex % 2 === 1 ? theme.zebra : null;
    if (height <= capacity) {
      if (writer.y + height > writer.bottom) newPage();
      drawRow(writer, row, xs, widths, writer.y, height, padX, padY, background, spec.columns);
      writer.advance(height);
      return;
    }
    // Taller than a page: split between lines, each cell continuing where it stopped.
    let offsets = row.map(() => 0);
    let first = true;
    while (row.some((cell, index) => cell.block !== null && offsets[index]! < cell.block.lines.length) || first) {
      const lineHeights = row.map((cell) => cell.block?.lineHeight ?? 0).filter((lineHeight) => lineHeight > 0);
      if (writer.bottom - writer.y - 2 * padY < Math.max(...lineHeights, 0)) newPage();
      const room = writer.bottom - writer.y - 2 * padY;
      const part = row.map((cell, index): MeasuredCell => {
        if (cell.block === null) return first ? cell : { ...cell, height: 0 };
        const fit = Math.max(0, Math.floor(room / cell.block.lineHeight));
        const lines = cell.block.lines.slice(offsets[index], offsets[index]! + fit);
        return { cell: cell.cell, block: { ...cell.block, lines, height: lines.length * cell.block.lineHeight }, height: lines.length * cell.block.lineHeight };
      });
      const partHeight = rowHeight(part);
      drawRow(writer, part, xs, widths, writer.y, partHeight, padX, padY, background, spec.columns);
      writer.advance(partHeight);
      offsets = offsets.map((offset, index) => offset + (part[index]!.block?.lines.length ?? 0));
      first = false;
      if (row.some((cell, index) => cell.block !== null && offsets[index]! < cell.block.lines.length)) newPage();
    }
  });
  writer.doc.moveTo(writer.left, writer.y).lineTo(writer.right, writer.y).lineWidth(0.6).stroke(theme.rule);
  writer.gap(theme.space.block);
}

function drawRow(writer: ReportWriter, row: readonly MeasuredCell[], xs: readonly number[], widths: readonly number[], top: number, height: number, padX: number, padY: number, background: string | null, columns: readonly Column[]): void {
  if (background) writer.doc.rect(writer.left, top, writer.width, height).fill(background);
  row.forEach((cell, index) => {
    const x = xs[index]! + padX;
    const width = widths[index]! - 2 * padX;
    if (cell.block) writer.drawText(cell.block, x, top + padY, { width, align: columns[index]!.align });
    else if (isDrawn(cell.cell) && cell.height > 0) cell.cell.draw({ x, y: top + padY, width, height: cell.cell.height }, columns[index]!.align ?? 'left');
  });
  writer.doc.moveTo(writer.left, top + height).lineTo(writer.right, top + height).lineWidth(0.4).stroke(writer.theme.rule);
}

function cellText(cell: Cell): TextCell | null {
  if (isDrawn(cell)) return null;
  return typeof cell === 'string' ? { text: cell } : cell;
}

function plain(text: RichText): string {
  return typeof text === 'string' ? text : text.map((span) => span.text).join('');
}

/** How wide a column must be to show its header and every cell on one line (capped at 40% of the page). */
export function fitColumnWidth(writer: ReportWriter, header: string, cells: readonly Cell[]): number {
  const { theme } = writer;
  const padX = theme.space.cellX;
  const widest = Math.max(
    writer.text.widthOf(header, theme.text.tableHeader),
    ...cells.map((cell) => {
      const text = cellText(cell);
      return text === null ? ((cell as DrawnCell).width ?? 0) : writer.text.widthOf(text.text, { ...theme.text.table, ...text.style });
    }),
  );
  return Math.min(Math.ceil(widest) + 2 * padX + 1, writer.width * 0.4);
}

// Ideographs and kana break anywhere, so they never set a column's minimum width.
const UNBREAKABLE_SPLIT = /[\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/u;

/** The widest word of a column: narrower than that, words would break in the middle. */
function longestWord(writer: ReportWriter, header: string, cells: readonly Cell[]): number {
  const { theme } = writer;
  let widest = 0;
  const seen = new Set<string>();
  const measure = (text: string, style: TextStyle) => {
    for (const word of text.split(UNBREAKABLE_SPLIT)) {
      const key = `${style.weight}:${word}`;
      if (word.length === 0 || seen.has(key)) continue;
      seen.add(key);
      widest = Math.max(widest, writer.text.widthOf(word, style));
    }
  };
  measure(header, theme.text.tableHeader);
  for (const cell of cells) {
    const text = cellText(cell);
    if (text === null) widest = Math.max(widest, (cell as DrawnCell).width ?? 0);
    else measure(plain(text.text), { ...theme.text.table, ...text.style });
  }
  return Math.ceil(widest) + 2 * theme.space.cellX + 1;
}

/**
 * Fit and fixed columns take what they need; the others share the rest by their weights, but each
 * gets at least its widest word when the table has room for that, taken from the wider columns.
 */
function columnWidths(writer: ReportWriter, spec: TableSpec): number[] {
  const cellsOf = (index: number) => spec.rows.map((row) => row[index]!);
  const widths = spec.columns.map((column, index) => (column.width === 'fit' ? fitColumnWidth(writer, column.header, cellsOf(index)) : typeof column.width === 'object' ? column.width.points : 0));
  const shared = spec.columns.map((column, index) => (typeof column.width === 'number' ? index : -1)).filter((index) => index >= 0);
  const room = Math.max(0, writer.width - widths.reduce((sum, width) => sum + width, 0));
  const weights = shared.reduce((sum, index) => sum + (spec.columns[index]!.width as number), 0);
  for (const index of shared) widths[index] = (room * (spec.columns[index]!.width as number)) / weights;
  const minimum = new Map(shared.map((index) => [index, Math.min(longestWord(writer, spec.columns[index]!.header, cellsOf(index)), room * 0.6)]));
  for (let round = 0; round < 4; round++) {
    const deficit = shared.reduce((sum, index) => sum + Math.max(0, minimum.get(index)! - widths[index]!), 0);
    const slack = shared.reduce((sum, index) => sum + Math.max(0, widths[index]! - minimum.get(index)!), 0);
    if (deficit <= 0.5 || slack <= 0.5) break;
    const take = Math.min(deficit, slack);
    for (const index of shared) {
      const spare = widths[index]! - minimum.get(index)!;
      widths[index] = spare < 0 ? minimum.get(index)! : widths[index]! - (take * spare) / slack;
    }
  }
  return widths;
}
