import type { ReportWriter } from './writer.js';

/** One part of a card: a line of badges, a title, a paragraph line. */
export interface CardItem {
  height: number;
  /** Space above it, dropped at the top of a page. */
  gapBefore?: number;
  draw(x: number, y: number, width: number): void;
}

export interface CardStyle {
  stripe: string;
  background: string;
  padding: number;
}

const STRIPE = 3;

/** The width items get inside a card. */
export function cardInnerWidth(writer: ReportWriter, style: CardStyle): number {
  return writer.width - STRIPE - 2 * style.padding;
}

/**
 * A boxed block with a coloured stripe: kept whole on one page when it fits on a page at all.
 * A card taller than a page (a very long remediation) flows on, its first `keepFirst` items
 * together, the box and stripe continuing on each page it spans.
 */
export function drawCard(writer: ReportWriter, items: readonly CardItem[], style: CardStyle, keepFirst = 1): void {
  const pad = style.padding;
  const x = writer.left + STRIPE + pad;
  const width = cardInnerWidth(writer, style);
  const heights = items.map((item, index) => item.height + (index === 0 ? 0 : (item.gapBefore ?? 0)));
  const total = 2 * pad + heights.reduce((sum, height) => sum + height, 0);
  const background = (top: number, height: number) => {
    writer.doc.rect(writer.left, top, writer.width, height).fill(style.background);
    writer.doc.rect(writer.left, top, STRIPE, height).fill(style.stripe);
  };

  if (total <= writer.pageCapacity) {
    writer.block(total, (top) => {
      background(top, total);
      let y = top + pad;
      items.forEach((item, index) => {
        y += index === 0 ? 0 : (item.gapBefore ?? 0);
        item.draw(x, y, width);
        y += item.height;
      });
    });
    return;
  }

  // Plan the pages first: each page's part of the box is filled before its text is drawn on it.
  const head = pad + heights.slice(0, Math.max(1, keepFirst)).reduce((sum, height) => sum + height, 0);
  const firstTop = writer.ensure(head);
  const parts: { top: number; items: { item: CardItem; y: number }[]; bottom: number }[] = [{ top: firstTop, items: [], bottom: 0 }];
  let y = firstTop + pad;
  items.forEach((item, index) => {
    let part = parts.at(-1)!;
    const gap = index === 0 || part.items.length === 0 ? 0 : (item.gapBefore ?? 0);
    if (part.items.length > 0 && index >= keepFirst && y + gap + item.height > writer.bottom) {
      part.bottom = y;
      part = { top: writer.top, items: [], bottom: 0 };
      parts.push(part);
      y = writer.top + pad / 2;
    } else y += gap;
    part.items.push({ item, y });
    y += item.height;
  });
  parts.at(-1)!.bottom = y + pad;
  parts.forEach((part, index) => {
    if (index > 0) writer.continueOnNewPage();
    background(part.top, part.bottom - part.top);
    for (const placed of part.items) placed.item.draw(x, placed.y, width);
  });
  const last = parts.at(-1)!;
  writer.advance(last.bottom - writer.y);
}
