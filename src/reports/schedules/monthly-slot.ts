import { nextSlot } from '../../evaluations/schedule/tenant-schedule.js';

/** The next time a monthly schedule is due after `after`: its day and hour in the tenant's time zone, DST handled as evaluations handle it. */
export function nextMonthlyRun(schedule: { dayOfMonth: number; hour: number }, timezone: string, after: Date): Date {
  return nextSlot(`0 ${schedule.hour} ${schedule.dayOfMonth} * *`, timezone, after);
}
