import { switchFlag, type CliCommand } from "./cli-args.js";

const OPENAPI_FLAGS = {
  write: switchFlag("write openapi/*.json from the zod contracts (the default)"),
  check: switchFlag("exit 1 when the committed openapi/*.json drift from the contracts"),
} as const;

/** `promo-sandbox openapi --write|--check`: the OpenAPI documents from the zod contracts (loaded only when asked for). */
export const OPENAPI_COMMAND: CliCommand = {
  name: "openapi",
  usage: [
    ["openapi --write", "write openapi/*.json from the zod contracts"],
    ["openapi --check", "exit 1 when the committed openapi/*.json drift from the contracts"],
  ],
  flags: OPENAPI_FLAGS,
  async run(input) {
    if (input.on(OPENAPI_FLAGS.write) && input.on(OPENAPI_FLAGS.check)) throw new Error("openapi takes --write or --check, not both");
    const { runOpenApiCommand } = await import("./openapi-command.js");
    return runOpenApiCommand(input.on(OPENAPI_FLAGS.check) ? "check" : "write");
  },
};
