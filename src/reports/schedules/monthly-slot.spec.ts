import { describe, expect, it } from '@jest/globals';

import { nextMonthlyRun } from './monthly-slot.js';

describe('nextMonthlyRun', () => {
  it('is this month\'s day and hour when still ahead, in the tenant\'s zone', () => {
    expect(nextMonthlyRun({ dayOfMonth: 25, hour: 6 }, 'Europe/London', new Date('2026-11-23T12:00:00Z')).toISOString()).toBe('2026-11-25T06:00:00.000Z');
    expect(nextMonthlyRun({ dayOfMonth: 25, hour: 6 }, 'America/New_York', new Date('2026-11-23T12:00:00Z')).toISOString()).toBe('2026-11-25T11:00:00.000Z');
  });

  it('moves to next month once the slot has passed, and across the year end', () => {
    expect(nextMonthlyRun({ dayOfMonth: 1, hour: 6 }, 'UTC', new Date('2026-12-01T06:00:00Z')).toISOString()).toBe('2027-01-01T06:00:00.000Z');
  });

  it('follows summer time: the same wall-clock hour is a different UTC hour', () => {
    expect(nextMonthlyRun({ dayOfMonth: 1, hour: 6 }, 'Europe/Berlin', new Date('2027-03-15T00:00:00Z')).toISOString()).toBe('2027-04-01T04:00:00.000Z');
    expect(nextMonthlyRun({ dayOfMonth: 1, hour: 6 }, 'Europe/Berlin', new Date('2027-01-15T00:00:00Z')).toISOString()).toBe('2027-02-01T05:00:00.000Z');
  });
});
