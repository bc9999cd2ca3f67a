#!/usr/bin/env node
import { parseCommandLine, unknownVariables } from "./cli-args.js";
import { COMMANDS } from "./cli-commands.js";
import { helpText } from "./cli-help.js";
import { PROVIDERS } from "./providers.js";
import { VERSION } from "./version.js";

/**
 * `promo-sandbox [command] [options]`: the commands are the rows of src/cli-commands.ts (add a command
 * there). Exit codes: 0 done, 1 a command's negative answer (openapi --check found drift), 2 the command
 * line or the environment cannot be used (unknown command or flag, bad value, busy port, unusable state
 * file), with one line saying what and how to fix it.
 */
async function main(argv: readonly string[]): Promise<number> {
  const invocation = parseCommandLine(argv, COMMANDS, process.env);
  if (invocation.kind === "help") {
    process.stdout.write(helpText(PROVIDERS, COMMANDS));
    return 0;
  }
  if (invocation.kind === "version") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  for (const warning of unknownVariables(COMMANDS, process.env)) process.stderr.write(`promo-sandbox: ${warning}\n`);
  return invocation.command.run(invocation.input);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`promo-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
