import { createLogger, type LogLevel, type SandboxLogger } from "../../src/logger.js";

/** A logged line, parsed. */
export type LogLine = Record<string, unknown>;

/** The sandbox's pino logger in JSON, writing into memory: what it logged, line by line. */
export interface CollectedLogs {
  logger: SandboxLogger;
  /** Every line so far, parsed (each must be one JSON object). */
  lines(): LogLine[];
  /** Every line so far, as written. */
  text(): string;
}

export async function collectLogs(level: LogLevel = "debug"): Promise<CollectedLogs> {
  const written: string[] = [];
  const logger = await createLogger({ level, format: "json", destination: { write: (text: string) => written.push(text) } });
  return {
    logger,
    lines: () => written.flatMap((chunk) => chunk.split("\n").filter((line) => line !== "")).map((line): LogLine => JSON.parse(line)),
    text: () => written.join(""),
  };
}
