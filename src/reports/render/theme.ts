import type { ResultStatus } from '../../controls/evaluators/evaluator.js';
import type { Severity } from '../../controls/catalog/control-definition.js';
import type { Grade } from '../../scoring/scoring.js';
import type { PageSize, ReportBranding } from '../model/report-model.js';
import type { TextStyle } from './layout/text-layout.js';

/** `#rrggbb` mixed with another colour: `amount` 0 keeps `colour`, 1 gives `other`. */
const channel = (hex: string, offset: number) => Number.parseInt(hex.slice(offset, offset + 2), 16);

export function mix(colour: string, other: string, amount: number): string {
  const parts = [1, 3, 5].map((offset) => Math.round(channel(colour, offset) * (1 - amount) + channel(other, offset) * amount));
  return `#${parts.map((part) => part.toString(16).padStart(2, '0')).join('')}`;
}

/** A light tint of a colour for backgrounds: `strength` is how much of the colour remains on white. */
export function tint(colour: string, strength: number): string {
  return mix(colour, '#ffffff', 1 - strength);
}

/*
 * Grade and status colours are fixed, not branded, so a red F means the same in every MSP's report.
 * All have at least 4.5:1 contrast on white (and white on them), so they work as text and as badges.
 */
const GRADE_COLOURS: Record<Grade, string> = { A: '#15803d', B: '#4d7c0f', C: '#a16207', D: '#c2410c', F: '#b91c1c' };
const STATUS_COLOURS: Record<ResultStatus, string> = {
  pass: '#15803d',
  partial: '#a16207',
  fail: '#b91c1c',
  not_applicable: '#64748b',
  excepted: '#6d28d9',
  no_data: '#475569',
  error: '#9f1239',
};
const SEVERITY_COLOURS: Record<Severity, string> = { critical: '#991b1b', high: '#c2410c', medium: '#a16207', low: '#475569' };

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
}

const PAGES: Record<PageSize, [number, number]> = { A4: [595.28, 841.89], LETTER: [612, 792] };

export function pageGeometry(size: PageSize): PageGeometry {
  const [width, height] = PAGES[size];
  // About 20 mm at the sides; more at the top and bottom, where the running header and footer sit.
  return { width, height, margin: { top: 60, bottom: 60, left: 56, right: 56 } };
}

export interface Theme {
  primary: string;
  /** Backgrounds in the brand colour: table headers, key-figure tiles. */
  primaryTint: string;
  primaryFaint: string;
  accent: string;
  accentTint: string;
  ink: string;
  muted: string;
  faint: string;
  rule: string;
  zebra: string;
  track: string;
  positive: string;
  negative: string;
  grade: Record<Grade, string>;
  gradeTint: Record<Grade, string>;
  status: Record<ResultStatus, string>;
  severity: Record<Severity, string>;
  text: {
    coverTitle: TextStyle;
    coverClient: TextStyle;
    h1: TextStyle;
    h2: TextStyle;
    h3: TextStyle;
    body: TextStyle;
    small: TextStyle;
    caption: TextStyle;
    table: TextStyle;
    tableHeader: TextStyle;
    figure: TextStyle;
    label: TextStyle;
  };
  space: {
    /** Above a section heading. */
    section: number;
    /** Above a sub-heading. */
    subsection: number;
    /** Between blocks of a section: a paragraph and a table, two charts. */
    block: number;
    paragraph: number;
    cellX: number;
    cellY: number;
  };
}

const style = (size: number, weight: TextStyle['weight'], color: string, leading = 1.4): TextStyle => ({ size, weight, color, leading });

export function buildTheme(branding: ReportBranding): Theme {
  const ink = '#1f2933';
  const muted = '#52606d';
  return {
    primary: branding.primaryColor,
    primaryTint: tint(branding.primaryColor, 0.1),
    primaryFaint: tint(branding.primaryColor, 0.05),
    accent: branding.accentColor,
    accentTint: tint(branding.accentColor, 0.15),
    ink,
    muted,
    faint: '#8895a7',
    rule: '#d9dee5',
    zebra: '#f5f7f9',
    track: '#e8ecf0',
    positive: '#15803d',
    negative: '#b91c1c',
    grade: GRADE_COLOURS,
    gradeTint: Object.fromEntries(Object.entries(GRADE_COLOURS).map(([grade, colour]) => [grade, tint(colour, 0.14)])) as Record<Grade, string>,
    status: STATUS_COLOURS,
    severity: SEVERITY_COLOURS,
    text: {
      coverTitle: style(15, 'semibold', '#ffffff', 1.3),
      coverClient: style(34, 'bold', '#ffffff', 1.18),
      h1: style(16, 'bold', branding.primaryColor, 1.25),
      h2: style(11.5, 'semibold', ink, 1.3),
      h3: style(10, 'semibold', ink, 1.35),
      body: style(9.5, 'regular', ink, 1.45),
      small: style(8, 'regular', muted, 1.4),
      caption: style(7.5, 'regular', muted, 1.35),
      table: style(8.5, 'regular', ink, 1.38),
      tableHeader: style(8, 'semibold', branding.primaryColor, 1.35),
      figure: style(22, 'bold', ink, 1.15),
      label: style(7.5, 'semibold', muted, 1.3),
    },
    space: { section: 20, subsection: 14, block: 12, paragraph: 6, cellX: 6, cellY: 4.5 },
  };
}
