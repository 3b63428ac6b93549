import type { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Calls `tick` every `seconds`, one call at a time: a slow tick delays the next instead of
 * overlapping it, and a failed one is logged without stopping the timer. The timer is registered
 * with the scheduler registry, which clears it on shutdown; `settled()` then waits for the tick
 * under way, so it finishes before the database closes.
 */
export class SerialTicker {
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  start(registry: SchedulerRegistry, seconds: number, tick: () => Promise<unknown>): void {
    const interval = setInterval(() => {
      this.ticking = this.ticking.then(tick).catch((error: unknown) => this.logger.error(`${this.name} tick failed: ${error instanceof Error ? error.message : String(error)}`));
    }, seconds * 1000);
    registry.addInterval(this.name, interval);
  }

  settled(): Promise<unknown> {
    return this.ticking;
  }
}
