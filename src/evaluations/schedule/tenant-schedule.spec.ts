import { describe, expect, it } from '@jest/globals';
import { CronExpressionParser } from 'cron-parser';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_TIMEZONE,
  MISSED_RUN_GRACE_MS,
  type TenantSchedule,
  dueSlot,
  isValidTimezone,
  latestSlot,
  nextSlot,
  scheduleProblems,
} from './tenant-schedule.js';

const HOUR = 60 * 60_000;
const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

/** What a scheduler ticking every `tickMs` would start: each distinct due slot, in order. */
function firedSlots(schedule: TenantSchedule, from: string, to: string, tickMs = 30_000): string[] {
  const fired: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += tickMs) {
    const slot = iso(dueSlot(schedule, new Date(t)));
    if (slot && slot !== fired.at(-1)) fired.push(slot);
  }
  return fired;
}

/** nextSlot() chained `count` times from `from`. */
function slotsAfter(cron: string, timezone: string, from: string, count: number): string[] {
  const slots: string[] = [];
  let after = at(from);
  for (let i = 0; i < count; i++) {
    after = nextSlot(cron, timezone, after);
    slots.push(after.toISOString());
  }
  return slots;
}

describe('defaults', () => {
  it('are a valid schedule: daily at 02:00 UTC', () => {
    expect(DEFAULT_SCHEDULE).toBe('0 2 * * *');
    expect(DEFAULT_TIMEZONE).toBe('UTC');
    expect(MISSED_RUN_GRACE_MS).toBe(6 * HOUR);
    expect(scheduleProblems(DEFAULT_SCHEDULE, DEFAULT_TIMEZONE)).toEqual([]);
  });
});

describe(scheduleProblems.name, () => {
  const cronMessage = (cron: string) => {
    const problems = scheduleProblems(cron, 'UTC');
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('evaluationSchedule');
    return problems[0].message;
  };

  it.each([
    '0 2 * * *',
    '30 23 * * 1-5',
    '0 6 * * MON-FRI',
    '15 1,13 1 * *',
    '0 2 L * *',
    '0 2 * * 1#1',
    '05 2 * JAN *',
    '  0   2 * * *  ',
  ])('accepts %j', (cron) => {
    expect(scheduleProblems(cron, 'Asia/Kathmandu')).toEqual([]);
  });

  it.each(['0 0 2 * * *', '@daily', '0 2 * *', '0 2 * * * 2026', ''])(
    'rejects %j for not having 5 fields, showing an example',
    (cron) => {
      const message = cronMessage(cron);
      expect(message).toContain(`"${cron}"`);
      expect(message).toContain('exactly 5');
      expect(message).toContain('"0 2 * * *"');
    },
  );

  it('says how many fields it counted', () => {
    expect(cronMessage('0 0 2 * * *')).toBe(
      '"0 0 2 * * *" has 6 field(s); an evaluation schedule needs exactly 5 (minute hour day-of-month month day-of-week), e.g. "0 2 * * *".',
    );
  });

  it.each(['*/5', '*', '0,30', '0-5', '60', '-1', '1.5', 'H'])(
    'rejects the minute field %j: at most one run an hour',
    (minute) => {
      const message = cronMessage(`${minute} 2 * * *`);
      expect(message).toContain(`"${minute}"`);
      expect(message).toContain('single number from 0 to 59');
      expect(message).toContain('at most once an hour');
    },
  );

  it('quotes the whole expression when rejecting a minute', () => {
    expect(cronMessage('*/5 * * * *')).toBe(
      'The minute field "*/5" of "*/5 * * * *" must be a single number from 0 to 59, because Rampart evaluates at most once an hour; e.g. "0 2 * * *" runs daily at 02:00.',
    );
  });

  it.each(['0 H * * *', '0 2 H(1-5) * *', '0 2 * * H#3'])(
    'rejects %j, because H would move the slot on every parse',
    (cron) => {
      expect(cronMessage(cron)).toBe(`"${cron}" uses H (a random value); write the exact hour and day instead, e.g. "0 2 * * *".`);
    },
  );

  it('does not mistake THU for H', () => {
    expect(scheduleProblems('0 2 * * THU', 'UTC')).toEqual([]);
  });

  it.each([
    ['0 24 * * *', 'Constraint error, got value 24 expected range 0-23'],
    ['0 2 32 * *', 'Constraint error, got value 32 expected range 1-31'],
    ['0 2 * 13 *', 'Constraint error, got value 13 expected range 1-12'],
    ['0 2 * * 8', 'Constraint error, got value 8 expected range 0-7'],
    ['0 2 31 2 *', 'Invalid explicit day of month definition'],
    ['0 x * * *', 'Invalid characters, got value: x'],
    ['0 5-1 * * *', 'Invalid range: 5-1, min(5) > max(1)'],
  ])('rejects %j with cron-parser\'s reason', (cron, reason) => {
    expect(cronMessage(cron)).toBe(`"${cron}" is not a valid cron expression: ${reason}.`);
  });

  it.each(['Mars/Olympus', '', '+05:00', 'GMT+5', ' UTC'])('rejects the timezone %j', (timezone) => {
    expect(scheduleProblems(DEFAULT_SCHEDULE, timezone)).toEqual([
      {
        field: 'timezone',
        message: `"${timezone}" is not a known IANA time zone; use a name such as "Europe/Berlin", "America/New_York" or "UTC".`,
      },
    ]);
  });

  it('still checks the cron syntax when the timezone is invalid, one problem per field', () => {
    expect(scheduleProblems('*/5 * * * *', 'Mars/Olympus').map((problem) => problem.field)).toEqual([
      'evaluationSchedule',
      'timezone',
    ]);
    expect(scheduleProblems('0 24 * * *', 'Mars/Olympus').map((problem) => problem.field)).toEqual([
      'evaluationSchedule',
      'timezone',
    ]);
  });
});

describe(isValidTimezone.name, () => {
  it.each(['UTC', 'Etc/UTC', 'Asia/Kathmandu', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'])(
    'accepts %j',
    (timezone) => {
      expect(isValidTimezone(timezone)).toBe(true);
    },
  );

  it.each(['', 'Mars/Olympus', 'UTC+2', '+05:00', '-03:00'])('rejects %j', (timezone) => {
    expect(isValidTimezone(timezone)).toBe(false);
  });
});

describe(latestSlot.name, () => {
  it('finds today\'s default slot in UTC once it has passed', () => {
    expect(iso(latestSlot(DEFAULT_SCHEDULE, 'UTC', at('2026-01-10T12:00:00Z')))).toBe('2026-01-10T02:00:00.000Z');
  });

  it('counts a slot exactly at `now`, not one a millisecond later', () => {
    expect(iso(latestSlot(DEFAULT_SCHEDULE, 'UTC', at('2026-01-10T02:00:00.000Z')))).toBe('2026-01-10T02:00:00.000Z');
    expect(iso(latestSlot(DEFAULT_SCHEDULE, 'UTC', at('2026-01-10T01:59:59.999Z')))).toBe('2026-01-09T02:00:00.000Z');
  });

  it('returns exact minute boundaries whatever the seconds of `now`', () => {
    const slot = latestSlot('17 * * * *', 'UTC', at('2026-01-10T05:17:42.123Z'));
    expect(iso(slot)).toBe('2026-01-10T05:17:00.000Z');
    expect(slot?.getUTCSeconds()).toBe(0);
    expect(slot?.getUTCMilliseconds()).toBe(0);
  });

  it('reads the schedule in the tenant\'s zone, including non-hour offsets (Kathmandu, +05:45)', () => {
    // 02:00 on 10 January in Kathmandu is 20:15 UTC on the 9th.
    expect(iso(latestSlot(DEFAULT_SCHEDULE, 'Asia/Kathmandu', at('2026-01-10T00:00:00Z')))).toBe('2026-01-09T20:15:00.000Z');
    expect(iso(latestSlot(DEFAULT_SCHEDULE, 'Asia/Kathmandu', at('2026-01-09T20:14:59Z')))).toBe('2026-01-08T20:15:00.000Z');
  });

  it('skips weekends for a weekday schedule', () => {
    // 2026-01-10 is a Saturday, 2026-01-12 a Monday.
    expect(iso(latestSlot('0 6 * * 1-5', 'UTC', at('2026-01-11T23:00:00Z')))).toBe('2026-01-09T06:00:00.000Z');
    expect(iso(latestSlot('0 6 * * 1-5', 'UTC', at('2026-01-12T06:00:00Z')))).toBe('2026-01-12T06:00:00.000Z');
  });

  it('takes the weekday in the tenant\'s zone, not in UTC', () => {
    // Friday 22:00 in Los Angeles is Saturday 06:00 UTC; Saturday 22:00 there never fires.
    expect(iso(latestSlot('0 22 * * 1-5', 'America/Los_Angeles', at('2026-01-12T05:00:00Z')))).toBe(
      '2026-01-10T06:00:00.000Z',
    );
  });

  it('looks back years for a schedule that rarely matches', () => {
    expect(iso(latestSlot('0 2 29 2 *', 'UTC', at('2027-06-01T00:00:00Z')))).toBe('2024-02-29T02:00:00.000Z');
  });
});

describe(nextSlot.name, () => {
  it('returns the first slot strictly after the given instant', () => {
    expect(iso(nextSlot(DEFAULT_SCHEDULE, 'UTC', at('2026-01-10T01:59:59.999Z')))).toBe('2026-01-10T02:00:00.000Z');
    expect(iso(nextSlot(DEFAULT_SCHEDULE, 'UTC', at('2026-01-10T02:00:00.000Z')))).toBe('2026-01-11T02:00:00.000Z');
  });

  it('reads the schedule in the tenant\'s zone', () => {
    expect(iso(nextSlot(DEFAULT_SCHEDULE, 'Asia/Kathmandu', at('2026-01-09T12:00:00Z')))).toBe('2026-01-09T20:15:00.000Z');
  });

  it('steps from Friday to Monday for a weekday schedule', () => {
    expect(slotsAfter('0 6 * * 1-5', 'UTC', '2026-01-08T12:00:00Z', 3)).toEqual([
      '2026-01-09T06:00:00.000Z',
      '2026-01-12T06:00:00.000Z',
      '2026-01-13T06:00:00.000Z',
    ]);
  });

  it('fires every matching hour of a multi-hour schedule', () => {
    expect(slotsAfter('30 1,13 * * *', 'Europe/Berlin', '2026-01-10T00:00:00Z', 3)).toEqual([
      '2026-01-10T00:30:00.000Z',
      '2026-01-10T12:30:00.000Z',
      '2026-01-11T00:30:00.000Z',
    ]);
  });

  it.each([
    ['America/New_York', '30 2 * * *', '2026-03-07T00:00:00Z'],
    ['America/New_York', '0 * * * *', '2026-03-07T00:00:00Z'],
    ['America/New_York', '30 1 * * *', '2026-10-31T00:00:00Z'],
    ['America/New_York', '45 1,2,3 * * *', '2026-10-31T00:00:00Z'],
    ['Europe/Berlin', DEFAULT_SCHEDULE, '2026-03-28T00:00:00Z'],
    ['Europe/Berlin', DEFAULT_SCHEDULE, '2026-10-24T00:00:00Z'],
    ['Australia/Lord_Howe', DEFAULT_SCHEDULE, '2026-04-03T00:00:00Z'],
    ['Australia/Lord_Howe', '15 2 * * *', '2026-10-02T00:00:00Z'],
    ['Australia/Lord_Howe', '45 1 * * *', '2026-04-03T00:00:00Z'],
  ])('agrees with latestSlot from any instant around a DST change (%s, %j)', (timezone, cron, from) => {
    for (let t = Date.parse(from); t < Date.parse(from) + 48 * HOUR; t += 13 * 60_000 + 1_234) {
      const now = new Date(t);
      const next = nextSlot(cron, timezone, now);
      expect(next.getTime()).toBeGreaterThan(t);
      expect(iso(latestSlot(cron, timezone, next))).toBe(next.toISOString());
      expect(iso(latestSlot(cron, timezone, new Date(next.getTime() - 1)))).toBe(iso(latestSlot(cron, timezone, now)));
    }
  });
});

describe('DST', () => {
  describe('America/New_York spring-forward, 2026-03-08 (02:00 EST -> 03:00 EDT at 07:00 UTC)', () => {
    it('moves a slot in the skipped hour later by the gap: 02:30 runs at 03:30 EDT', () => {
      expect(slotsAfter('30 2 * * *', 'America/New_York', '2026-03-07T00:00:00Z', 3)).toEqual([
        '2026-03-07T07:30:00.000Z', // 02:30 EST
        '2026-03-08T07:30:00.000Z', // 03:30 EDT
        '2026-03-09T06:30:00.000Z', // 02:30 EDT
      ]);
      expect(iso(latestSlot('30 2 * * *', 'America/New_York', at('2026-03-08T07:29:59Z')))).toBe('2026-03-07T07:30:00.000Z');
      expect(iso(latestSlot('30 2 * * *', 'America/New_York', at('2026-03-08T07:30:00Z')))).toBe('2026-03-08T07:30:00.000Z');
    });

    it('runs the default 02:00 schedule once, when the clocks jump to 03:00 EDT', () => {
      expect(slotsAfter(DEFAULT_SCHEDULE, 'America/New_York', '2026-03-07T00:00:00Z', 3)).toEqual([
        '2026-03-07T07:00:00.000Z',
        '2026-03-08T07:00:00.000Z',
        '2026-03-09T06:00:00.000Z',
      ]);
    });

    it('starts one run a day through the change, with a scheduler ticking every 30 s', () => {
      const schedule = { cron: '30 2 * * *', timezone: 'America/New_York', since: at('2026-03-08T00:00:00Z') };
      expect(firedSlots(schedule, '2026-03-08T04:00:00Z', '2026-03-09T08:00:00Z')).toEqual([
        '2026-03-08T07:30:00.000Z',
        '2026-03-09T06:30:00.000Z',
      ]);
    });

    it('gives an hourly schedule one slot for the missing 02:00 and the 03:00 it becomes', () => {
      expect(slotsAfter('0 * * * *', 'America/New_York', '2026-03-08T05:30:00Z', 3)).toEqual([
        '2026-03-08T06:00:00.000Z', // 01:00 EST
        '2026-03-08T07:00:00.000Z', // 03:00 EDT
        '2026-03-08T08:00:00.000Z', // 04:00 EDT
      ]);
    });
  });

  describe('America/New_York fall-back, 2026-11-01 (02:00 EDT -> 01:00 EST at 06:00 UTC)', () => {
    it('runs a slot in the repeated hour once, at its first occurrence (01:30 EDT)', () => {
      expect(slotsAfter('30 1 * * *', 'America/New_York', '2026-10-31T00:00:00Z', 3)).toEqual([
        '2026-10-31T05:30:00.000Z', // 01:30 EDT
        '2026-11-01T05:30:00.000Z', // 01:30 EDT; 06:30 UTC (01:30 EST) is not a slot
        '2026-11-02T06:30:00.000Z', // 01:30 EST
      ]);
      for (const now of ['2026-11-01T05:30:00Z', '2026-11-01T06:29:59Z', '2026-11-01T06:30:00Z', '2026-11-01T06:45:00Z']) {
        expect(iso(latestSlot('30 1 * * *', 'America/New_York', at(now)))).toBe('2026-11-01T05:30:00.000Z');
      }
    });

    it('starts one run a day through the change, with a scheduler ticking every 30 s', () => {
      const schedule = { cron: '30 1 * * *', timezone: 'America/New_York', since: at('2026-11-01T00:00:00Z') };
      expect(firedSlots(schedule, '2026-11-01T04:00:00Z', '2026-11-02T08:00:00Z')).toEqual([
        '2026-11-01T05:30:00.000Z',
        '2026-11-02T06:30:00.000Z',
      ]);
    });

    it('gives an hourly schedule one 01:00 slot, so that night has a two-hour gap', () => {
      expect(slotsAfter('0 * * * *', 'America/New_York', '2026-11-01T04:30:00Z', 3)).toEqual([
        '2026-11-01T05:00:00.000Z', // 01:00 EDT
        '2026-11-01T07:00:00.000Z', // 02:00 EST
        '2026-11-01T08:00:00.000Z', // 03:00 EST
      ]);
    });
  });

  describe('Europe/Berlin, where the default 02:00 itself is skipped and repeated', () => {
    it('runs at 03:00 CEST on 2026-03-29 and at the first 02:00 (CEST) on 2026-10-25', () => {
      expect(slotsAfter(DEFAULT_SCHEDULE, 'Europe/Berlin', '2026-03-28T00:00:00Z', 2)).toEqual([
        '2026-03-28T01:00:00.000Z', // 02:00 CET
        '2026-03-29T01:00:00.000Z', // 03:00 CEST
      ]);
      expect(slotsAfter(DEFAULT_SCHEDULE, 'Europe/Berlin', '2026-10-23T12:00:00Z', 3)).toEqual([
        '2026-10-24T00:00:00.000Z', // 02:00 CEST
        '2026-10-25T00:00:00.000Z', // 02:00 CEST; 01:00 UTC (02:00 CET) is not a slot
        '2026-10-26T01:00:00.000Z', // 02:00 CET
      ]);
    });
  });

  describe('Australia/Lord_Howe, whose clocks move by 30 minutes', () => {
    it('moves a skipped 02:15 to 02:45 and runs a repeated 01:45 once', () => {
      // 2026-10-04: 02:00 (+10:30) -> 02:30 (+11). 2026-04-05: 02:00 (+11) -> 01:30 (+10:30).
      expect(iso(nextSlot('15 2 * * *', 'Australia/Lord_Howe', at('2026-10-03T12:00:00Z')))).toBe('2026-10-03T15:45:00.000Z');
      expect(slotsAfter('45 1 * * *', 'Australia/Lord_Howe', '2026-04-04T12:00:00Z', 2)).toEqual([
        '2026-04-04T14:45:00.000Z', // 01:45 +11; 15:15 UTC (01:45 +10:30) is not a slot
        '2026-04-05T15:15:00.000Z', // 01:45 +10:30
      ]);
    });
  });

  it('documents why cron-parser\'s own tz mode is not used: its prev() skips or doubles slots', () => {
    const prevs = (cron: string, from: string, count: number) => {
      const expression = CronExpressionParser.parse(cron, { currentDate: at(from), tz: 'America/New_York' });
      return Array.from({ length: count }, () => expression.prev().toISOString());
    };
    // No 02:30 slot at all on 2026-03-08, although next() from before the change returns 03:30 EDT.
    expect(prevs('30 2 * * *', '2026-03-10T00:00:00Z', 2)).toEqual(['2026-03-09T06:30:00.000Z', '2026-03-07T07:30:00.000Z']);
    // Both 01:30s on 2026-11-01.
    expect(prevs('30 1 * * *', '2026-11-01T12:00:00Z', 2)).toEqual(['2026-11-01T06:30:00.000Z', '2026-11-01T05:30:00.000Z']);
  });
});

describe(dueSlot.name, () => {
  const slot = '2026-01-10T02:00:00.000Z';
  const schedule = (since = '2026-01-01T00:00:00Z'): TenantSchedule => ({
    cron: DEFAULT_SCHEDULE,
    timezone: 'UTC',
    since: at(since),
  });
  const plus = (ms: number) => new Date(Date.parse(slot) + ms);

  it('is due exactly at the slot', () => {
    expect(iso(dueSlot(schedule(), at(slot)))).toBe(slot);
  });

  it('is not due a millisecond before it (the previous slot is past the grace period)', () => {
    expect(dueSlot(schedule(), plus(-1))).toBeNull();
  });

  it('catches up a missed run up to and including the grace period', () => {
    expect(iso(dueSlot(schedule(), plus(5 * HOUR)))).toBe(slot);
    expect(iso(dueSlot(schedule(), plus(MISSED_RUN_GRACE_MS)))).toBe(slot);
    expect(dueSlot(schedule(), plus(MISSED_RUN_GRACE_MS + 1))).toBeNull();
  });

  it('takes a custom grace period', () => {
    expect(dueSlot(schedule(), plus(HOUR), 30 * 60_000)).toBeNull();
    expect(iso(dueSlot(schedule(), plus(HOUR), HOUR))).toBe(slot);
  });

  it('does not fire a slot equal to `since`', () => {
    expect(dueSlot(schedule(slot), at(slot))).toBeNull();
    expect(dueSlot(schedule(slot), plus(HOUR))).toBeNull();
  });

  it('fires a slot just after `since`', () => {
    expect(iso(dueSlot(schedule('2026-01-10T01:59:59.999Z'), at(slot)))).toBe(slot);
  });

  it('does not fire a slot before `since` (schedule changed or tenant created after it)', () => {
    expect(dueSlot(schedule('2026-01-10T02:00:00.001Z'), plus(HOUR))).toBeNull();
    expect(dueSlot(schedule('2026-01-10T12:00:00Z'), at('2026-01-10T13:00:00Z'))).toBeNull();
  });

  it('reports the same slot on every tick until the next one, so each run can be started once', () => {
    expect(firedSlots(schedule(), '2026-01-10T00:00:00Z', '2026-01-11T04:00:00Z')).toEqual([
      '2026-01-10T02:00:00.000Z',
      '2026-01-11T02:00:00.000Z',
    ]);
  });

  it('follows a weekday schedule in the tenant\'s zone', () => {
    const weekdays = { cron: '0 6 * * 1-5', timezone: 'Asia/Kathmandu', since: at('2026-01-01T00:00:00Z') };
    // 06:00 in Kathmandu is 00:15 UTC the same day; 2026-01-09 is a Friday.
    // Ticks 5 min apart: this is about which days fire, not about the tick.
    expect(firedSlots(weekdays, '2026-01-08T12:00:00Z', '2026-01-13T12:00:00Z', 5 * 60_000)).toEqual([
      '2026-01-09T00:15:00.000Z',
      '2026-01-12T00:15:00.000Z',
      '2026-01-13T00:15:00.000Z',
    ]);
  });
});
