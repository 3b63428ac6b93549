/**
 * The report benchmark's child processes (started by report.bench.ts, not by hand), so the renderer
 * alone and the bare-pdfkit floor each run in a fresh process of their own: their peak RSS is what
 * that work needs, not what the app and the phases before left behind.
 *
 *   node dist-bench/bench/report-child.js render <documents file> <work dir> <warm-up> <check indices>
 *     renderReport on every gathered document (timed), then once more each with the pdfkit calls
 *     recorded (not timed): writes the recordings, the PDFs of the check indices and render.json.
 *   node dist-bench/bench/report-child.js floor <recordings file> <work dir> <warm-up>
 *     replays every recording on a bare PDFDocument (timed): writes floor.json.
 *
 * Inputs are packed (bench/report-floor.ts, ValuePacker); unpacking one is left out of the time.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ReportDocument } from '../src/reports/model/report-model.js';
import { renderReport } from '../src/reports/render/render-report.js';
import { PdfkitRecorder, readPacked, replay, type RecordingSummary, summarize, ValuePacker } from './report-floor.js';
import { FLOOR_RESULT, type FloorChildResult, log, measure, originalPdf, RECORDINGS_FILE, RENDER_RESULT, type RenderChildResult, round, spread } from './report-measure.js';

const [mode, input, workDirectory, warmupArgument, checksArgument] = process.argv.slice(2);

try {
  if (!input || !workDirectory || !warmupArgument) throw new Error('usage: report-child.js render|floor <input> <work dir> <warm-up> [check indices]');
  const warmup = Number(warmupArgument);
  if (mode === 'render') await renderChild(input, workDirectory, warmup, (checksArgument ?? '').split(',').filter(Boolean).map(Number));
  else if (mode === 'floor') await floorChild(input, workDirectory, warmup);
  else throw new Error(`unknown mode "${mode}"`);
} catch (error) {
  process.stderr.write(`report (${mode ?? '?'} child): FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}

async function renderChild(documentsFile: string, work: string, warmup: number, checks: number[]): Promise<void> {
  const { packer, items } = readPacked(documentsFile);
  const document = (packed: Buffer) => packer.unpack(packed) as ReportDocument;
  for (const packed of items.slice(0, warmup)) await renderReport(document(packed));
  const render = await measure('render', 'renderReport(document) alone, on the gathered documents', 'child', items, 1, async (packed, _index, clock) => {
    const gathered = document(packed);
    clock.restart();
    const { pdf, pageCount } = await renderReport(gathered);
    return { bytes: pdf.length, pages: pageCount };
  });

  log(`recording the renderer's pdfkit calls for ${items.length} reports (not timed)...`);
  const started = performance.now();
  const recorder = new PdfkitRecorder();
  const recordingPacker = new ValuePacker();
  const recordings: Buffer[] = [];
  const summaries: RecordingSummary[] = [];
  const documentsPerRender: number[] = [];
  recorder.install();
  try {
    for (const [index, packed] of items.entries()) {
      const { pdf } = await renderReport(document(packed));
      const made = recorder.take();
      documentsPerRender.push(made.length);
      const returned = made.findLast((recording) => recording.ended) ?? made.at(-1);
      if (!returned) throw new Error(`Rendering report ${index} made no PDFDocument the recorder saw`);
      summaries.push(summarize(returned));
      recordings.push(recordingPacker.packRecording(returned));
      if (checks.includes(index)) writeFileSync(originalPdf(work, index), pdf);
    }
  } finally {
    recorder.uninstall();
  }
  recordingPacker.write(path.join(work, RECORDINGS_FILE), recordings);
  const calls: Record<string, number> = {};
  for (const summary of summaries) for (const [method, count] of Object.entries(summary.calls)) calls[method] = (calls[method] ?? 0) + count;
  const result: RenderChildResult = {
    ...render,
    recording: {
      documentsPerRender: spread(documentsPerRender),
      seconds: round((performance.now() - started) / 1000, 1),
      packedMiB: round(recordings.reduce((sum, packed) => sum + packed.length, 0) / 2 ** 20, 1),
      callsPerReport: spread(summaries.map((summary) => summary.steps + summary.pageAddedSteps)),
      calls: Object.fromEntries(Object.entries(calls).toSorted((a, b) => b[1] - a[1])),
      pageAddedSteps: summaries.reduce((sum, summary) => sum + summary.pageAddedSteps, 0),
      opaqueArguments: summaries.reduce((sum, summary) => sum + summary.opaqueArguments, 0),
    },
  };
  writeFileSync(path.join(work, RENDER_RESULT), JSON.stringify(result));
}

async function floorChild(recordingsFile: string, work: string, warmup: number): Promise<void> {
  const { packer, items } = readPacked(recordingsFile);
  for (const packed of items.slice(0, warmup)) await replay(packer.unpackRecording(packed));
  const floor = await measure('floor', 'bare pdfkit: the recorded calls replayed on a new PDFDocument with the same options', 'child', items, 1, async (packed, _index, clock) => {
    const recording = packer.unpackRecording(packed);
    clock.restart();
    const { pdf, pageCount } = await replay(recording);
    return { bytes: pdf.length, pages: pageCount };
  });
  const result: FloorChildResult = floor;
  writeFileSync(path.join(work, FLOOR_RESULT), JSON.stringify(result));
}
