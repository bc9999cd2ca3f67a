import { envName, GLOBAL_FLAGS, type CliCommand } from "./cli-args.js";
import { COMMANDS } from "./cli-commands.js";
import type { ProviderPlug } from "./mocks/plug.js";
import { VERSION } from "./version.js";

const WIDTH = 110;
/** Where a flag's explanation starts. */
const FLAG_COLUMN = 31;
/** Where a command's explanation starts (a longer synopsis puts it on the next line). */
const USAGE_COLUMN = 38;

/** `text` broken into lines of at most `WIDTH` characters, each but the first indented to `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}

/** `left` padded to `column`, then `right` wrapped under it (on the next line when `left` is too wide). */
function row(left: string, right: string, column: number): string {
  const head = left.length + 2 <= column ? left.padEnd(column) : `${left}\n${" ".repeat(column)}`;
  return `${head}${wrap(right, column)}`;
}

function commandOptions(command: CliCommand): string {
  const rows = Object.entries(command.flags).map(([name, flag]) =>
    flag.kind === "value" ? row(`  --${name} ${flag.placeholder}`, `${flag.help} [${envName(name)}]`, FLAG_COLUMN) : row(`  --${name}`, flag.help, FLAG_COLUMN),
  );
  return `Options for ${command.name}:\n${rows.join("\n")}\n`;
}

/**
 * `promo-sandbox --help`, from the command table (src/cli-commands.ts) and the providers' plugs
 * (src/providers.ts): every command, every flag and the variable each flag also reads.
 */
export function helpText(providers: readonly ProviderPlug[], commands: readonly CliCommand[] = COMMANDS): string {
  const served = providers.map((plug) => `  ${plug.servedAt}`).join("\n");
  const usage: (readonly [string, string])[] = [
    ...commands.flatMap((command) => command.usage),
    ["--version, -v", GLOBAL_FLAGS.version.help],
    ["--help, -h", GLOBAL_FLAGS.help.help],
  ];
  const options = commands.filter((command) => Object.keys(command.flags).length > 0).map(commandOptions);
  return `promo-sandbox ${VERSION}: a stateful sandbox of promotion and affiliate provider APIs.

Providers:
${served}
  the control plane under /__sandbox/ (tokens, clock, settings, state, journal, events, provider helpers)

Usage:
${usage.map(([synopsis, what]) => row(`  promo-sandbox ${synopsis}`, what, USAGE_COLUMN)).join("\n")}

${options.join("\n")}
Environment: every option that takes a value may come instead from the variable in brackets, PROMO_SANDBOX_
and the option's name in capitals with "_" for "-" (--state-file: PROMO_SANDBOX_STATE_FILE); the option wins
over the variable, an empty variable counts as unset, and a bad value is refused naming the variable.
`;
}
