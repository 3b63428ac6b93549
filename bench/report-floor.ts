import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import BarePdfDocument from 'pdfkit';

/**
 * The report benchmark's floor: the pdfkit calls the renderer makes, recorded while it draws a
 * document, then replayed on a fresh bare `PDFDocument` with the same constructor options. The
 * replay draws the same text and shapes with none of the renderer's work around them (gathering,
 * layout decisions, measuring), so it is the least any pdfkit renderer could spend on that PDF.
 *
 * Recording wraps the methods of PDFDocument.prototype (and of the objects its calls hand back:
 * outline items, gradients, tables) while a {@link PdfkitRecorder} is installed. Only top-level calls
 * are recorded: a depth counter skips the calls pdfkit makes from inside another call (text() calling
 * addPage on a page break, addPage calling transform ...), which the replayed outer call makes again.
 * Assignments to `doc.x`/`doc.y` between calls are recorded too (they steer where text goes), and so
 * are changes to the current page's margins (which decide page breaks). Calls a
 * 'pageAdded' listener of the renderer's makes are recorded per page and replayed from a listener
 * of the replay's own, so headers drawn that way are in the floor as well. Queries (widthOfString,
 * heightOfString, currentLineHeight ...) change nothing and are not replayed.
 *
 * The prototypes are restored by {@link PdfkitRecorder.uninstall}: the timed phases run on unwrapped
 * pdfkit. {@link ValuePacker} keeps recordings (and the gathered documents) compact and carries them
 * to the benchmark's child processes.
 */

/** A reference, in a recorded argument, to an object an earlier recorded call returned (or the document, 0; its outline root, 1). */
class ObjectRef {
  constructor(readonly id: number) {}
}

const DOCUMENT_ID = 0;
const OUTLINE_ID = 1;

interface CallStep {
  kind: 'call';
  target: number;
  method: string;
  args: unknown[];
  /** The id the returned object is known by in later steps; null when it returned the document, a primitive or nothing. */
  result: number | null;
}

interface SetStep {
  kind: 'set';
  target: number;
  property: string;
  value: unknown;
}

/** The renderer changed the current page's margins (`doc.page.margins.bottom = 0` before drawing a footer). */
interface MarginsStep {
  kind: 'margins';
  margins: Margins;
}

type Step = CallStep | SetStep | MarginsStep;

interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** One PDFDocument's life as the renderer drove it. */
export interface PdfRecording {
  /** The constructor's options, as passed. */
  options: PDFKit.PDFDocumentOptions;
  steps: Step[];
  /** Steps a renderer's 'pageAdded' listener made, by the page's index (0 is the constructor's first page). */
  pageAdded: Map<number, Step[]>;
  /** Whether the renderer ended this document (a measuring pass may not). */
  ended: boolean;
  /** Arguments kept by reference because they are neither plain data nor a recorded object (a count, for the report). */
  opaqueArguments: number;
}

export interface RecordingSummary {
  steps: number;
  pageAddedSteps: number;
  /** Recorded calls by method, e.g. `text: 412`. */
  calls: Record<string, number>;
  opaqueArguments: number;
}

/** Methods that only measure or read; the replay does not need them. */
const QUERIES = new Set([
  'bufferedPageRange',
  'currentLineHeight',
  'widthOfString',
  'boundsOfString',
  'heightOfString',
  'sizeToPoint',
  'toString',
  'getMarkInfoDictionary',
  'hasMarkInfoDictionary',
  'getStructTreeRoot',
  'getStructParentTree',
  'createStructParentTreeNextKey',
]);
/** Document properties the renderer may assign between calls; they steer the next text(). */
const TRACKED_PROPERTIES = ['x', 'y'] as const;
/** Buffers at least this long are packed once when their bytes are equal (logos). */
const INTERN_BYTES = 1024;

type Method = (this: object, ...args: unknown[]) => unknown;

interface DocumentState {
  recording: PdfRecording;
  /** Objects recorded calls returned, by identity, and the ids steps use for them. */
  ids: Map<object, number>;
  nextId: number;
  /** 'pageAdded' emissions so far, the constructor's first page included. */
  pages: number;
  /** Where steps go right now: the document's own list, or a 'pageAdded' listener's block. */
  sink: Step[];
  /** The current page and its margins after the last recorded call, to notice the renderer changing them. */
  page: unknown;
  margins: Margins | undefined;
}

function isMethod(value: unknown): value is Method {
  return typeof value === 'function';
}

/**
 * Whether pdfkit's constructor is still running: its calls (ref, init*, the first addPage) are the
 * replay constructor's too. It sets `_security` last before writing the header and adding the first
 * page; that addPage is the only one made with no page yet while autoFirstPage is on.
 */
function constructing(document: object, method: string): boolean {
  if (!Object.hasOwn(document, '_security')) return true;
  const options = Reflect.get(document, 'options') as PDFKit.PDFDocumentOptions | undefined;
  return method === 'addPage' && Reflect.get(document, 'page') === null && options?.autoFirstPage !== false;
}

function pageMargins(document: object): Margins | undefined {
  const page: unknown = Reflect.get(document, 'page');
  const margins: unknown = typeof page === 'object' && page !== null ? Reflect.get(page, 'margins') : undefined;
  if (typeof margins !== 'object' || margins === null) return undefined;
  const side = (name: keyof Margins) => Number(Reflect.get(margins, name));
  return { top: side('top'), bottom: side('bottom'), left: side('left'), right: side('right') };
}

function sameMargins(a: Margins, b: Margins): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}

function isRecordable(name: string): boolean {
  return !name.startsWith('_') && !name.startsWith('init') && name !== 'constructor' && !QUERIES.has(name);
}

/**
 * Records every PDFDocument made while installed. Install, render, take the recordings, uninstall.
 * One recorder at a time; the renderer must draw one document at a time while it records.
 */
export class PdfkitRecorder {
  private depth = 0;
  private readonly documents = new Map<object, DocumentState>();
  /** Non-document objects a recorded call returned, and the document they belong to. */
  private readonly owners = new WeakMap<object, DocumentState>();
  private readonly order: PdfRecording[] = [];
  private readonly restores: (() => void)[] = [];

  install(): void {
    if (this.restores.length > 0) throw new Error('The recorder is installed already');
    // The prototypes of the objects pdfkit hands back, found on a throwaway document made before any wrapping.
    const probe = new BarePdfDocument();
    const others = new Set<object>();
    for (const sample of [probe.outline, probe.linearGradient(0, 0, 1, 1), probe.radialGradient(0, 0, 0, 1, 1, 1), probe.table()]) {
      for (let prototype: object | null = Object.getPrototypeOf(sample) as object | null; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype) as object | null) {
        others.add(prototype);
      }
    }
    const documentPrototype: object = BarePdfDocument.prototype;
    this.wrapPrototype(documentPrototype, true);
    this.wrapEmit(documentPrototype);
    for (const prototype of others) this.wrapPrototype(prototype, false);
  }

  uninstall(): void {
    for (const restore of this.restores.splice(0).toReversed()) restore();
  }

  /** The documents recorded since the last call, oldest first. */
  take(): PdfRecording[] {
    const recordings = this.order.splice(0);
    this.documents.clear();
    return recordings;
  }

  private wrapPrototype(prototype: object, isDocument: boolean): void {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      if (!descriptor || !('value' in descriptor) || !isMethod(descriptor.value)) continue;
      const original = descriptor.value;
      const call = (target: object, args: unknown[]) => this.call(target, name, original, args, isDocument);
      const wrapped = function (this: object, ...args: unknown[]): unknown {
        return call(this, args);
      };
      Object.defineProperty(prototype, name, { ...descriptor, value: wrapped });
      this.restores.push(() => Object.defineProperty(prototype, name, descriptor));
    }
  }

  /** While a renderer's 'pageAdded' listener runs, its calls are top-level calls of their own, kept per page. */
  private wrapEmit(prototype: object): void {
    const own = Object.getOwnPropertyDescriptor(prototype, 'emit');
    const inherited = Reflect.get(prototype, 'emit') as Method;
    const emitting = (document: object, event: unknown, args: unknown[]): unknown => {
      const state = this.documents.get(document);
      if (event !== 'pageAdded' || !state) return inherited.call(document, event, ...args);
      const page = state.pages++;
      const block: Step[] = [];
      const [savedDepth, savedSink] = [this.depth, state.sink];
      this.depth = 0;
      state.sink = block;
      try {
        return inherited.call(document, event, ...args);
      } finally {
        this.depth = savedDepth;
        state.sink = savedSink;
        if (block.length > 0) state.recording.pageAdded.set(page, block);
      }
    };
    const emit = function (this: object, event: unknown, ...args: unknown[]): unknown {
      return emitting(this, event, args);
    };
    Object.defineProperty(prototype, 'emit', { value: emit, writable: true, configurable: true, enumerable: false });
    this.restores.push(() => {
      if (own) Object.defineProperty(prototype, 'emit', own);
      else Reflect.deleteProperty(prototype, 'emit');
    });
  }

  private call(target: object, name: string, original: Method, args: unknown[], isDocument: boolean): unknown {
    let state: DocumentState | undefined;
    let step: CallStep | undefined;
    if (this.depth === 0) {
      state = isDocument ? this.documentState(target) : this.ownerOf(target);
      if (state && isRecordable(name) && !(isDocument && constructing(target, name))) {
        const targetId = isDocument ? DOCUMENT_ID : state.ids.get(target);
        if (targetId !== undefined) {
          const margins = isDocument ? pageMargins(target) : undefined;
          if (margins && state.margins && Reflect.get(target, 'page') === state.page && !sameMargins(margins, state.margins)) state.sink.push({ kind: 'margins', margins });
          if (isDocument && name === 'end') {
            // Metadata set by assignment (doc.info.Title = ...) goes with the document.
            state.sink.push({ kind: 'set', target: DOCUMENT_ID, property: 'info', value: this.capture(Reflect.get(target, 'info'), state) });
            state.recording.ended = true;
          }
          step = { kind: 'call', target: targetId, method: name, args: args.map((arg) => this.capture(arg, state!)), result: null };
          state.sink.push(step);
        }
      }
    }
    this.depth += 1;
    let result: unknown;
    try {
      result = original.apply(target, args);
    } finally {
      this.depth -= 1;
    }
    if (step && state && isDocument) {
      state.page = Reflect.get(target, 'page');
      state.margins = pageMargins(target);
    }
    if (step && state && typeof result === 'object' && result !== null && !this.documents.has(result)) {
      const known = state.ids.get(result);
      if (known !== undefined) step.result = known;
      else {
        step.result = state.nextId++;
        state.ids.set(result, step.result);
        this.owners.set(result, state);
      }
    }
    return result;
  }

  /** The recording an outline item, gradient or table belongs to; the document's outline root is known by its place. */
  private ownerOf(target: object): DocumentState | undefined {
    const owner = this.owners.get(target);
    if (owner) return owner;
    const document: unknown = Reflect.get(target, 'document');
    const state = typeof document === 'object' && document !== null ? this.documents.get(document) : undefined;
    if (state && Reflect.get(document as object, 'outline') === target) {
      state.ids.set(target, OUTLINE_ID);
      this.owners.set(target, state);
      return state;
    }
    return undefined;
  }

  /** The document's recording, started the first time one of its methods runs inside its constructor; none for documents made before. */
  private documentState(document: object): DocumentState | undefined {
    const known = this.documents.get(document);
    if (known || Object.hasOwn(document, '_security')) return known;
    const recording: PdfRecording = { options: {}, steps: [], pageAdded: new Map(), ended: false, opaqueArguments: 0 };
    const state: DocumentState = { recording, ids: new Map(), nextId: OUTLINE_ID + 1, pages: 0, sink: recording.steps, page: undefined, margins: undefined };
    this.documents.set(document, state);
    recording.options = this.capture(Reflect.get(document, 'options') ?? {}, state) as PDFKit.PDFDocumentOptions;
    this.order.push(recording);
    for (const property of TRACKED_PROPERTIES) this.trackProperty(document, property, state);
    return state;
  }

  /** Turns `doc.x = ...` into a step when the renderer does it (not when pdfkit does it inside a call). */
  private trackProperty(document: object, property: string, state: DocumentState): void {
    let value: unknown = Reflect.get(document, property);
    Object.defineProperty(document, property, {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (next: unknown) => {
        if (this.depth === 0) state.sink.push({ kind: 'set', target: DOCUMENT_ID, property, value: next });
        value = next;
      },
    });
  }

  /** A copy of an argument as it is now: plain data copied, recorded objects as references, buffers and other objects as they are. */
  private capture(value: unknown, state: DocumentState): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (this.documents.get(value) === state) return new ObjectRef(DOCUMENT_ID);
    const id = state.ids.get(value);
    if (id !== undefined) return new ObjectRef(id);
    if (value instanceof Uint8Array) return value;
    if (value instanceof Date) return new Date(value.getTime());
    if (Array.isArray(value)) return value.map((item: unknown) => this.capture(item, state));
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.capture(item, state)]));
    }
    state.recording.opaqueArguments += 1;
    return value;
  }
}

export function summarize(recording: PdfRecording): RecordingSummary {
  const calls: Record<string, number> = {};
  let pageAddedSteps = 0;
  const count = (steps: Step[]) => {
    for (const step of steps) if (step.kind === 'call') calls[step.method] = (calls[step.method] ?? 0) + 1;
  };
  count(recording.steps);
  for (const block of recording.pageAdded.values()) {
    count(block);
    pageAddedSteps += block.length;
  }
  const sorted = Object.fromEntries(Object.entries(calls).toSorted((a, b) => b[1] - a[1]));
  return { steps: recording.steps.length, pageAddedSteps, calls: sorted, opaqueArguments: recording.opaqueArguments };
}

export interface ReplayedPdf {
  pdf: Buffer;
  pageCount: number;
}

/** Draws a recording on a new bare PDFDocument with the same options and returns the bytes it writes. */
export async function replay(recording: PdfRecording): Promise<ReplayedPdf> {
  // A copy: pdfkit keeps the options (and pages share their margins object), which the replay may change.
  const document = new BarePdfDocument(resolve(recording.options, new Map()) as PDFKit.PDFDocumentOptions);
  const objects = new Map<number, unknown>([
    [DOCUMENT_ID, document],
    [OUTLINE_ID, document.outline],
  ]);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done, reject) => {
    document.once('end', done);
    document.once('error', reject);
  });
  let pages = recording.options.autoFirstPage === false ? 0 : 1;
  document.on('pageAdded', () => {
    const block = recording.pageAdded.get(pages++);
    if (block) run(block, objects);
  });
  run(recording.steps, objects);
  if (!recording.ended) document.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pageCount: pages };
}

function run(steps: Step[], objects: Map<number, unknown>): void {
  for (const step of steps) {
    if (step.kind === 'margins') {
      // In place, as the renderer did: pdfkit may share one margins object between pages.
      Object.assign(Reflect.get(Reflect.get(objects.get(DOCUMENT_ID) as object, 'page') as object, 'margins') as object, step.margins);
      continue;
    }
    const target = objects.get(step.target);
    if (typeof target !== 'object' || target === null) throw new Error(`Replay: no object #${step.target} for ${step.kind === 'call' ? step.method : step.property}`);
    if (step.kind === 'set') {
      Reflect.set(target, step.property, resolve(step.value, objects));
      continue;
    }
    const method: unknown = Reflect.get(target, step.method);
    if (!isMethod(method)) throw new Error(`Replay: ${step.method} is not a method of object #${step.target}`);
    const result = method.apply(target, step.args.map((arg) => resolve(arg, objects)));
    if (step.result !== null) objects.set(step.result, result);
  }
}

/** References to replayed objects resolved; arrays and plain objects copied, since pdfkit may change what it is given. */
function resolve(value: unknown, objects: Map<number, unknown>): unknown {
  if (value instanceof ObjectRef) return objects.get(value.id);
  if (Array.isArray(value)) return value.map((item: unknown) => resolve(item, objects));
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, objects)]));
  }
  return value;
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Values packed to keep hundreds of them (documents, recordings of some 5,000 calls each) without
 * holding millions of objects, and to hand them to another process: JSON, deflated. Buffers (equal
 * ones once), fontkit fonts and other objects that are not plain data go to a table shared by
 * everything the packer packs, so a font is kept once.
 */
export class ValuePacker {
  private readonly shared: unknown[] = [];
  private readonly indexes = new Map<unknown, number>();
  private readonly byHash = new Map<string, number>();

  pack(value: unknown): Buffer {
    return deflateRawSync(JSON.stringify(this.toJson(value)), { level: 1 });
  }

  unpack(packed: Buffer): unknown {
    return this.fromJson(JSON.parse(inflateRawSync(packed).toString('utf8')));
  }

  packRecording(recording: PdfRecording): Buffer {
    return this.pack({ ...recording, pageAdded: [...recording.pageAdded] });
  }

  unpackRecording(packed: Buffer): PdfRecording {
    const plain = this.unpack(packed) as Omit<PdfRecording, 'pageAdded'> & { pageAdded: [number, Step[]][] };
    return { ...plain, pageAdded: new Map(plain.pageAdded) };
  }

  /**
   * Writes the shared table and `items` (packed by this packer) to one file another process reads
   * with {@link readPacked}: bytes as they are, a fontkit font as its file's bytes (parsed again
   * there). Throws on anything else, which cannot cross a process boundary.
   */
  write(file: string, items: readonly Buffer[]): void {
    const entries = this.shared.map((entry, index): { kind: SharedKind; data: Uint8Array } => {
      if (entry instanceof Uint8Array) return { kind: 'bytes', data: entry };
      const fontBytes = fontkitBytes(entry);
      if (fontBytes) return { kind: 'font', data: fontBytes };
      throw new Error(`Shared value #${index} (${describe(entry)}) cannot be written for another process`);
    });
    const header = Buffer.from(JSON.stringify({ shared: entries.map((entry) => entry.kind), items: items.length }));
    const frames = [header, ...entries.map((entry) => entry.data), ...items];
    const output = Buffer.allocUnsafe(frames.reduce((sum, frame) => sum + 4 + frame.length, 0));
    let offset = 0;
    for (const frame of frames) {
      offset = output.writeUInt32LE(frame.length, offset);
      output.set(frame, offset);
      offset += frame.length;
    }
    writeFileSync(file, output);
  }

  private toJson(value: unknown): unknown {
    if (value === undefined) return { $undefined: 1 };
    if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof ObjectRef) return { $ref: value.id };
    if (value instanceof Date) return { $date: value.getTime() };
    if (Array.isArray(value)) return value.map((item: unknown) => this.toJson(item));
    if (typeof value === 'object' && !(value instanceof Uint8Array) && isPlain(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.toJson(item)]));
    }
    return { $shared: this.share(value) };
  }

  private share(value: unknown): number {
    const known = this.indexes.get(value);
    if (known !== undefined) return known;
    let index: number | undefined;
    if (value instanceof Uint8Array && value.length >= INTERN_BYTES) {
      const hash = createHash('sha1').update(value).digest('hex');
      index = this.byHash.get(hash);
      if (index === undefined) {
        index = this.shared.push(Buffer.from(value)) - 1;
        this.byHash.set(hash, index);
      }
    } else {
      index = this.shared.push(value) - 1;
    }
    this.indexes.set(value, index);
    return index;
  }

  private fromJson(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item: unknown) => this.fromJson(item));
    if (value === null || typeof value !== 'object') return value;
    const marker = value as { $undefined?: number; $number?: string; $ref?: number; $date?: number; $shared?: number };
    if (marker.$undefined !== undefined) return undefined;
    if (marker.$number !== undefined) return Number(marker.$number);
    if (marker.$ref !== undefined) return new ObjectRef(marker.$ref);
    if (marker.$date !== undefined) return new Date(marker.$date);
    if (marker.$shared !== undefined) return this.shared[marker.$shared];
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.fromJson(item)]));
  }

  /** Rebuilds a packer's shared table in this process: fonts are parsed by this process's pdfkit. */
  static load(entries: readonly { kind: SharedKind; data: Buffer }[]): ValuePacker {
    const packer = new ValuePacker();
    for (const entry of entries) packer.shared.push(entry.kind === 'font' ? parseFont(entry.data) : entry.data);
    return packer;
  }
}

type SharedKind = 'bytes' | 'font';

/** Reads a file {@link ValuePacker.write} wrote: a packer that unpacks its items, and the items (views into the file's bytes). */
export function readPacked(file: string): { packer: ValuePacker; items: Buffer[] } {
  const bytes = readFileSync(file);
  const frames: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = bytes.readUInt32LE(offset);
    frames.push(bytes.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  const header = JSON.parse(frames[0]!.toString('utf8')) as { shared: SharedKind[]; items: number };
  const shared = header.shared.map((kind, index) => ({ kind, data: frames[1 + index]! }));
  const items = frames.slice(1 + shared.length);
  if (items.length !== header.items) throw new Error(`${file}: ${items.length} items, the header says ${header.items}`);
  return { packer: ValuePacker.load(shared), items };
}

/** A fontkit font's file bytes (fontkit keeps the whole file in `stream.buffer`); undefined for anything else. */
function fontkitBytes(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'object' || value === null || !('directory' in value) || !('stream' in value)) return undefined;
  const stream: unknown = value.stream;
  const buffer: unknown = typeof stream === 'object' && stream !== null ? Reflect.get(stream, 'buffer') : undefined;
  return buffer instanceof Uint8Array ? buffer : undefined;
}

/** Parses a font with pdfkit's own fontkit, as the renderer does: through a scratch document. */
function parseFont(bytes: Buffer): unknown {
  const scratch = new BarePdfDocument({ autoFirstPage: false });
  scratch.font(bytes);
  const font: unknown = Reflect.get(Reflect.get(scratch, '_font') as object, 'font');
  if (!fontkitBytes(font)) throw new Error('pdfkit parsed a font into something that is not a fontkit font');
  return font;
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const prototype: unknown = Object.getPrototypeOf(value);
  const constructor: unknown = typeof prototype === 'object' && prototype !== null ? Reflect.get(prototype, 'constructor') : undefined;
  return typeof constructor === 'function' ? `an instance of ${constructor.name || 'an anonymous class'}` : 'an object';
}
