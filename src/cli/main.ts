import { VERSION } from '../engine';
import { clearCommand } from './commands/clear';
import { explainCommand } from './commands/explain';
import { mergeCommand } from './commands/merge';
import { splitCommand } from './commands/split';
import { validateCommand } from './commands/validate';
import { fail, failureLine, failureOf } from './exit';
import { Command, COMMANDS, helpText } from './messages';
import { Out, stderrLine, stdoutLine } from './out';

export type { Out } from './out';

const isCommand = (word: string | undefined): word is Command => COMMANDS.includes(word as Command);

/** The help in both languages, Chinese first: for every command, or for one. */
function help(command?: Command): string {
  return `${helpText('zh', command)}\n\n${helpText('en', command)}`;
}

/**
 * Runs one command. `out` gets the lines for the user (and the --json - report), `warn` the warnings;
 * both default to stdout/stderr with backpressure. Returns the exit code; throws on bad input.
 */
export async function run(argv: string[], out: Out = stdoutLine, warn: Out = stderrLine): Promise<number> {
  const [command, ...rest] = argv;
  // Every usage error says "see --help": it works after a command too (luoshi validate --help),
  // but not after `--`, where options end (a file may be called --help).
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) {
    await out(help(isCommand(command) ? command : undefined));
    return 0;
  }
  switch (command) {
    case 'validate':
      return validateCommand(rest, out, warn);
    case 'split':
      return splitCommand(rest, out, warn);
    case 'merge':
      return mergeCommand(rest, out, warn);
    case 'explain':
      return explainCommand(rest, out);
    case 'clear':
      return clearCommand(rest, out, warn);
    case '--version':
    case '-v':
      await out(VERSION);
      return 0;
    case 'help':
      if (rest.length > 0 && !isCommand(rest[0])) return unknown(rest[0]);
      await out(help(isCommand(rest[0]) ? rest[0] : undefined));
      return 0;
    case undefined:
    case '--help':
    case '-h':
      await out(help());
      return command === undefined ? 2 : 0;
    default:
      return unknown(command);
  }
}

function unknown(command: string): never {
  return fail(
    `未知命令“${command}”，可用：${COMMANDS.join('、')}（--help 查看用法）`,
    `Unknown command "${command}"; use ${COMMANDS.slice(0, -1).join(', ')} or ${COMMANDS.at(-1)} (--help for usage)`,
  );
}

/** Runs the CLI and turns every failure into one line and an exit code. */
export async function main(argv: string[], out: Out = stdoutLine, err: Out = stderrLine): Promise<number> {
  try {
    return await run(argv, out, err);
  } catch (e) {
    const { messages, code } = failureOf(e);
    await err(failureLine(messages));
    return code;
  }
}

/**
 * The command line: sets the exit code and lets Node end by itself, never process.exit — that would
 * cut off what stdout still has to write into a pipe (a --json - report past 64 KB).
 */
export async function cli(argv: string[]): Promise<void> {
  process.exitCode = await main(argv);
}

if (require.main === module) void cli(process.argv.slice(2));
