import type { ReportContent, ReportSection } from '../../model/report-model.js';
import type { ReportWriter } from '../layout/writer.js';

/** Draws one section type from the report's content. */
export type SectionRenderer = (writer: ReportWriter, content: ReportContent, section: ReportSection) => void;

/**
 * The section's heading (a link target, listed in the contents) and the template's text under it.
 * The text is a lead-in kept with the section's own content, unless it is the content (`text`).
 */
export function openSection(writer: ReportWriter, section: ReportSection, options: { textOnly?: boolean } = {}): void {
  const entry = writer.contents.current;
  writer.heading(section.title, 1, {
    destination: entry.destination,
    onPlaced: (placement) => {
      entry.placement = placement;
    },
  });
  writer.paragraphs(section.text, writer.theme.text.body, { keepWithNext: !options.textOnly });
}

/** A sentence standing in for content that is not there ("no review has been marked yet"). */
export function note(writer: ReportWriter, text: string): void {
  writer.paragraph(text, { ...writer.theme.text.body, color: writer.theme.muted });
}

/** Sums the values of a count record. */
export function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
