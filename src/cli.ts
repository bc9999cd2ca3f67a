#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createSandbox } from "./server.js";
import { AUTH_MODES, parseChoice } from "./cli-options.js";
import { CONSISTENCY_MODES, MODERATION_MODES, RATE_LIMIT_MODES } from "./state/kernel/settings.js";
import { helpText } from "./cli-help.js";
import { PROVIDERS } from "./providers.js";
import { VERSION } from "./version.js";

const HELP = helpText(PROVIDERS);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      "rate-limits": { type: "string" },
      consistency: { type: "string" },
      moderation: { type: "string" },
      auth: { type: "string" },
      "state-file": { type: "string" },
      "tenant-ttl": { type: "string" },
      "request-timeout": { type: "string" },
      "admin-token": { type: "string" },
      write: { type: "boolean" },
      check: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const command = positionals[0] ?? "start";
  if (command === "openapi") {
    const { runOpenApiCommand } = await import("./openapi-command.js");
    return runOpenApiCommand(values.check === true ? "check" : "write");
  }
  if (command !== "start") throw new Error(`unknown command "${command}"; see --help`);

  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got "${values.port}"`);
  const requestTimeout = values["request-timeout"] === undefined ? undefined : Number(values["request-timeout"]);
  if (requestTimeout !== undefined && !(Number.isFinite(requestTimeout) && requestTimeout > 0)) {
    throw new Error(`--request-timeout must be a number of seconds > 0, got "${values["request-timeout"]}"`);
  }
  const tenantTtl = values["tenant-ttl"];
  if (tenantTtl !== undefined && !/^\d{1,10}$/.test(tenantTtl)) {
    throw new Error(`--tenant-ttl must be a whole number of seconds, 0 or more (0 never evicts), got "${tenantTtl}"`);
  }
  const sandbox = createSandbox({
    tenantTtlMs: tenantTtl === undefined ? undefined : Number(tenantTtl) * 1000,
    requestTimeoutMs: requestTimeout === undefined ? undefined : Math.round(requestTimeout * 1000),
    seed: values.seed,
    stateFile: values["state-file"],
    auth: parseChoice("--auth", values.auth, AUTH_MODES, "open"),
    adminToken: values["admin-token"] ?? (process.env.PROMO_SANDBOX_ADMIN_TOKEN || undefined),
    settings: {
      rateLimits: parseChoice("--rate-limits", values["rate-limits"], RATE_LIMIT_MODES, "enforce"),
      consistency: parseChoice("--consistency", values.consistency, CONSISTENCY_MODES, "realistic"),
      moderation: parseChoice("--moderation", values.moderation, MODERATION_MODES, "manual"),
    },
  });
  const url = await sandbox.listen(port, values.host ?? "127.0.0.1");
  process.stdout.write(`promo-sandbox ${VERSION} ready on ${url} (providers: ${PROVIDERS.map((p) => p.name).join(", ")}; control plane: ${url}/__sandbox)\n`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // The last resort of the last resort: whatever escapes a request is logged with its stack, and every
  // other tenant keeps being served.
  process.on("uncaughtException", (error) => {
    process.stderr.write(`promo-sandbox: internal error outside any request (still serving): ${error.stack ?? String(error)}\n`);
  });
  process.on("unhandledRejection", (reason) => {
    process.stderr.write(`promo-sandbox: internal error outside any request (still serving): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
  });
  return -1;
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
