import type { ReportSection } from '../../model/report-model.js';
import type { TextBlock } from './text-layout.js';
import type { Placement } from './writer.js';

/** One section as the table of contents and the PDF outline list it. */
export interface ContentsEntry {
  title: string;
  /** The named destination at its heading, for links. */
  destination: string;
  /** Whether the table of contents lists it (not the cover, not the contents itself). */
  listed: boolean;
  placement: Placement | null;
}

/** Room kept in a table of contents for one entry, filled once every page number is known. */
export interface ContentsSlot {
  entry: ContentsEntry;
  block: TextBlock;
  placement: Placement;
  height: number;
}

const UNLISTED: ReadonlySet<ReportSection['type']> = new Set(['cover', 'table_of_contents']);

/** The sections of a report, where their headings landed, and the contents pages waiting for them. */
export class Contents {
  readonly entries: ContentsEntry[];
  readonly slots: ContentsSlot[] = [];
  private index = -1;

  constructor(sections: readonly ReportSection[]) {
    this.entries = sections.map((section, index) => ({ title: section.title, destination: `section-${index + 1}`, listed: !UNLISTED.has(section.type), placement: null }));
  }

  /** Moves on to the next section; returns its entry. */
  next(): ContentsEntry {
    this.index += 1;
    return this.entries[this.index]!;
  }

  get current(): ContentsEntry {
    const entry = this.entries[this.index];
    if (!entry) throw new Error('No section is being written');
    return entry;
  }

  get listed(): ContentsEntry[] {
    return this.entries.filter((entry) => entry.listed);
  }
}
