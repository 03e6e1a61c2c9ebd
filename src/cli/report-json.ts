import { ObligationReport, Report, TaskReport } from '../engine';

/** Lists written one item per line. */
const ONE_PER_LINE = new Set<string>(['tasks', 'findings']);
const CHUNK_BYTES = 1 << 20;

/**
 * The --json report as UTF-8 bytes, in chunks to write one after the other. The report's own fields
 * are indented as usual; each task and each finding is one line of compact JSON. A 100k-row table
 * thus gives a file of 100k task lines a clerk can grep or diff, and no single string of 100 MB is
 * ever built. Each line is exactly what JSON.stringify makes of the task.
 */
export function* reportJsonChunks(report: Report): Generator<Uint8Array> {
  const out = new ChunkWriter();
  out.text('{');
  let first = true;
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    out.text(`${first ? '' : ','}\n  ${JSON.stringify(key)}: `);
    first = false;
    if (!(ONE_PER_LINE.has(key) && Array.isArray(value) && value.length > 0)) {
      out.text(JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')); // a JSON text has no raw line breaks inside strings
      continue;
    }
    out.text('[\n    ');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.text(',\n    ');
      if (key === 'tasks') writeTask(out, value[i] as TaskReport);
      else out.text(JSON.stringify(value[i]));
      if (out.full()) yield out.take();
    }
    out.text('\n  ]');
  }
  out.text('\n}\n');
  yield out.take();
}

/**
 * A value serialised with a placeholder where `key` goes, split around it. The placeholder serialises
 * as `"key":"\u0000"`, which cannot occur inside a JSON string (its quotes would be escaped), so the
 * split is exact and keeps the key in its place.
 */
function around(value: object, key: string): [string, string] {
  const json = JSON.stringify({ ...value, [key]: HOLE });
  const name = `${JSON.stringify(key)}:`;
  const valueAt = json.indexOf(name + HOLE_JSON) + name.length;
  return [json.slice(0, valueAt), json.slice(valueAt + HOLE_JSON.length)];
}

const HOLE = '\u0000';
const HOLE_JSON = JSON.stringify(HOLE);

/**
 * A task line. Most of a recurring obligation's text is its list of periods, and thousands of tasks
 * share one frozen list (the judge hands out one verdict per record): that list is serialised and
 * encoded once and copied as bytes. Everything else is JSON.stringify's own output.
 */
function writeTask(out: ChunkWriter, task: TaskReport): void {
  if (!task.obligations.some((o) => o.periods !== undefined)) {
    out.text(JSON.stringify(task));
    return;
  }
  const [head, tail] = around(task, 'obligations');
  out.text(head);
  out.text('[');
  task.obligations.forEach((o, i) => {
    if (i > 0) out.text(',');
    writeObligation(out, o);
  });
  out.text(']');
  out.text(tail);
}

function writeObligation(out: ChunkWriter, o: ObligationReport): void {
  if (o.periods === undefined) {
    out.text(JSON.stringify(o));
    return;
  }
  const [head, tail] = around(o, 'periods');
  out.text(head);
  out.bytes(periodsJson(o.periods));
  out.text(tail);
}

const periodsBytes = new WeakMap<object, Uint8Array>();

function periodsJson(periods: NonNullable<ObligationReport['periods']>): Uint8Array {
  let bytes = periodsBytes.get(periods);
  if (bytes === undefined) periodsBytes.set(periods, (bytes = Buffer.from(JSON.stringify(periods))));
  return bytes;
}

/** UTF-8 bytes gathered into chunks of about CHUNK_BYTES, encoded straight into the chunk. */
class ChunkWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
  private length = 0;

  text(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.room(s.length * 3);
    this.length += this.buffer.write(s, this.length);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buffer.set(b, this.length);
    this.length += b.length;
  }

  full(): boolean {
    return this.length >= CHUNK_BYTES;
  }

  /** The bytes so far; the writer starts a new chunk (the one handed out is never written again). */
  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
    this.length = 0;
    return chunk;
  }

  private room(needed: number): void {
    if (this.length + needed <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}
