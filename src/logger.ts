import type { LogFormat, LogLevel, SandboxLogger } from "./mocks/http/logger.js";

export { LOG_FORMATS, LOG_LEVELS, SILENT_LOGGER, type LogFields, type LogFormat, type LogLevel, type SandboxLogger } from "./mocks/http/logger.js";

/** Where log lines go: anything with a write(text) (a stream, a test's collector). */
export interface LogDestination {
  write(text: string): unknown;
}

export interface LoggerOptions {
  /** Default "info". */
  level?: LogLevel;
  /** Default "json". */
  format?: LogFormat;
  /** Default: the process's standard output (file descriptor 1), written synchronously. */
  destination?: LogDestination;
  /** pretty: colour the level and the message (default: when the destination is standard output and a terminal). */
  colorize?: boolean;
}

/** The access line's fields (src/mocks/http/access-log.ts) that pretty output shows after the message instead of below it. */
const ACCESS_FIELDS = ["method", "path", "status", "ms", "operation", "tenant", "fault"] as const;

const text = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "-");

/**
 * A pino logger writing to `destination` in one go (no worker-thread transport: those break in the CLI's
 * esbuild bundle and cost start-up). `json` is pino's own line format, without pid and hostname; `pretty`
 * loads pino-pretty only then (a dynamic import) and uses its formatter synchronously: an access line reads
 * `[12:00:00.123] INFO: GET /adv/v1/promotion/count 200 1.2ms  adv.promotionCount tenant=abcd1234…`.
 */
export async function createLogger(options: LoggerOptions = {}): Promise<SandboxLogger & { flush(): void }> {
  // pino too is loaded only here: an in-process sandbox that logs nothing never loads it.
  const { pino } = await import("pino");
  const level = options.level ?? "info";
  const format = options.format ?? "json";
  const out: LogDestination = options.destination ?? pino.destination({ dest: 1, sync: true });
  let destination: LogDestination = out;
  if (format === "pretty") {
    const { prettyFactory } = await import("pino-pretty");
    const pretty = prettyFactory({
      colorize: options.colorize ?? (options.destination === undefined && process.stdout.isTTY),
      translateTime: "SYS:HH:MM:ss.l",
      ignore: ["pid", "hostname", ...ACCESS_FIELDS].join(","),
      messageFormat: (log, messageKey) => {
        const message = text(log[messageKey]);
        if (log.method === undefined) return message;
        const fault = log.fault === null || log.fault === undefined ? "" : ` fault=${text(log.fault)}`;
        return `${message}  ${text(log.operation)} tenant=${text(log.tenant)}${fault}`;
      },
    });
    destination = { write: (line: string) => out.write(pretty(line)) };
  }
  const logger = pino({ level, base: null }, destination);
  return {
    isLevelEnabled: (at) => logger.isLevelEnabled(at),
    error: (fields, message) => logger.error(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    info: (fields, message) => logger.info(fields, message),
    debug: (fields, message) => logger.debug(fields, message),
    flush: () => logger.flush(),
  };
}
