export interface RequestLimiterOptions {
  /** At most this many requests start within any `windowMs`. */
  maxPerWindow: number;
  windowMs: number;
  /** At most this many requests in flight at once. */
  maxConcurrent?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps a connector inside a vendor's published limits (Syncro 180/min per address, Autotask
 * 10,000/h per database and 3 concurrent requests per endpoint) by waiting before a request
 * rather than drawing a 429.
 */
export class RequestLimiter {
  private readonly started: number[] = [];
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RequestLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  async run<T>(request: () => Promise<T>): Promise<T> {
    await this.acquireSlot();
    try {
      await this.waitForWindow();
      return await request();
    } finally {
      this.releaseSlot();
    }
  }

  private async acquireSlot(): Promise<void> {
    const max = this.options.maxConcurrent ?? Infinity;
    if (this.inFlight < max) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }

  private async waitForWindow(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.started.length > 0 && this.started[0]! <= now - this.options.windowMs) this.started.shift();
      if (this.started.length < this.options.maxPerWindow) {
        this.started.push(now);
        return;
      }
      await this.sleep(this.started[0]! + this.options.windowMs - now);
    }
  }
}
