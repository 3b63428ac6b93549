import { describe, expect, it } from '@jest/globals';
import { RequestLimiter } from './request-limiter.js';

function virtualClock() {
  const clock = { now: 0, slept: [] as number[] };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.now += ms;
    },
  };
}

describe(RequestLimiter.name, () => {
  it('starts at most maxPerWindow requests in any window, waiting out the rest', async () => {
    const { clock, now, sleep } = virtualClock();
    const limiter = new RequestLimiter({ maxPerWindow: 3, windowMs: 60_000, now, sleep });
    const startedAt: number[] = [];
    for (let index = 0; index < 7; index++) await limiter.run(async () => startedAt.push(clock.now));
    expect(startedAt).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
  });

  it('keeps at most maxConcurrent requests in flight', async () => {
    const limiter = new RequestLimiter({ maxPerWindow: 1000, windowMs: 1000, maxConcurrent: 3 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.run(async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('frees a slot when a request fails', async () => {
    const limiter = new RequestLimiter({ maxPerWindow: 100, windowMs: 1000, maxConcurrent: 1 });
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });
});
