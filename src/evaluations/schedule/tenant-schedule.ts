import { CronExpressionParser } from 'cron-parser';

export const DEFAULT_SCHEDULE = '0 2 * * *';
export const DEFAULT_TIMEZONE = 'UTC';
/** A run missed while no process was up is still started if its slot is at most this old. */
export const MISSED_RUN_GRACE_MS = 6 * 60 * 60_000;

export interface TenantSchedule {
  cron: string;
  timezone: string;
  /** when the schedule was last set (or the tenant created): slots before it never fire */
  since: Date;
}

type ScheduleProblem = { field: 'evaluationSchedule' | 'timezone'; message: string };

/** Problems with a schedule as a user would type it, each naming its field: 'evaluationSchedule' | 'timezone'. Empty when valid. */
export function scheduleProblems(cron: string, timezone: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const cronMessage = cronProblem(cron);
  if (cronMessage) problems.push({ field: 'evaluationSchedule', message: cronMessage });
  if (!isValidTimezone(timezone)) {
    problems.push({
      field: 'timezone',
      message: `"${timezone}" is not a known IANA time zone; use a name such as "Europe/Berlin", "America/New_York" or "UTC".`,
    });
  }
  return problems;
}

export function isValidTimezone(timezone: string): boolean {
  // Newer Intl versions accept raw offsets such as "+05:00"; those are not zones and would silently ignore DST.
  if (/^[+-]/.test(timezone)) return false;
  try {
    formatIn(timezone);
    return true;
  } catch {
    return false;
  }
}

function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    return `"${cron}" has ${fields.length} field(s); an evaluation schedule needs exactly 5 (minute hour day-of-month month day-of-week), e.g. "0 2 * * *".`;
  }
  const minute = fields[0];
  if (!/^\d{1,2}$/.test(minute) || Number(minute) > 59) {
    return `The minute field "${minute}" of "${cron}" must be a single number from 0 to 59, because Rampart evaluates at most once an hour; e.g. "0 2 * * *" runs daily at 02:00.`;
  }
  // cron-parser picks a random value for H on every parse, so the slots would move between scheduler ticks.
  if (/\bH\b/.test(cron)) {
    return `"${cron}" uses H (a random value); write the exact hour and day instead, e.g. "0 2 * * *".`;
  }
  let expression;
  try {
    expression = CronExpressionParser.parse(fields.join(' '), { tz: 'UTC' });
  } catch (error) {
    return `"${cron}" is not a valid cron expression: ${(error as Error).message}.`;
  }
  if (!expression.hasNext()) return `"${cron}" never matches a date; check its day-of-month, month and day-of-week fields.`;
  return null;
}

/*
 * cron-parser's own `tz` mode is stateful around DST changes: prev() skips a slot that falls in the
 * spring-forward gap and returns both copies of one in the fall-back hour, next() gives different
 * answers depending on where it starts, and both throw around Lord Howe's 30-minute changes. So cron-parser only walks local wall-clock times (encoded as UTC,
 * which has no DST), and we map each wall time to an instant ourselves, the way Temporal's
 * "compatible" disambiguation does: a time skipped by spring-forward moves later by the length of the gap
 * (02:30 -> 03:30 new time), a time repeated by fall-back means its first occurrence. Every slot is then
 * a pure function of the schedule, whatever instant we ask from.
 */

/** Slots map to instants up to this far from "wall time minus the current offset" (DST moves clocks by at most 2 h). */
const MAX_OFFSET_SHIFT_MS = 3 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** The most recent slot at or before `now`, or null when there is none (practically never for valid cron). */
export function latestSlot(cron: string, timezone: string, now: Date): Date | null {
  const at = now.getTime();
  let best: { slot: number; wall: number } | undefined;
  for (const wall of wallSlots(cron, toWall(at, timezone) + MAX_OFFSET_SHIFT_MS, 'prev')) {
    // Earlier wall times can no longer map to an instant after the best one.
    if (best && wall < best.wall - MAX_OFFSET_SHIFT_MS) break;
    const slot = toInstant(wall, timezone);
    if (slot <= at && (!best || slot > best.slot)) best = { slot, wall };
  }
  return best ? new Date(best.slot) : null;
}

/** The first slot strictly after `after`. */
export function nextSlot(cron: string, timezone: string, after: Date): Date {
  const at = after.getTime();
  let best: { slot: number; wall: number } | undefined;
  for (const wall of wallSlots(cron, toWall(at, timezone) - MAX_OFFSET_SHIFT_MS, 'next')) {
    if (best && wall > best.wall + MAX_OFFSET_SHIFT_MS) break;
    const slot = toInstant(wall, timezone);
    if (slot > at && (!best || slot < best.slot)) best = { slot, wall };
  }
  if (!best) throw new Error(`"${cron}" has no slot after ${after.toISOString()}`);
  return new Date(best.slot);
}

/** The slot that should fire now: the latest slot <= now, if it is after `since` and within MISSED_RUN_GRACE_MS (inclusive) of now; else null. */
export function dueSlot(schedule: TenantSchedule, now: Date, graceMs = MISSED_RUN_GRACE_MS): Date | null {
  const slot = latestSlot(schedule.cron, schedule.timezone, now);
  if (!slot || slot.getTime() <= schedule.since.getTime()) return null;
  return now.getTime() - slot.getTime() <= graceMs ? slot : null;
}

/** Matching wall-clock times walking away from `fromWall`, until cron-parser gives up (it throws after 10,000 steps). */
function* wallSlots(cron: string, fromWall: number, direction: 'next' | 'prev'): Generator<number> {
  const expression = CronExpressionParser.parse(cron, { currentDate: new Date(fromWall), tz: 'UTC' });
  for (;;) {
    let wall: number;
    try {
      wall = expression[direction]().getTime();
    } catch {
      return;
    }
    yield wall;
  }
}

function toWall(instant: number, timezone: string): number {
  return instant + offsetMs(instant, timezone);
}

function toInstant(wall: number, timezone: string): number {
  // The offsets a day either side are the only ones a DST change can put in play.
  const before = offsetMs(wall - DAY_MS, timezone);
  const after = offsetMs(wall + DAY_MS, timezone);
  if (before === after) return wall - before; // no DST change nearby: the common case
  const candidates = [wall - before, wall - after];
  const exact = candidates.filter((instant) => toWall(instant, timezone) === wall);
  // Ambiguous (fall-back): the first occurrence. Nonexistent (spring-forward): the old offset, i.e. later by the gap.
  return exact.length > 0 ? Math.min(...exact) : candidates[0];
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter printing wall-clock parts in `timezone`; throws a RangeError for an unknown zone. */
function formatIn(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timezone, format);
  }
  return format;
}

function offsetMs(instant: number, timezone: string): number {
  const part = Object.fromEntries(formatIn(timezone).formatToParts(instant).map(({ type, value }) => [type, Number(value)]));
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return wall - Math.floor(instant / 1000) * 1000;
}
