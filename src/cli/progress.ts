import { Lang } from '../engine';
import { Stage } from '../xlsx/checked-workbook';

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
