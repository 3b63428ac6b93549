/**
 * Report generation (issue: "`npm run bench` renders the `qbr` report for 500 clients"): reports per
 * second, latency per report, peak memory, PDF size and pages, for the product path and for a floor.
 *
 * Setup: a scratch database (PostgreSQL when DATABASE_URL names a server or one answers at
 * postgres://postgres@127.0.0.1:5432/test; in-memory PGlite otherwise; the output says which), one
 * tenant with RAMPART_BENCH_REPORT_CLIENTS clients from the evaluation benchmark's generator and real
 * history from the product's evaluation code (RAMPART_BENCH_REPORT_RUNS runs, evidence changed
 * between them, the first moved 31 days back), branding with a PNG logo, and QBR marks for every
 * second client (so half the reports compare with the last review). The app runs in this process as
 * `npm start` runs it with RAMPART_ROLE=all, reports stored in a temporary RAMPART_REPORTS_DIR.
 *
 * Measured phases, each over every client, one report at a time (what one worker slot does):
 *   product     ReportGenerator.generate: gather the content from the scorecard services, render,
 *               SHA-256, store the file, write the row. In this process, with the app.
 *   product ×N  the same, N at a time: the report worker's default concurrency (RAMPART_REPORT_CONCURRENCY).
 *   gather      ReportGenerator.document alone (the content, no drawing). The documents are kept,
 *               packed, for the next phase.
 *   render      renderReport(document) alone, in a fresh child process (bench/report-child.ts).
 *               Then, not timed, each document is rendered once more with the pdfkit calls recorded.
 *   floor       a bare pdfkit document with the same text and shapes: each recording replayed on a new
 *               PDFDocument with the renderer's options (bench/report-floor.ts), in a fresh child
 *               process. Fonts the renderer registers per document are registered by the replay too.
 *               Checked: page counts equal for every report, and pdfinfo and pdftotext of the
 *               renderer's and the replay's PDF equal for a few (poppler-utils).
 * The children exist so that peak RSS is what rendering (or bare pdfkit) needs rather than what the
 * app and the phases before left behind; unpacking a phase's input is left out of its time. Each
 * process generates RAMPART_BENCH_REPORT_WARMUP reports first, not counted. Memory is sampled every
 * 50 ms and after every report, after a GC when node runs with --expose-gc (`npm run bench` does).
 *
 * Prints a table, writes bench/results/report-<database>.json and, when each is under 256 KiB, one
 * typical client's PDF as rendered and as replayed (bench/results/report-sample-<template>*.pdf). Exit
 * code 1 when setup failed, a report failed or the replay was not faithful. The database, the stored
 * reports and the app are removed at the end, also on failure or interruption.
 *
 *   npm run bench                                                    # every benchmark, this one on 500 clients (about 5 min)
 *   RAMPART_BENCH=report npm run bench                               # only this one
 *   RAMPART_BENCH=report RAMPART_BENCH_REPORT_CLIENTS=50 npm run bench   # a quick check (under a minute)
 *
 * Knobs (environment): RAMPART_BENCH_REPORT_CLIENTS (500), RAMPART_BENCH_REPORT_TEMPLATE (qbr),
 * RAMPART_BENCH_REPORT_ASSETS (assets per client, 50), RAMPART_BENCH_REPORT_RUNS (evaluation runs, 3),
 * RAMPART_BENCH_REPORT_WARMUP (reports before measuring, per process, 5), RAMPART_BENCH_REPORT_CONCURRENCY
 * (the concurrent product phase; unset: the worker's default; 1 skips it), RAMPART_BENCH_REPORT_VERIFY
 * (reports whose text is compared, 3), RAMPART_BENCH_REPORT_DATABASE (postgres or pglite; unset:
 * PostgreSQL when one answers), RAMPART_BENCH_LOG_LEVEL (the app's LOG_LEVEL, warn).
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RAMPART_CONFIG, type RampartConfig } from '../src/config/config.js';
import type { ReportDocument } from '../src/reports/model/report-model.js';
import { ReportGenerator } from '../src/reports/report-generator.js';
import { type BenchDatabase, databaseTargets } from './evaluation-database.js';
import { round } from './evaluation-run.js';
import { readPacked, replay, ValuePacker } from './report-floor.js';
import {
  FLOOR_RESULT,
  type FloorChildResult,
  log,
  measure,
  type Output,
  originalPdf,
  type PhaseResult,
  RECORDINGS_FILE,
  type RecordingStats,
  RENDER_RESULT,
  type RenderChildResult,
} from './report-measure.js';
import { firstDifference, hasPoppler, readPdf } from './report-pdf.js';
import { type ReportSetup, setUpReports } from './report-setup.js';
import type { RunSummary } from './scorecard-setup.js';

const CLIENTS = integer('RAMPART_BENCH_REPORT_CLIENTS', 500, 1);
const TEMPLATE = process.env.RAMPART_BENCH_REPORT_TEMPLATE || 'qbr';
const ASSETS_PER_CLIENT = integer('RAMPART_BENCH_REPORT_ASSETS', 50, 0);
const RUNS = integer('RAMPART_BENCH_REPORT_RUNS', 3, 2);
const WARMUP = integer('RAMPART_BENCH_REPORT_WARMUP', 5, 0);
const CONCURRENCY = process.env.RAMPART_BENCH_REPORT_CONCURRENCY ? integer('RAMPART_BENCH_REPORT_CONCURRENCY', 1, 1) : undefined;
const VERIFY = integer('RAMPART_BENCH_REPORT_VERIFY', 3, 0);
const DATABASE = process.env.RAMPART_BENCH_REPORT_DATABASE || undefined;
const LOG_LEVEL = process.env.RAMPART_BENCH_LOG_LEVEL || 'warn';
const EVALUATION_CONCURRENCY = 4;
const POOL_SIZE = 10;
const FIRST_RUN_DAYS_AGO = 31;
const SAMPLE_MAX_BYTES = 256 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const resultsDir = path.join(root, 'bench', 'results');
const childScript = path.join(here, 'report-child.js');

interface Verification {
  client: number;
  why: string;
  rendererPages: number;
  replayPages: number;
  popplerPages: { renderer: number; replay: number } | null;
  sameText: boolean | null;
  difference: string | null;
  bytes: { renderer: number; replay: number };
  /** The same bytes: pdfkit writes deterministically given the same calls and the same CreationDate. */
  identical: boolean;
}

interface Report {
  benchmark: 'report';
  finishedAt: string;
  machine: { cpuModel: string; cpus: number; memoryGiB: number; node: string; database: string; exposeGc: boolean };
  database: string;
  template: { key: string; name: string; sections: number };
  dataset: { clients: number; assetsPerClient: number; runs: RunSummary[]; qbrMarks: number; logo: ReportSetup['logo'] };
  setupSeconds: ReportSetup['seconds'];
  warmupReports: number;
  workerConcurrency: number;
  phases: PhaseResult[];
  ratios: { productOverFloor: Ratio; renderOverFloor: Ratio; concurrentProductOverFloor: Ratio | null };
  floor: RecordingStats & {
    pageCountMismatches: number;
    verified: Verification[];
    faithful: boolean;
    note: string | null;
  };
  processMaxRssMiB: number;
  samples: string[];
  notes: string[];
}

interface Ratio {
  time: number;
  medianSize: number;
  peakRssGrowth: number | null;
}

let bench: BenchDatabase | undefined;
let setup: ReportSetup | undefined;
let scratchDirectory: string | undefined;
let child: ChildProcess | undefined;
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Stops the app, drops the database and removes the stored reports, once, whatever happened. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    child?.kill();
    // On PGlite the app owns the benchmark's database and closes it; on PostgreSQL it closes its own pool.
    await setup?.app.close().catch((error: unknown) => log(`could not stop the app: ${String(error)}`));
    await bench?.drop().catch((error: unknown) => log(`could not drop the scratch database: ${String(error)}`));
    if (scratchDirectory) rmSync(scratchDirectory, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping the app and dropping the database...`);
    void cleanUp().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!interrupted) process.stderr.write(`report: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function main(): Promise<number> {
  const { targets, skipped } = await databaseTargets(POOL_SIZE);
  const wanted = DATABASE ?? (targets.some((target) => target.kind === 'postgres') ? 'postgres' : 'pglite');
  const target = targets.find((candidate) => candidate.kind === wanted);
  if (!target) throw new Error(`RAMPART_BENCH_REPORT_DATABASE=${wanted}: no such database here. ${skipped ?? ''}`);
  if (wanted === 'pglite' && skipped) log(`${skipped}; running on PGlite`);
  bench = await target.open();
  log(`database: ${bench.description}`);
  scratchDirectory = mkdtempSync(path.join(tmpdir(), 'rampart-report-bench-'));
  const reportsDirectory = path.join(scratchDirectory, 'reports');
  const work = path.join(scratchDirectory, 'work');
  mkdirSync(work);
  setup = await setUpReports(bench, {
    clients: CLIENTS,
    assetsPerClient: ASSETS_PER_CLIENT,
    runs: RUNS,
    firstRunDaysAgo: FIRST_RUN_DAYS_AGO,
    evaluationConcurrency: EVALUATION_CONCURRENCY,
    poolSize: POOL_SIZE,
    logLevel: LOG_LEVEL,
    reportsDirectory,
    log,
  });
  const { app, caller, clientIds } = setup;
  log(`setup took ${setup.seconds.total} s (history ${setup.seconds.history} s, branding and QBR marks ${setup.seconds.branding} s)`);

  const generator = app.get(ReportGenerator);
  const workerConcurrency = app.get<symbol, RampartConfig>(RAMPART_CONFIG).reports.concurrency;
  const concurrency = CONCURRENCY ?? workerConcurrency;
  const spec = (clientId: string) => ({ clientId, template: TEMPLATE });
  const first = await generator.document(caller, spec(clientIds[0]!));
  const template = { key: first.template.key, name: first.template.definition.name, sections: first.document.sections.length };

  const warmup = Math.min(WARMUP, clientIds.length);
  log(`warm-up: ${warmup} reports...`);
  for (const clientId of clientIds.slice(0, warmup)) await generator.generate(caller, spec(clientId));

  const phases: PhaseResult[] = [];
  const generate = async (clientId: string): Promise<Output> => {
    const row = await generator.generate(caller, spec(clientId));
    return { bytes: row.sizeBytes, pages: row.pageCount };
  };
  const product = await measure('product', 'ReportGenerator.generate: gather + render + SHA-256 + store + row', 'app', clientIds, 1, generate);
  phases.push(product.result);
  if (concurrency > 1) {
    const description = `the same, ${concurrency} at a time${CONCURRENCY === undefined ? " (the report worker's default concurrency)" : ''}`;
    phases.push((await measure(`product ×${concurrency}`, description, 'app', clientIds, concurrency, generate)).result);
  }

  const documents: ReportDocument[] = [];
  const gather = await measure('gather', 'ReportGenerator.document: the content from the scorecard services, no drawing', 'app', clientIds, 1, async (clientId, index) => {
    documents[index] = (await generator.document(caller, spec(clientId))).document;
    return null;
  });
  phases.push(gather.result);
  if (gather.result.failed > 0) throw new Error(`${gather.result.failed} documents could not be gathered, e.g. ${gather.result.failures[0]}`);
  const documentPacker = new ValuePacker();
  const documentsFile = path.join(work, 'documents.bin');
  documentPacker.write(documentsFile, documents.map((document) => documentPacker.pack(document)));
  documents.length = 0;

  // Which reports to check: a typical one (median size), the first and the longest, from the
  // product phase's PDFs (the renderer draws the same clients' documents again).
  const made = product.outputs.flatMap((output, index) => (output ? [{ index, output }] : []));
  const bySize = made.toSorted((a, b) => a.output.bytes - b.output.bytes);
  const typical = bySize[Math.floor((bySize.length - 1) / 2)]?.index ?? 0;
  const longest = made.reduce((best, entry) => (entry.output.pages > best.output.pages ? entry : best), made[0] ?? { index: 0, output: { bytes: 0, pages: 0 } }).index;
  const checks = new Map<number, string>();
  for (const [index, why] of [[typical, 'typical (median size)'], [0, 'first client'], [longest, 'most pages']] as const) {
    if (checks.size < VERIFY && !checks.has(index)) checks.set(index, why);
  }

  const render = await runChild<RenderChildResult>('render', [documentsFile, work, String(warmup), [...checks.keys()].join(',')], path.join(work, RENDER_RESULT));
  phases.push(render.result);
  const recordingsFile = path.join(work, RECORDINGS_FILE);
  const floor = await runChild<FloorChildResult>('floor', [recordingsFile, work, String(warmup)], path.join(work, FLOOR_RESULT));
  phases.push(floor.result);
  const floorRate = floor.result.reportsPerSecond;
  for (const phase of phases) phase.timesFloor = floorRate > 0 && phase.reportsPerSecond > 0 ? round(floorRate / phase.reportsPerSecond, 2) : null;

  log(`checking the replay against the renderer for ${checks.size} reports (pdfinfo, pdftotext)...`);
  const poppler = await hasPoppler();
  const pageCountMismatches = render.outputs.filter((output, index) => output && floor.outputs[index] && output.pages !== floor.outputs[index]!.pages).length;
  const recordings = readPacked(recordingsFile);
  const verified: Verification[] = [];
  const samples: string[] = [];
  for (const [index, why] of checks) {
    const original = readFileSync(originalPdf(work, index));
    const replayed = await replay(recordings.packer.unpackRecording(recordings.items[index]!));
    const [rendererReading, replayReading] = poppler ? await Promise.all([readPdf(original), readPdf(replayed.pdf)]) : [undefined, undefined];
    const sameText = rendererReading && replayReading ? rendererReading.text === replayReading.text : null;
    verified.push({
      client: index,
      why,
      rendererPages: render.outputs[index]?.pages ?? 0,
      replayPages: replayed.pageCount,
      popplerPages: rendererReading && replayReading ? { renderer: rendererReading.pages, replay: replayReading.pages } : null,
      sameText,
      difference: rendererReading && replayReading && !sameText ? firstDifference(rendererReading.text, replayReading.text) : null,
      bytes: { renderer: original.length, replay: replayed.pdf.length },
      identical: original.equals(replayed.pdf),
    });
    if (index === typical) samples.push(...writeSamples(original, replayed.pdf));
  }
  const faithful =
    pageCountMismatches === 0 &&
    verified.every((check) => check.rendererPages === check.replayPages && check.sameText !== false && (!check.popplerPages || (check.popplerPages.renderer === check.replayPages && check.popplerPages.replay === check.replayPages)));

  const concurrent = phases.find((phase) => phase.name.startsWith('product ×'));
  const report: Report = {
    benchmark: 'report',
    finishedAt: new Date().toISOString(),
    machine: { cpuModel: cpus()[0]?.model ?? 'cpu', cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, database: bench.description, exposeGc: typeof globalThis.gc === 'function' },
    database: bench.kind,
    template,
    dataset: { clients: clientIds.length, assetsPerClient: ASSETS_PER_CLIENT, runs: setup.runs, qbrMarks: setup.qbrMarks, logo: setup.logo },
    setupSeconds: setup.seconds,
    warmupReports: warmup,
    workerConcurrency,
    phases,
    ratios: {
      productOverFloor: ratio(product.result, floor.result),
      renderOverFloor: ratio(render.result, floor.result),
      concurrentProductOverFloor: concurrent ? ratio(concurrent, floor.result) : null,
    },
    floor: {
      ...render.recording,
      pageCountMismatches,
      verified,
      faithful,
      note: poppler ? null : 'poppler-utils (pdftotext, pdfinfo) is not installed: the texts were not compared',
    },
    processMaxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    samples,
    notes: [
      bench.kind === 'pglite'
        ? 'PGlite runs inside this process: its RSS includes the database, which grows with every report row written'
        : 'PostgreSQL runs in its own processes: RSS is the application alone',
      'Product and gather run in this process, with the app; render and floor each in a fresh child process (node, pdfkit, the renderer or the replayer, and their input packed: every document or recording, deflated). RSS growth is over the RSS at the start of the phase, after a GC when node runs with --expose-gc',
    ],
  };
  printReport(report);
  mkdirSync(resultsDir, { recursive: true });
  const resultFile = path.join(resultsDir, `report-${bench.kind}.json`);
  writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`written to ${path.relative(process.cwd(), resultFile)}${samples.length > 0 ? ` and ${samples.join(', ')}` : ''}`);

  const problems = [
    ...phases.filter((phase) => phase.failed > 0).map((phase) => `${phase.name}: ${phase.failed} reports failed, e.g. ${phase.failures[0]}`),
    ...(faithful ? [] : ['the floor is not a faithful replay of the renderer (see the check above)']),
  ];
  if (problems.length > 0) {
    process.stderr.write(`report: FAILED: ${problems.join('\n  ')}\n`);
    return 1;
  }
  return 0;
}

/** Runs a phase in a fresh child process (bench/report-child.ts) and reads what it measured. */
async function runChild<T>(mode: 'render' | 'floor', args: string[], resultFile: string): Promise<T> {
  child = spawn(process.execPath, [...process.execArgv, childScript, mode, ...args], { stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  child = undefined;
  if (code !== 0) throw new Error(`The ${mode} child process ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`);
  return JSON.parse(readFileSync(resultFile, 'utf8')) as T;
}

function ratio(phase: PhaseResult, floor: PhaseResult): Ratio {
  return {
    time: phase.reportsPerSecond > 0 ? round(floor.reportsPerSecond / phase.reportsPerSecond, 2) : Number.NaN,
    medianSize: phase.sizeBytes && floor.sizeBytes ? round(phase.sizeBytes.median / floor.sizeBytes.median, 3) : Number.NaN,
    peakRssGrowth: floor.memory.rssGrowthMiB > 0 ? round(phase.memory.rssGrowthMiB / floor.memory.rssGrowthMiB, 2) : null,
  };
}

/** One typical report as the renderer drew it and as the floor replayed it, when both are small. */
function writeSamples(rendered: Buffer, replayed: Buffer): string[] {
  if (rendered.length > SAMPLE_MAX_BYTES || replayed.length > SAMPLE_MAX_BYTES) {
    log(`sample PDFs not written: ${kb(rendered.length)} KB and ${kb(replayed.length)} KB (the limit is ${kb(SAMPLE_MAX_BYTES)} KB)`);
    return [];
  }
  mkdirSync(resultsDir, { recursive: true });
  const files = [path.join(resultsDir, `report-sample-${TEMPLATE}.pdf`), path.join(resultsDir, `report-sample-${TEMPLATE}-floor.pdf`)];
  writeFileSync(files[0]!, rendered);
  writeFileSync(files[1]!, replayed);
  return files.map((file) => path.relative(root, file));
}

function printReport(report: Report): void {
  const header = ['phase', 'reports', 'seconds', 'reports/s', 'p50 ms', 'p95 ms', 'peak RSS MiB', 'RSS growth', 'median KB', 'pages', '× floor'];
  const rows = report.phases.map((phase) => [
    phase.name,
    `${phase.reports}${phase.failed > 0 ? ` (${phase.failed} failed)` : ''}`,
    phase.seconds.toFixed(1),
    phase.reportsPerSecond.toFixed(1),
    phase.latencyMs.p50.toFixed(1),
    phase.latencyMs.p95.toFixed(1),
    String(phase.memory.peakRssMiB),
    `+${phase.memory.rssGrowthMiB}`,
    phase.sizeBytes ? kb(phase.sizeBytes.median) : '-',
    phase.pages ? String(phase.pages.median) : '-',
    phase.timesFloor === null ? '-' : phase.timesFloor.toFixed(2),
  ]);
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
  const { machine, dataset, ratios, floor } = report;
  const runs = dataset.runs.map((run, index) => `run ${index + 1} score ${run.portfolioScore ?? '-'}${run.backdatedDays > 0 ? ` (${run.backdatedDays} d ago)` : ' (now)'}`).join(', ');
  const sizes = report.phases.filter((phase) => phase.sizeBytes).map((phase) => `${phase.name} ${kb(phase.sizeBytes!.min)}–${kb(phase.sizeBytes!.max)} KB, ${phase.pages!.min}–${phase.pages!.max} pages`).join('; ');
  const topCalls = Object.entries(floor.calls).slice(0, 8).map(([method, count]) => `${method} ${Math.round(count / dataset.clients)}`).join(', ');
  const checks = floor.verified.map((check) => {
    const text = check.sameText === null ? 'text not compared' : check.sameText ? 'same text' : `TEXT DIFFERS at ${check.difference}`;
    const pages = check.popplerPages ? `pdfinfo ${check.popplerPages.renderer}/${check.popplerPages.replay} pages` : `${check.rendererPages}/${check.replayPages} pages`;
    return `client #${check.client} (${check.why}): ${pages}, ${text}, ${check.identical ? `byte-identical (${kb(check.bytes.renderer)} KB)` : `${kb(check.bytes.renderer)}/${kb(check.bytes.replay)} KB`}`;
  });
  process.stdout.write(
    [
      '',
      `== report generation: '${report.template.key}' (${report.template.name}, ${report.template.sections} sections) for ${dataset.clients} clients, one report at a time unless marked ×N`,
      `   machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; database: ${machine.database}`,
      `   dataset: ${dataset.clients} clients × ${dataset.assetsPerClient} assets; ${runs}; QBR marks for ${dataset.qbrMarks} clients; logo ${dataset.logo.width}×${dataset.logo.height} PNG (${kb(dataset.logo.bytes)} KB)`,
      `   setup ${report.setupSeconds.total} s; ${report.warmupReports} report${report.warmupReports === 1 ? '' : 's'} generated first to warm up (not counted); memory sampled every 50 ms${machine.exposeGc ? ', GC before each phase' : ' (no --expose-gc: no GC before phases)'}`,
      '',
      line(table[0]!),
      ...rows.map(line),
      '',
      `  ${ratioText('product / floor:', ratios.productOverFloor)}`,
      `  ${ratioText('render only / floor:', ratios.renderOverFloor)}`,
      ...(ratios.concurrentProductOverFloor ? [`  ${ratioText(`product ×${report.phases.find((phase) => phase.name.startsWith('product ×'))!.concurrency} / floor:`, ratios.concurrentProductOverFloor)}`] : []),
      `  sizes: ${sizes}`,
      `  floor: ${floor.callsPerReport.median} pdfkit calls per report (median; ${floor.callsPerReport.min}–${floor.callsPerReport.max}), most: ${topCalls}; ${floor.documentsPerRender.median} PDFDocument per render${floor.documentsPerRender.max > 1 ? ` (up to ${floor.documentsPerRender.max}; the returned one is replayed)` : ''}; recorded in ${floor.seconds} s (not timed), packed ${floor.packedMiB} MiB`,
      `  replay check: ${floor.faithful ? 'FAITHFUL' : 'NOT FAITHFUL'}: page counts ${floor.pageCountMismatches === 0 ? 'equal for every report' : `differ for ${floor.pageCountMismatches} reports`}; ${checks.join('; ')}${floor.note ? `; ${floor.note}` : ''}`,
      ...report.phases.filter((phase) => phase.failed > 0).map((phase) => `  ${phase.name}: ${phase.failed} FAILED, e.g. ${phase.failures[0]}`),
      `  process max RSS ${report.processMaxRssMiB} MiB. ${report.notes.join('. ')}.`,
      '',
    ].join('\n'),
  );
}

function ratioText(name: string, value: Ratio): string {
  return `${name} ${value.time.toFixed(2)}× the time per report, ${value.medianSize.toFixed(2)}× the median size${value.peakRssGrowth === null ? '' : `, ${value.peakRssGrowth.toFixed(2)}× the RSS growth`}`;
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function integer(name: string, fallback: number, minimum: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer of at least ${minimum}, got "${raw}"`);
  return value;
}
