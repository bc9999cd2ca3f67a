/** The log levels, quietest first: `silent` writes nothing, `debug` everything (--log-level, SandboxOptions.logLevel). */
export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How log lines look: one JSON object a line (pino's own format), or text for a person (pino-pretty). */
export const LOG_FORMATS = ["pretty", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** A line's named fields, flat (`{"method": "GET", "status": 200}`); an `err` field is an Error, logged with its stack. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * What the sandbox writes its log lines to. A pino logger is one (`createLogger` in src/logger.ts makes it
 * from --log-level and --log-format); the in-process sandbox's default writes nothing (SILENT_LOGGER).
 */
export interface SandboxLogger {
  /** Whether a line at `level` would be written: callers skip building a line nobody reads. */
  isLevelEnabled(level: Exclude<LogLevel, "silent">): boolean;
  error(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  debug(fields: LogFields, message: string): void;
}

const nothing = (): void => {};

/** Writes nothing: createSandbox's logger unless it is given one. */
export const SILENT_LOGGER: SandboxLogger = {
  isLevelEnabled: () => false,
  error: nothing,
  warn: nothing,
  info: nothing,
  debug: nothing,
};
