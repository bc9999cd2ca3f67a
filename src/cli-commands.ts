import type { CliCommand } from "./cli-args.js";
import { VERIFY_COMMAND } from "./pact/verify-command.js";
import { OPENAPI_COMMAND } from "./cli-openapi.js";
import { START_COMMAND } from "./cli-start.js";

/**
 * Every command of `promo-sandbox`, one row each: its name, its --help lines, its flags (each flag that
 * takes a value also reads PROMO_SANDBOX_<FLAG>) and what it runs. A new command is a new row; the
 * dispatch (src/cli.ts), --help (src/cli-help.ts) and the unknown-command hints read this table.
 */
export const COMMANDS: readonly CliCommand[] = [START_COMMAND, OPENAPI_COMMAND, VERIFY_COMMAND];
