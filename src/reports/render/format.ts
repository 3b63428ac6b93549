import { roundScore } from '../../scoring/scoring.js';

/*
 * Every figure the report prints goes through these, and the placeholders and the executive summary
 * use them too, so a number reads the same in the template text, the tables and the API.
 */

const NONE = '—';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A score as the API rounds it: one decimal, "72.4", "100.0"; "—" when there is none. */
export function formatScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return NONE;
  // roundScore turns -0.04 into -0, which toFixed prints as "0.0" rather than "-0.0".
  return (roundScore(score) + 0).toFixed(1);
}

/** A change in score, always signed: "+7.2", "-3.0", "0.0"; "—" when either side had no score. */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return NONE;
  const rounded = roundScore(change) + 0;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '-'}${Math.abs(rounded).toFixed(1)}`;
}

/** A fraction 0..1 as a whole percentage: 0.82 → "82%". */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return NONE;
  return `${Math.round(fraction * 100)}%`;
}

/**
 * A day as "23 Nov 2026", in UTC like every timestamp the API returns, so a report made on a server
 * in another time zone prints the same date as the dashboard. Built by hand to not depend on ICU data.
 */
export function formatDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return NONE;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "23 Nov": a day label of a chart axis, where the year is clear from the context. */
export function formatDay(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** Points as the scorecard carries them: whole numbers as they are, fractions with one decimal ("118.5"). */
export function formatPoints(points: number): string {
  const rounded = roundScore(points) + 0;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** An identifier for people: `not_applicable` → "Not applicable", `cis-v8-ig1` → "Cis v8 ig1". */
export function humanise(identifier: string): string {
  const words = identifier.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.length === 0 ? words : words.charAt(0).toUpperCase() + words.slice(1);
}
