import { parseArgs } from "node:util";
import { nearest } from "./mocks/http/nearest-name.js";

/** A flag that takes a value (`--port 8787` or `--port=8787`), also read from its environment variable. */
export interface ValueFlag<T> {
  readonly kind: "value";
  /** What the value looks like in --help: "N", "PATH", "enforce|off". */
  readonly placeholder: string;
  /** One paragraph for --help (wrapped there), ending with its default. */
  readonly help: string;
  /** The value, or an Error saying what is wrong with it; `source` is the flag or variable it came from. */
  parse(text: string, source: string): T;
}

/** A flag without a value (`--check`). Switches have no environment variable. */
export interface SwitchFlag {
  readonly kind: "switch";
  readonly help: string;
}

export type Flag = ValueFlag<unknown> | SwitchFlag;

/** A command's flags by name (without the dashes), in the order --help lists them. */
export type FlagTable = Readonly<Record<string, Flag>>;

export const valueFlag = <T>(placeholder: string, help: string, parse: (text: string, source: string) => T): ValueFlag<T> => ({
  kind: "value",
  placeholder,
  help,
  parse,
});

export const switchFlag = (help: string): SwitchFlag => ({ kind: "switch", help });

/** The one rule naming a flag's environment variable: `--state-file` reads PROMO_SANDBOX_STATE_FILE. */
export const envName = (flag: string): string => `PROMO_SANDBOX_${flag.toUpperCase().replaceAll("-", "_")}`;

/** Every variable the sandbox reads starts with this. */
export const ENV_PREFIX = "PROMO_SANDBOX_";

/** What a command is given: its flags' values (flag first, then variable), and its arguments. */
export interface CommandInput {
  /** The flag's value, from the command line or else its variable; undefined when neither is set. */
  value<T>(flag: ValueFlag<T>): T | undefined;
  /** Whether the switch was given. */
  on(flag: SwitchFlag): boolean;
  /** The words after the command that are not flags. */
  readonly args: readonly string[];
}

/** One subcommand: a row of the command table (src/cli-commands.ts), listed by --help from its usage lines. */
export interface CliCommand {
  readonly name: string;
  /** --help's lines for it: what follows `promo-sandbox `, and what that does. */
  readonly usage: readonly (readonly [synopsis: string, what: string])[];
  readonly flags: FlagTable;
  /** Its arguments as --help names them ("<pact files or folders...>"); absent: it takes none. */
  readonly takesArguments?: string;
  /** The exit code, or -1 to keep the process running (a server). */
  run(input: CommandInput): Promise<number>;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS = {
  help: { short: "h", help: "this text" },
  version: { short: "v", help: "print the version" },
} as const;

/** What the command line asks for: help, the version, or a command with its input. */
export type Invocation = { kind: "help" } | { kind: "version" } | { kind: "run"; command: CliCommand; input: CommandInput };

const SEE_HELP = "see promo-sandbox --help";

/** The end of a refusal: the nearest known name if one is close, and where to look. */
const hint = (found: string | undefined, render: (name: string) => string = (name) => name): string =>
  found === undefined ? `; ${SEE_HELP}` : `; did you mean ${render(found)}? See promo-sandbox --help`;

/**
 * Reads the command line: the command is the first word when it does not start with "-" (default
 * `defaultCommand`), then its flags. Throws an Error naming the unknown command or flag (with the nearest
 * known one) or the bad value (naming the flag or variable it came from): the CLI exits 2 on it.
 */
export function parseCommandLine(
  argv: readonly string[],
  commands: readonly CliCommand[],
  env: Readonly<Record<string, string | undefined>>,
  defaultCommand = "start",
): Invocation {
  const first = argv[0];
  const named = first !== undefined && !first.startsWith("-");
  const commandName = named ? first : defaultCommand;
  const command = commands.find((candidate) => candidate.name === commandName);
  if (command === undefined) {
    const names = commands.map((candidate) => candidate.name);
    throw new Error(`unknown command "${commandName}" (commands: ${names.join(", ")})${hint(nearest(commandName, names), (name) => `"${name}"`)}`);
  }
  const flags = Object.entries(command.flags);
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, flag] of flags) options[name] = { type: flag.kind === "value" ? "string" : "boolean" };
  for (const [name, global] of Object.entries(GLOBAL_FLAGS)) options[name] = { type: "boolean", short: global.short };
  const { tokens } = parseArgs({ args: named ? argv.slice(1) : [...argv], options, strict: false, allowPositionals: true, tokens: true });

  const given = new Map<Flag, { text: string; source: string }>();
  const switches = new Set<Flag>();
  const args: string[] = [];
  let asked: "help" | "version" | undefined;
  for (const token of tokens) {
    if (token.kind === "positional") args.push(token.value);
    if (token.kind !== "option") continue;
    if (token.name === "help" || token.name === "version") {
      if (token.value !== undefined) throw new Error(`${token.rawName} takes no value; ${SEE_HELP}`);
      asked ??= token.name;
      continue;
    }
    const flag = command.flags[token.name];
    if (flag === undefined) throw new Error(unknownFlag(token.rawName, command, commands));
    if (flag.kind === "switch") {
      if (token.value !== undefined) throw new Error(`${token.rawName} takes no value; ${SEE_HELP}`);
      switches.add(flag);
      continue;
    }
    const shape = `${token.rawName} ${flag.placeholder}`;
    if (token.value === undefined) throw new Error(`${token.rawName} needs a value (${shape}); ${SEE_HELP}`);
    if (!token.inlineValue && token.value.startsWith("-") && token.value !== "-") {
      throw new Error(`${token.rawName} needs a value (${shape}), got the flag "${token.value}"; a value that starts with "-" goes as ${token.rawName}=${token.value}`);
    }
    given.set(flag, { text: token.value, source: token.rawName });
  }
  if (asked !== undefined) return { kind: asked };
  if (args.length > 0 && command.takesArguments === undefined) {
    throw new Error(`${command.name} takes no arguments, got "${args.join(" ")}"; ${SEE_HELP}`);
  }
  for (const [name, flag] of flags) {
    const variable = envName(name);
    const text = env[variable];
    // An empty variable counts as unset (`docker run -e X=` and compose files write those).
    if (flag.kind === "value" && !given.has(flag) && text !== undefined && text !== "") given.set(flag, { text, source: variable });
  }
  // Every value is checked now, before the command starts, so a bad one stops it with nothing begun.
  for (const [flag, { text, source }] of given) if (flag.kind === "value") flag.parse(text, source);

  const input: CommandInput = {
    value<T>(flag: ValueFlag<T>): T | undefined {
      const found = given.get(flag);
      return found === undefined ? undefined : flag.parse(found.text, found.source);
    },
    on: (flag) => switches.has(flag),
    args,
  };
  return { kind: "run", command, input };
}

/** Why a flag is refused: another command's, or the nearest of this command's, or none close. */
function unknownFlag(rawName: string, command: CliCommand, commands: readonly CliCommand[]): string {
  const bare = rawName.replace(/^-+/, "");
  const owner = commands.find((other) => other !== command && Object.hasOwn(other.flags, bare));
  if (owner !== undefined) return `${rawName} is a flag of the ${owner.name} command, not of ${command.name}; ${SEE_HELP}`;
  const known = [...Object.keys(command.flags), ...Object.keys(GLOBAL_FLAGS)];
  return `unknown flag ${rawName}${hint(nearest(bare, known), (name) => `--${name}`)}`;
}

/**
 * The variables under PROMO_SANDBOX_ that no command reads (a typo would otherwise be ignored in silence),
 * each with a warning naming the nearest one that exists.
 */
export function unknownVariables(commands: readonly CliCommand[], env: Readonly<Record<string, string | undefined>>): string[] {
  const known = [...commands.flatMap((command) => Object.entries(command.flags).flatMap(([name, flag]) => (flag.kind === "value" ? [envName(name)] : [])))];
  return Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX) && !known.includes(name))
    .map((name) => `${name} is not a variable promo-sandbox reads, so it is ignored${hint(nearest(name, known))}`);
}
