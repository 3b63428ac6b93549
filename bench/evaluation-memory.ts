const MIB = 2 ** 20;

export interface MemoryPeaks {
  /** Resident set size when sampling started. */
  rssBeforeMiB: number;
  peakRssMiB: number;
  /** Peak minus before: what the measured work added on top of what the process already held. */
  rssGrowthMiB: number;
  heapUsedBeforeMiB: number;
  peakHeapUsedMiB: number;
  /** ArrayBuffers outside the V8 heap (PGlite's memory, pg's socket buffers), at their peak. */
  peakArrayBuffersMiB: number;
  samples: number;
}

/**
 * Samples this process's memory every `intervalMs` (50 ms by default) while some work runs. The
 * timer is unref'd and fires between the work's own callbacks, so a long synchronous stretch can
 * hide a short spike; the peaks are a close lower bound.
 */
export class MemorySampler {
  private readonly before = process.memoryUsage();
  private peakRss = this.before.rss;
  private peakHeapUsed = this.before.heapUsed;
  private peakArrayBuffers = this.before.arrayBuffers;
  private samples = 1;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): MemoryPeaks {
    clearInterval(this.timer);
    this.sample();
    return {
      rssBeforeMiB: mib(this.before.rss),
      peakRssMiB: mib(this.peakRss),
      rssGrowthMiB: mib(this.peakRss - this.before.rss),
      heapUsedBeforeMiB: mib(this.before.heapUsed),
      peakHeapUsedMiB: mib(this.peakHeapUsed),
      peakArrayBuffersMiB: mib(this.peakArrayBuffers),
      samples: this.samples,
    };
  }

  private sample(): void {
    const usage = process.memoryUsage();
    this.samples += 1;
    this.peakRss = Math.max(this.peakRss, usage.rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, usage.heapUsed);
    this.peakArrayBuffers = Math.max(this.peakArrayBuffers, usage.arrayBuffers);
  }
}

export function mib(bytes: number): number {
  return Math.round(bytes / MIB);
}
