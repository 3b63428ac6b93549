export interface LimiterOptions {
  limit: number;
  windowSeconds: number;
}

interface Window {
  startedAt: number;
  failures: number;
}

const MAX_TRACKED_SOURCES = 50_000;

/**
 * Counts failed authentication attempts per source address in fixed windows; once a source reaches
 * the limit it is refused until its window ends, whatever credential it offers next. Per process:
 * behind a load balancer each instance counts on its own.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options: LimiterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the source must wait, or 0 when it may try. */
  retryAfterSeconds(source: string): number {
    const window = this.current(source);
    if (!window || window.failures < this.options.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.options.windowSeconds * 1000 - this.now()) / 1000));
  }

  recordFailure(source: string): void {
    const window = this.current(source);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= MAX_TRACKED_SOURCES) this.evictExpired();
    this.windows.set(source, { startedAt: this.now(), failures: 1 });
  }

  private current(source: string): Window | undefined {
    const window = this.windows.get(source);
    if (window && this.now() - window.startedAt >= this.options.windowSeconds * 1000) {
      this.windows.delete(source);
      return undefined;
    }
    return window;
  }

  private evictExpired(): void {
    for (const source of this.windows.keys()) this.current(source);
    // A flood of distinct sources inside one window: forget the oldest rather than grow without bound.
    while (this.windows.size >= MAX_TRACKED_SOURCES) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }
}
