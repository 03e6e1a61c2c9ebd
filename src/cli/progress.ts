import { SingleBar } from 'cli-progress';
import { Lang } from '../engine';
import { Stage } from '../xlsx/checked-workbook';
import { oneLine } from './display';

/** Files from this size on show a progress bar (on a terminal only): below it the run is too quick to need one. */
const LARGE_FILE = 2 * 1024 * 1024;

const STAGES: Record<Stage, { at: number; zh: string; en: string }> = {
  read: { at: 0, zh: '读取', en: 'Reading' },
  judge: { at: 0.35, zh: '校验', en: 'Judging' },
  write: { at: 0.55, zh: '写入', en: 'Writing' },
  verify: { at: 0.85, zh: '核对', en: 'Verifying' },
};

/** A one-line bar on stderr, redrawn per stage; nothing at all when stderr is not a terminal. */
export function progressBar(
  bytes: number,
  lang: Lang,
  stream: NodeJS.WriteStream = process.stderr,
): { stage: (s: Stage) => void; done: () => void } {
  if (!stream.isTTY || bytes < LARGE_FILE) return { stage: () => {}, done: () => {} };
  const width = 24;
  let shown = false;
  return {
    stage(s) {
      const filled = Math.round(STAGES[s].at * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${STAGES[s][lang]}…   `);
      shown = true;
    },
    done() {
      if (shown) stream.write(`\r${' '.repeat(width + 20)}\r`);
    },
  };
}

/** What a run over several workbooks shows: the bar, and a way to print a line without tearing it. */
export interface FilesProgress {
  /** The file now being worked on (named after the bar). */
  working(file: string): void;
  /** Erases the bar before a line is printed (the bar comes back with the next step). */
  clear(): void;
  /** One more file done. */
  step(): void;
  /** Takes the bar away for good. */
  done(): void;
}

const NO_PROGRESS: FilesProgress = { working: () => {}, clear: () => {}, step: () => {}, done: () => {} };

/**
 * A bar over `total` workbooks on stderr (cli-progress, https://www.npmjs.com/package/cli-progress:
 * SingleBar with a `{file}` payload token, cleared on stop), only on a terminal and for two or more
 * files: in a pipe or a test nothing at all is written and no timer runs.
 */
export function filesProgress(total: number, lang: Lang, stream: NodeJS.WriteStream = process.stderr): FilesProgress {
  if (!stream.isTTY || total < 2) return NO_PROGRESS;
  const bar = new SingleBar({
    stream,
    format: `[{bar}] {value}/{total} ${lang === 'zh' ? '个文件' : 'files'}  {file}`,
    barsize: 24,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    clearOnComplete: true,
    hideCursor: true,
  });
  let file = '';
  bar.start(total, 0, { file });
  return {
    working(name) {
      file = oneLine(name, 40);
      bar.update({ file });
    },
    clear() {
      stream.write('\r\u001b[K');
    },
    step() {
      bar.increment(1, { file });
    },
    done() {
      bar.stop();
    },
  };
}
