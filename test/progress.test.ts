import { progressBar } from '../src/cli/progress';

function stream(isTTY: boolean): { s: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const s = { isTTY, write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WriteStream;
  return { s, text: () => out };
}

describe('progress bar', () => {
  test('draws each stage on a terminal for a large file, and erases itself', () => {
    const t = stream(true);
    const bar = progressBar(10 * 1024 * 1024, 'zh', t.s);
    bar.stage('read');
    bar.stage('write');
    bar.done();
    expect(t.text()).toContain('读取');
    expect(t.text()).toContain('写入');
    expect(t.text().endsWith('\r')).toBe(true);
  });

  test('prints nothing when output is not a terminal, or the file is small', () => {
    for (const [tty, size] of [
      [false, 10 * 1024 * 1024],
      [true, 1000],
    ] as const) {
      const t = stream(tty);
      const bar = progressBar(size, 'en', t.s);
      bar.stage('read');
      bar.done();
      expect(t.text()).toBe('');
    }
  });
});
