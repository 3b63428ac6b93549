/** How numbers and times read on every screen; the PDF report uses the same conventions. */

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : score.toFixed(1);
}

/** `+3.2`, `−1.0` (a true minus sign), `0.0`; `—` when there is nothing to compare with. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

export type Trend = 'up' | 'down' | 'flat' | 'none';

export function trendOf(change: number | null | undefined): Trend {
  if (change === null || change === undefined) return 'none';
  const rounded = Math.round(change * 10) / 10;
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}

export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  return fraction === null || fraction === undefined ? '—' : `${(fraction * 100).toFixed(digits)}%`;
}

// Made once: an Intl formatter costs far more to build than to use, and a page of 50 clients formats hundreds of times.
const RELATIVE_TIME = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "in 2 days", "just now". */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return 'never';
  const elapsed = new Date(iso).getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return RELATIVE_TIME.format(Math.round(elapsed / size), unit);
  }
  return 'just now';
}

/** `23 Nov 2026, 14:05` in the viewer's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return DATE_TIME.format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return DATE.format(new Date(iso));
}

/** `not_applicable` → `Not applicable`, `account_manager` → `Account manager`. */
export function humanise(value: string): string {
  const words = value.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
