import type { ChangesDto, ClientScorecardDto, StatementOfApplicabilityDto, TrendDto } from '../../scorecards/dto/client-scorecard.dto.js';

/**
 * The sections a template may place, in any order. Each renders one part of the report from
 * {@link ReportContent}; `text` is free text only.
 */
export const SECTION_TYPES = [
  'cover',
  'table_of_contents',
  'executive_summary',
  'score',
  'qbr_change',
  'trend',
  'categories',
  'frameworks',
  'failing_controls',
  'accepted_risks',
  'failing_assets',
  'methodology',
  'framework_requirements',
  'text',
] as const;
export type SectionType = (typeof SECTION_TYPES)[number];

export const PAGE_SIZES = ['A4', 'LETTER'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** One section of a template, its texts already filled in from the placeholders. */
export interface ReportSection {
  type: SectionType;
  /** The heading (for `cover`, the report's title). */
  title: string;
  /** Paragraphs the template adds, separated by blank lines; null when the template has none. */
  text: string | null;
  /** Start the section on a new page. */
  pageBreakBefore: boolean;
  /** For `failing_controls`: show only the first N (by points recoverable); null shows all. */
  limit: number | null;
}

export interface ReportLogo {
  data: Buffer;
  mimeType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** The MSP's branding, as the tenant set it (or the defaults). */
export interface ReportBranding {
  /** The MSP's name as printed on the cover and in the footer. */
  name: string;
  logo: ReportLogo | null;
  /** `#rrggbb` */
  primaryColor: string;
  /** `#rrggbb` */
  accentColor: string;
  footerText: string | null;
}

/** Everything a report shows, gathered from the same services as the scorecard API. */
export interface ReportContent {
  /** The document title (metadata, running header). */
  title: string;
  generatedAt: Date;
  /** The review period: from the last QBR mark (or 90 days back) to the run. */
  period: { from: Date; to: Date };
  branding: ReportBranding;
  scorecard: ClientScorecardDto;
  trend: TrendDto;
  /** Controls that changed between the last QBR's evaluation and this run; null without a QBR mark or evaluation then. */
  sinceQbr: ChangesDto | null;
  /** The statement of applicability, for templates with a `framework_requirements` section. */
  framework: StatementOfApplicabilityDto | null;
  /** The executive summary in plain language, one string per paragraph. */
  summary: string[];
  /** The scoring formula in words, one string per paragraph. */
  methodology: string[];
}

/** A report ready to draw: what it shows and the sections in the template's order. */
export interface ReportDocument {
  content: ReportContent;
  sections: ReportSection[];
  pageSize: PageSize;
}

export interface RenderedReport {
  pdf: Buffer;
  pageCount: number;
}
