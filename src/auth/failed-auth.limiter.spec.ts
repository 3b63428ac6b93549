import { describe, expect, it } from '@jest/globals';
import { FailedAuthLimiter } from './failed-auth.limiter.js';

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const limiter = new FailedAuthLimiter({ limit: 3, windowSeconds: 60 }, () => clock.now);
  return { limiter, clock };
}

describe(FailedAuthLimiter.name, () => {
  it('lets a source fail up to the limit, then refuses it for the rest of the window', () => {
    const { limiter, clock } = limiterAt();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
      limiter.recordFailure('10.0.0.1');
    }
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(60);
    clock.now += 45_500;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(15);
  });

  it('opens again when the window ends', () => {
    const { limiter, clock } = limiterAt();
    for (let attempt = 0; attempt < 3; attempt++) limiter.recordFailure('10.0.0.1');
    clock.now += 60_000;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  it('counts each source on its own', () => {
    const { limiter } = limiterAt();
    for (let attempt = 0; attempt < 3; attempt++) limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0);
  });

  it('never answers a wait shorter than one second while locked', () => {
    const { limiter, clock } = limiterAt();
    for (let attempt = 0; attempt < 3; attempt++) limiter.recordFailure('10.0.0.1');
    clock.now += 59_990;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
  });
});
