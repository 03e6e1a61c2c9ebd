/** A line for the user; may return a promise that settles once the line is out (stdout's backpressure). */
export type Out = ((s: string) => unknown) & {
  /** Raw bytes to the same place, each chunk written once the last has drained. */
  chunks?: (chunks: Iterable<Uint8Array>) => Promise<void>;
};

/** A reader that went away (luoshi … --json - | head) ends the output quietly, as for other command-line tools. */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);
const watched = new WeakSet<NodeJS.WritableStream>();

/** Writes to `stream` and waits until the OS has the bytes, so a slow pipe gets everything. */
function writeFlushed(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  if (!watched.has(stream)) {
    watched.add(stream);
    // The failure also reaches the write callback below; without a listener it would be thrown.
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (!READER_GONE.has(e.code ?? '')) throw e;
    });
  }
  return new Promise((resolve, reject) => {
    stream.write(data, (e?: Error | null) => {
      if (!e || READER_GONE.has((e as NodeJS.ErrnoException).code ?? '')) resolve();
      else reject(e);
    });
  });
}

function streamOut(stream: NodeJS.WritableStream): Out {
  const out: Out = (s) => writeFlushed(stream, s + '\n');
  out.chunks = async (chunks) => {
    for (const chunk of chunks) await writeFlushed(stream, chunk);
  };
  return out;
}

export const stdoutLine: Out = streamOut(process.stdout);
export const stderrLine: Out = streamOut(process.stderr);

/** The JSON chunks to `out` as raw bytes where it takes them, else as one text. */
export async function outJson(out: Out, chunks: Iterable<Uint8Array>): Promise<void> {
  if (out.chunks) await out.chunks(chunks);
  else
    await out(
      Buffer.concat([...chunks])
        .toString('utf8')
        .trimEnd(),
    );
}
