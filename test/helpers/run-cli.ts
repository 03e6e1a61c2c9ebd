import { main } from '../../src/cli/main';

/** Runs `luoshi ARGV…` in this process, as a user at a terminal sees it: exit code and both streams as text. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  );
  return { code, out, err };
}
