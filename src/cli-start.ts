import { valueFlag, type CliCommand } from "./cli-args.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "./cli-defaults.js";
import { listenProblem } from "./cli-listen-error.js";
import { AUTH_MODES, choiceOf, parsePort, parsePositiveSeconds, parseTenantTtl, parseText } from "./cli-options.js";
import { createLogger, LOG_FORMATS, LOG_LEVELS, type SandboxLogger } from "./logger.js";
import { PROVIDERS } from "./providers.js";
import { RedisLogStore } from "./persistence/redis-log-store.js";
import { createSandbox } from "./server.js";
import { CONSISTENCY_MODES, DEFAULT_SETTINGS, MODERATION_MODES, RATE_LIMIT_MODES } from "./state/kernel/settings.js";
import { VERSION } from "./version.js";

/** The start command's flags, in --help's order; each also reads PROMO_SANDBOX_<NAME> (cli-args.ts, envName). */
export const START_FLAGS = {
  port: valueFlag("N", `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`, parsePort),
  host: valueFlag("ADDR", `address to bind (default ${DEFAULT_HOST}; use 0.0.0.0 in a container)`, parseText),
  seed: valueFlag("TEXT", 'seeds every tenant\'s generated ids and values: same seed + same calls = same answers (default "promo-sandbox")', parseText),
  "rate-limits": valueFlag(RATE_LIMIT_MODES.join("|"), "default per-tenant rate limiting; off never answers 429 (default enforce)", choiceOf(RATE_LIMIT_MODES)),
  consistency: valueFlag(
    CONSISTENCY_MODES.join("|"),
    "realistic delays what a provider shows after a change as the real one does (Wildberries: status actions at the next minute, bids at the next 30 s, lists after the 3-minute sync); immediate shows every change at once (default realistic)",
    choiceOf(CONSISTENCY_MODES),
  ),
  moderation: valueFlag(
    MODERATION_MODES.join("|"),
    "manual: YooMoney campaigns wait for POST /__sandbox/yoomoney/campaigns/{id}/moderation; auto: approved 5 virtual minutes after submission (default manual)",
    choiceOf(MODERATION_MODES),
  ),
  "state-file": valueFlag(
    "PATH",
    "keep every tenant in this JSON file: loaded at start when it exists, written (atomically) shortly after changes and on shutdown; default: memory only",
    parseText,
  ),
  "data-dir": valueFlag(
    "DIR",
    "keep every tenant durably in this folder (made if missing): each call is logged there before it acts and answered once on disk, so kill -9 loses nothing acknowledged; loaded at start (snapshots plus logs). Not with --state-file, which is a single JSON export/import; default: memory only",
    parseText,
  ),
  store: valueFlag(
    "URL",
    "keep tenants in Redis (redis://host:port/db[?prefix=name:], rediss:// for TLS) as per-tenant call logs: replicas started with the same store serve the same tenants, each call seeing every call acknowledged on another; Redis must run with appendonly yes and appendfsync always. Not with --data-dir or --state-file; default: memory only",
    parseText,
  ),
  auth: valueFlag(
    AUTH_MODES.join("|"),
    "open: any token is a tenant of its own, created on first use; strict: only tokens the sandbox issued (users/login, POST /__sandbox/tokens), and they expire on the tenant's virtual clock (default open)",
    choiceOf(AUTH_MODES),
  ),
  "admin-token": valueFlag(
    "TEXT",
    'the control plane\'s admin token (the variable keeps it out of `ps`): only it may take a token for a named tenant (POST /__sandbox/tokens {"tenant"}) and list tenants (GET /__sandbox/tenants); without it, strict mode lets no one name a tenant (default: none)',
    (text) => text,
  ),
  "request-timeout": valueFlag(
    "SECONDS",
    "real seconds a client has to send a whole request (headers and body); a slower one is answered 408 and its connection closed (default 30)",
    parsePositiveSeconds,
  ),
  "tenant-ttl": valueFlag(
    "SECONDS",
    "evict a tenant idle that long in real time (no call of any kind): it is gone as after a reset, its issued tokens too, and leaves the state file at the next save (with --store: Redis, once idle that long on every replica); 0 never evicts (default 86400: a day)",
    parseTenantTtl,
  ),
  "log-level": valueFlag(
    LOG_LEVELS.join("|"),
    "what goes to standard output: info is the ready line and one access line per call (method, path, status, ms, operation, tenant, fault); debug adds state-file saves, evictions and event streams closing; warn and error keep internal errors (with their stack) and failed state-file saves, without the ready line; silent nothing (default info)",
    choiceOf(LOG_LEVELS),
  ),
  "log-format": valueFlag(
    LOG_FORMATS.join("|"),
    "pretty: a line of text per entry for a person; json: one JSON object per line (pino's format: level, time, msg and named fields) for a log collector (default: pretty on a terminal, json otherwise)",
    choiceOf(LOG_FORMATS),
  ),
} as const;

/** Logs what escapes every request, with its stack, and keeps serving every other tenant. */
function keepServingOnStrayErrors(logger: SandboxLogger): void {
  const log = (reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    logger.error({ err }, `internal error outside any request (still serving): ${err.name}: ${err.message}`);
  };
  process.on("uncaughtException", log);
  process.on("unhandledRejection", log);
}

/** `promo-sandbox [start]`: serves until SIGINT or SIGTERM. */
export const START_COMMAND: CliCommand = {
  name: "start",
  usage: [["[start] [options]", "serve the providers and the control plane (/__sandbox); the default command"]],
  flags: START_FLAGS,
  async run(input) {
    const port = input.value(START_FLAGS.port) ?? DEFAULT_PORT;
    const host = input.value(START_FLAGS.host) ?? DEFAULT_HOST;
    const tenantTtl = input.value(START_FLAGS["tenant-ttl"]);
    const requestTimeout = input.value(START_FLAGS["request-timeout"]);
    const logger = await createLogger({
      level: input.value(START_FLAGS["log-level"]) ?? "info",
      format: input.value(START_FLAGS["log-format"]) ?? (process.stdout.isTTY ? "pretty" : "json"),
    });
    const storeUrl = input.value(START_FLAGS.store);
    const dataDir = input.value(START_FLAGS["data-dir"]);
    const stateFile = input.value(START_FLAGS["state-file"]);
    if (storeUrl !== undefined && (dataDir !== undefined || stateFile !== undefined)) {
      throw new Error(
        `--store cannot be used with ${dataDir !== undefined ? "--data-dir" : "--state-file"}: --store keeps the tenants in Redis (shared by replicas), --data-dir in a local folder, --state-file in a single JSON file; give one of them`,
      );
    }
    const logStore = storeUrl === undefined ? undefined : await RedisLogStore.open(storeUrl, { logger });
    const sandbox = createSandbox({
      logger,
      logStore,
      tenantTtlMs: tenantTtl === undefined ? undefined : tenantTtl * 1000,
      requestTimeoutMs: requestTimeout === undefined ? undefined : Math.round(requestTimeout * 1000),
      seed: input.value(START_FLAGS.seed),
      stateFile,
      dataDir,
      auth: input.value(START_FLAGS.auth),
      adminToken: input.value(START_FLAGS["admin-token"]),
      settings: {
        rateLimits: input.value(START_FLAGS["rate-limits"]) ?? DEFAULT_SETTINGS.rateLimits,
        consistency: input.value(START_FLAGS.consistency) ?? DEFAULT_SETTINGS.consistency,
        moderation: input.value(START_FLAGS.moderation) ?? DEFAULT_SETTINGS.moderation,
      },
    });
    try {
      await sandbox.ready;
    } catch (error) {
      // An open connection would keep the process from exiting.
      await logStore?.close();
      throw new Error(`${storeUrl === undefined ? "--data-dir" : `--store ${logStore?.address.display ?? storeUrl}`}: the stored state cannot be loaded (${error instanceof Error ? error.message : String(error)}); fix the ${storeUrl === undefined ? "folder" : "store"} or start with another one`);
    }
    let url: string;
    try {
      url = await sandbox.listen(port, host);
    } catch (error) {
      await logStore?.close();
      throw new Error(listenProblem(error, host, port) ?? `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const providers = PROVIDERS.map((p) => p.name);
    // The URL is in the message alone, so the first URL of the line (JSON or not) is the one wrappers look for.
    logger.info({ version: VERSION, providers }, `promo-sandbox ${VERSION} ready on ${url} (providers: ${providers.join(", ")}; control plane: ${url}/__sandbox)`);
    // What a stop finishes besides the open event streams: the state it keeps, as this start keeps it.
    const finishing =
      stateFile !== undefined ? ", the state file is written" : dataDir !== undefined ? ", the data directory's last writes are synced" : storeUrl !== undefined ? ", the store's connection closes" : "";
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, `${signal}: stopping (open event streams end${finishing})`);
      void sandbox.close().then(() => {
        logger.info({}, "stopped");
        process.exit(0);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    keepServingOnStrayErrors(logger);
    return -1;
  },
};
