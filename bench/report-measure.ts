import path from 'node:path';

import { type MemoryPeaks, MemorySampler, mib } from './evaluation-memory.js';

/** What one report came out as. */
export interface Output {
  bytes: number;
  pages: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface PhaseResult {
  name: string;
  description: string;
  /** Where it ran: this process (with the app) or a fresh child process of its own. */
  process: 'app' | 'child';
  /** Reports in flight. */
  concurrency: number;
  reports: number;
  failed: number;
  failures: string[];
  /** Wall time of the measured work (preparation a phase leaves out, such as unpacking its input, excluded). */
  seconds: number;
  reportsPerSecond: number;
  latencyMs: { mean: number; p50: number; p95: number; max: number };
  /** CPU seconds of the process (the app and pdfkit; on PGlite the database too) per wall second. */
  cpuCores: number;
  memory: MemoryPeaks;
  sizeBytes: (Spread & { total: number }) | null;
  pages: Spread | null;
  /** Time per report against the floor's (the floor's reports per second over this phase's). */
  timesFloor: number | null;
}

export interface Measured {
  result: PhaseResult;
  /** Per item, in order; null where the work failed or returned nothing. */
  outputs: (Output | null)[];
}

/** Lets a phase leave preparation out of its time: what runs before `restart()` is not counted. */
export interface Clock {
  restart(): void;
}

export const log = (line: string) => process.stdout.write(`report: ${line}\n`);

/**
 * Runs `work` over every item, `concurrency` at a time, timing each and sampling memory and CPU.
 * Rendering is synchronous and pdfkit's stream ends on process.nextTick, so the sampler's timer
 * may not get a turn during a render loop: RSS is also read after every report, and the loop yields
 * to the event loop once per report.
 */
export async function measure<T>(
  name: string,
  description: string,
  where: PhaseResult['process'],
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number, clock: Clock) => Promise<Output | null>,
): Promise<Measured> {
  log(`${name}: ${items.length} reports${concurrency > 1 ? `, ${concurrency} at a time` : ''}${where === 'child' ? ' (child process)' : ''}...`);
  collectGarbage();
  const outputs: (Output | null)[] = Array.from<Output | null>({ length: items.length }).fill(null);
  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  let next = 0;
  let untimed = 0;
  const memory = new MemorySampler();
  let peakRss = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let index = next++; index < items.length; index = next++) {
        let begun = performance.now();
        const clock: Clock = {
          restart: () => {
            const now = performance.now();
            untimed += now - begun;
            begun = now;
          },
        };
        try {
          outputs[index] = await work(items[index]!, index, clock);
          latencies.push(performance.now() - begun);
        } catch (error) {
          failed += 1;
          if (failures.length < 3) failures.push(error instanceof Error ? error.message : String(error));
        }
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const seconds = wall - untimed / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const sampled = memory.stop();
  const peakRssMiB = Math.max(sampled.peakRssMiB, mib(peakRss));
  const peaks: MemoryPeaks = { ...sampled, peakRssMiB, rssGrowthMiB: peakRssMiB - sampled.rssBeforeMiB, samples: sampled.samples + items.length };
  const produced = outputs.filter((output): output is Output => output !== null);
  const sorted = latencies.toSorted((a, b) => a - b);
  const result: PhaseResult = {
    name,
    description,
    process: where,
    concurrency,
    reports: items.length - failed,
    failed,
    failures,
    seconds: round(seconds, 2),
    reportsPerSecond: round((items.length - failed) / seconds, 2),
    latencyMs: { mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length), 1), p50: round(percentile(sorted, 0.5), 1), p95: round(percentile(sorted, 0.95), 1), max: round(sorted.at(-1) ?? 0, 1) },
    cpuCores: round((cpu.user + cpu.system) / 1e6 / wall, 2),
    memory: peaks,
    sizeBytes: produced.length > 0 ? { ...spread(produced.map((output) => output.bytes)), total: produced.reduce((sum, output) => sum + output.bytes, 0) } : null,
    pages: produced.length > 0 ? spread(produced.map((output) => output.pages)) : null,
    timesFloor: null,
  };
  log(`${name}: ${result.reportsPerSecond} reports/s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, peak RSS ${peakRssMiB} MiB${failed > 0 ? `, ${failed} FAILED: ${failures[0]}` : ''}`);
  return { result, outputs };
}

/** Two full collections when node runs with --expose-gc (as `npm run bench` starts this benchmark); nothing otherwise. */
export function collectGarbage(): void {
  globalThis.gc?.();
  globalThis.gc?.();
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: 0, min: 0, max: 0 };
  const sorted = values.toSorted((a, b) => a - b);
  return { median: percentile(sorted, 0.5), min: sorted[0]!, max: sorted.at(-1)! };
}

/** As evaluation-run's, which the child processes do not import: it loads the whole app. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Nearest rank on sorted values. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** What the render child (bench/report-child.ts) learns while recording the renderer's pdfkit calls. */
export interface RecordingStats {
  /** PDFDocuments the renderer made per report (a measuring pass would add some); the floor replays the one it ended. */
  documentsPerRender: Spread;
  seconds: number;
  /** The recordings as the floor reads them: JSON, deflated, the fonts once. */
  packedMiB: number;
  /** Top-level pdfkit calls per report. */
  callsPerReport: Spread;
  /** Over all reports, by method. */
  calls: Record<string, number>;
  pageAddedSteps: number;
  /** Arguments that are neither plain data nor buffers nor recorded objects (the renderer's parsed fonts). */
  opaqueArguments: number;
}

export type RenderChildResult = Measured & { recording: RecordingStats };
export type FloorChildResult = Measured;

/** Files the children write into the work directory the benchmark gives them. */
export const RENDER_RESULT = 'render.json';
export const FLOOR_RESULT = 'floor.json';
export const RECORDINGS_FILE = 'recordings.bin';
export const originalPdf = (workDirectory: string, index: number) => path.join(workDirectory, `original-${index}.pdf`);
