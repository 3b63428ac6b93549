import type { DocumentFonts } from '../fonts.js';
import type { PageGeometry, Theme } from '../theme.js';
import type { Contents } from './contents.js';
import { TextLayout, type LayoutOptions, type RichText, type TextBlock, type TextStyle } from './text-layout.js';

export type Align = 'left' | 'center' | 'right';
export type HeadingLevel = 1 | 2 | 3;

/** Where a heading was drawn: for the table of contents, the outline and links. */
export interface Placement {
  /** 0-based page index. */
  page: number;
  y: number;
}

export interface HeadingOptions {
  /** A named destination at the heading, for links from the table of contents. */
  destination?: string;
  onPlaced?: (placement: Placement) => void;
}

/** Something held back to be drawn with the first part of what follows it. */
interface Pending {
  kind: 'heading' | 'text';
  /** Space above it, dropped at the top of a page. */
  gapAbove: number;
  height: number;
  draw(): void;
}

export interface ParagraphOptions {
  indent?: number;
  gapAfter?: number;
  /** Keep with the first part of what follows (a lead-in sentence before a table). */
  keepWithNext?: boolean;
}

const HEADING_BAR = { width: 26, height: 2.5, gap: 6 };

/**
 * The page cursor over a pdfkit document. Everything placed on a page goes through `ensure`, which
 * starts a new page when the next piece does not fit, so that:
 * - pages only exist once something is drawn on them (no empty pages, even after a page break
 *   request at the end of the document);
 * - a heading is held back until the content after it is placed, and moves to the next page with
 *   that content's first part (a heading is never the last thing on a page);
 * - spacing between blocks disappears at the top of a page.
 */
export class ReportWriter {
  readonly text: TextLayout;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  /** The cursor: where the next block starts on the current page. */
  y: number;
  private pageIndex = -1;
  private pageFresh = true;
  private breakRequested = true;
  private gapPending = 0;
  private pending: Pending[] = [];
  private readonly covers = new Set<number>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly theme: Theme,
    readonly fonts: DocumentFonts,
    readonly geometry: PageGeometry,
    readonly contents: Contents,
  ) {
    this.text = new TextLayout(fonts);
    this.left = geometry.margin.left;
    this.right = geometry.width - geometry.margin.right;
    this.width = this.right - this.left;
    this.top = geometry.margin.top;
    this.bottom = geometry.height - geometry.margin.bottom;
    this.y = this.top;
  }

  /** The index of the current page (0-based). */
  get page(): number {
    return this.pageIndex;
  }

  /** The tallest block a page can hold. */
  get pageCapacity(): number {
    return this.bottom - this.top;
  }

  layout(content: RichText, style: TextStyle, width: number = this.width, options?: LayoutOptions): TextBlock {
    return this.text.layout(content, style, width, options);
  }

  /** Draws laid-out text with its top-left corner at (x, top); `width` is the box for alignment. */
  drawText(block: TextBlock, x: number, top: number, options: { width?: number; align?: Align } = {}): void {
    const box = options.width ?? block.width;
    block.lines.forEach((line, index) => {
      // The baseline sits so that lower-case and capitals look centred in the line box.
      const baseline = top + index * block.lineHeight + block.lineHeight / 2 + block.size * 0.33;
      const offset = options.align === 'right' ? box - line.width : options.align === 'center' ? (box - line.width) / 2 : 0;
      for (const piece of line.pieces) {
        this.doc
          .font(this.fonts.face(piece.script, piece.weight))
          .fontSize(block.size)
          .fillColor(piece.color)
          .text(piece.text, x + offset + piece.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      }
    });
  }

  /** Space before the next block, dropped at the top of a page. */
  gap(size: number): void {
    this.gapPending = Math.max(this.gapPending, size);
  }

  /** The next block starts a new page (unless the current one is still empty). */
  pageBreak(): void {
    if (this.pending.length > 0) this.ensure(0);
    if (!this.pageFresh) this.breakRequested = true;
  }

  /** Starts a page at once: for the cover, which draws on the whole page itself. */
  startPage(options: { cover?: boolean } = {}): void {
    this.doc.addPage({ size: [this.geometry.width, this.geometry.height], margins: this.geometry.margin });
    this.pageIndex += 1;
    this.y = this.top;
    this.pageFresh = true;
    this.breakRequested = false;
    this.gapPending = 0;
    if (options.cover) this.covers.add(this.pageIndex);
  }

  isCover(page: number): boolean {
    return this.covers.has(page);
  }

  /** A heading, drawn with the first part of whatever follows it. */
  heading(content: RichText, level: HeadingLevel, options: HeadingOptions = {}): void {
    const style = level === 1 ? this.theme.text.h1 : level === 2 ? this.theme.text.h2 : this.theme.text.h3;
    const block = this.layout(content, style);
    const bar = level === 1 ? HEADING_BAR.height + HEADING_BAR.gap : 0;
    const gapBelow = level === 1 ? 10 : level === 2 ? 6 : 4;
    const levelGap = level === 1 ? this.theme.space.section : level === 2 ? this.theme.space.subsection : this.theme.space.block;
    // A heading right under another one needs less room above it than after body text.
    const afterHeading = this.pending.at(-1)?.kind === 'heading';
    this.pending.push({
      kind: 'heading',
      gapAbove: afterHeading ? levelGap / 2 : Math.max(this.gapPending, levelGap),
      height: bar + block.height + gapBelow,
      draw: () => {
        const top = this.y;
        if (options.destination) this.doc.addNamedDestination(options.destination, 'XYZ', 0, top, null);
        options.onPlaced?.({ page: this.pageIndex, y: top });
        if (bar > 0) this.doc.rect(this.left, top, HEADING_BAR.width, HEADING_BAR.height).fill(this.theme.accent);
        this.drawText(block, this.left, top + bar);
      },
    });
    this.gapPending = 0;
  }

  /**
   * Makes room for `height` under the cursor, together with what is waiting for it (headings, lead-in
   * text): on this page if all of it fits, otherwise at the top of a new page. Draws what was waiting
   * and returns the y where the caller draws. A caller with more than a page to place asks for its
   * first part only.
   */
  ensure(height: number): number {
    const gaps = this.pending.map((item, index) => (index === 0 && this.pageFresh && !this.breakRequested ? 0 : item.gapAbove));
    const waiting = this.pending.reduce((sum, item, index) => sum + gaps[index]! + item.height, 0);
    // What waits and what follows stay together only if together they fit on a page at all.
    // The space the last waiting item asked for before what follows (a new page must not lose it).
    const gapBefore = this.gapPending;
    const keep = waiting + gapBefore + height <= this.pageCapacity ? gapBefore + height : 0;
    if (this.breakRequested || this.pageIndex < 0 || (!this.pageFresh && this.y + waiting + keep > this.bottom)) this.startPage();
    this.pending.forEach((item, index) => {
      // Only a long run of waiting items (many empty sections in a row) can fail to fit a page.
      if (!this.pageFresh && this.y + gaps[index]! + item.height > this.bottom) this.startPage();
      if (!this.pageFresh) this.y += index === 0 ? item.gapAbove : gaps[index]!;
      item.draw();
      this.y += item.height;
      this.pageFresh = false;
    });
    const drewWaiting = this.pending.length > 0;
    this.pending = [];
    if (!this.pageFresh) this.y += drewWaiting ? gapBefore : this.gapPending;
    this.gapPending = 0;
    if (!this.pageFresh && this.y + height > this.bottom) this.startPage();
    return this.y;
  }

  /** Moves the cursor down past something drawn at it. */
  advance(height: number): void {
    this.y += height;
    this.pageFresh = false;
  }

  /** Continues on a new page, as a table or paragraph does when its next line does not fit. */
  continueOnNewPage(): void {
    this.startPage();
  }

  /** A block that is never split: a chart, a row of figures, a card. */
  block(height: number, draw: (top: number) => void): void {
    const top = this.ensure(height);
    draw(top);
    this.advance(height);
  }

  /**
   * A paragraph that may break across pages between lines, but leaves neither its first nor its
   * last line alone on a page.
   */
  paragraph(content: RichText, style: TextStyle = this.theme.text.body, options: ParagraphOptions = {}): void {
    const indent = options.indent ?? 0;
    const block = this.layout(content, style, this.width - indent);
    const count = block.lines.length;
    const lineHeight = block.lineHeight;
    const gapAfter = options.gapAfter ?? this.theme.space.paragraph;
    const waiting = this.pending.reduce((sum, item) => sum + item.gapAbove + item.height, 0);
    // Lead-in text waits for what it introduces, like a heading, as long as it is short.
    if (options.keepWithNext && block.height <= this.pageCapacity / 4 && waiting + block.height <= this.pageCapacity / 2) {
      this.pending.push({ kind: 'text', gapAbove: this.gapPending, height: block.height, draw: () => this.drawText(block, this.left + indent, this.y) });
      this.gapPending = gapAfter;
      return;
    }
    this.ensure(lineHeight * (count <= 3 ? count : 2));
    block.lines.forEach((line, index) => {
      // Break a line early rather than leave the last line of a long paragraph alone on a page.
      const widowed = index >= 2 && index === count - 2 && this.y + 2 * lineHeight > this.bottom;
      if (this.y + lineHeight > this.bottom + 0.01 || widowed) this.continueOnNewPage();
      this.drawText({ ...block, lines: [line], height: lineHeight }, this.left + indent, this.y);
      this.advance(lineHeight);
    });
    this.gap(gapAfter);
  }

  /** A template's text: paragraphs separated by blank lines. */
  paragraphs(text: string | null | readonly string[], style: TextStyle = this.theme.text.body, options: ParagraphOptions = {}): void {
    if (text === null) return;
    const paragraphs = typeof text === 'string' ? text.split(/\n[ \t]*\n/) : text;
    for (const paragraph of paragraphs) {
      const trimmed = paragraph.trim();
      if (trimmed.length > 0) this.paragraph(trimmed, style, options);
    }
  }

  /** Draws what is still waiting (a heading with nothing after it) before the document ends. */
  flush(): void {
    if (this.pending.length > 0) this.ensure(0);
  }

  /** The number of pages drawn so far. */
  get pageCount(): number {
    return this.pageIndex + 1;
  }
}
