import { parseArgs as nodeParseArgs } from 'util';

/**
 * Command-line options through Node's own parser, `util.parseArgs`, in strict mode: an unknown option,
 * a missing value or a value given to a switch is a UsageError, never silently ignored; `--` ends the
 * options (a file may be called --help). https://nodejs.org/docs/latest-v20.x/api/util.html#utilparseargsconfig
 */

export class UsageError extends Error {}

/** One option: `string` takes a value (`multiple` keeps every one, else the last wins), `boolean` is a switch. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One-letter alias: `-o` for `--output`. */
  short?: string;
  multiple?: boolean;
}

/** Options by long name without dashes: `{ output: { type: 'string', short: 'o' } }` reads `--output X`, `-o X`. */
export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  /** Everything that is not an option, in order (and everything after `--`). */
  positional: string[];
  /** By long name: the value (the last one given), `true` for a switch, an array for `multiple`. */
  values: Record<string, string | boolean | string[] | undefined>;
}

/** A negative number (`-1`) is a value or a text, never an option: no option of ours is a digit. */
const NEGATIVE_NUMBER = /^-\d/;

/**
 * Parses `argv` (the words after the command) against `specs`. Throws UsageError with an English text
 * ("unknown option --bogus", "--json needs a value") that main() puts into its one zh | en line.
 */
export function parseArgs(argv: string[], specs: OptionSpecs): ParsedArgs {
  // util.parseArgs reads `-1` as the short option "1": such words are passed through in disguise,
  // so `--warn-days -1` reaches the option's own check and `explain -3` is a text, as before.
  const end = argv.indexOf('--');
  const hidden = new Map<string, string>();
  const args = argv.map((a, i) => {
    if ((end >= 0 && i > end) || !NEGATIVE_NUMBER.test(a)) return a;
    const key = `\u0000${i}`;
    hidden.set(key, a);
    return key;
  });
  const reveal = (s: string) => hidden.get(s) ?? s;
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args, options: specs, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(problemOf(args, specs, reveal) ?? (e instanceof Error ? e.message : String(e)));
  }
  const values: ParsedArgs['values'] = {};
  for (const [name, value] of Object.entries(parsed.values))
    values[name] = Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? reveal(v) : String(v)))
      : typeof value === 'string'
        ? reveal(value)
        : value;
  return { positional: parsed.positionals.map(reveal), values };
}

/**
 * What strict parsing refused, in our words: the same arguments read leniently, token by token (Node's
 * own message is English only and its wording is not an interface).
 */
function problemOf(args: string[], specs: OptionSpecs, reveal: (s: string) => string): string | undefined {
  const { tokens } = nodeParseArgs({ args, options: specs, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    if (!spec) return `unknown option ${t.rawName}`;
    if (spec.type === 'boolean' && t.value !== undefined) return `${t.rawName} takes no value`;
    if (spec.type === 'string' && t.value === undefined) return `${t.rawName} needs a value`;
    // `--json --quiet`: a value that looks like an option is most likely a forgotten value.
    if (spec.type === 'string' && !t.inlineValue && /^-./.test(reveal(t.value!)) && !hiddenKey(t.value!))
      return `${t.rawName} needs a value (write ${t.rawName}=${t.value} if that is the value)`;
  }
  return undefined;
}

function hiddenKey(s: string): boolean {
  return s.startsWith('\u0000');
}

/** A value option's text, or undefined when not given. */
export function text(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a `multiple` option, in order ([] when not given). */
export function texts(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** Whether a switch was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
