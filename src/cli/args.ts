/** A small, strict argument parser: unknown flags are errors, never silently ignored. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
}

export class UsageError extends Error {}

/** `spec` maps each flag to whether it takes a value. Short aliases map to the long name. */
export function parseArgs(
  argv: string[],
  spec: Record<string, boolean>,
  aliases: Record<string, string> = {},
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      const [rawName, inline] =
        arg.includes('=') && arg.startsWith('--')
          ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
          : [arg, undefined];
      const name = aliases[rawName] ?? rawName;
      if (!(name in spec)) throw new UsageError(`unknown option ${rawName}`);
      const list = flags.get(name) ?? [];
      if (spec[name]) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`${rawName} needs a value`);
        list.push(value);
      } else list.push('true');
      flags.set(name, list);
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function last(args: ParsedArgs, name: string): string | undefined {
  const list = args.flags.get(name);
  return list ? list[list.length - 1] : undefined;
}
