import { maskedQuery } from "./access-log.js";
import type { Exchange } from "./exchange.js";
import type { SandboxLogger } from "./logger.js";

/**
 * The last resort's log line: a sandbox bug at error level, with its stack in `err` (never in an answer).
 * The caller answers 500 in its provider's dialect and the process keeps serving.
 */
export function logInternalError(logger: SandboxLogger, exchange: Exchange, err: unknown): void {
  const path = exchange.query === "" ? exchange.path : `${exchange.path}?${maskedQuery(exchange.query)}`;
  const error = err instanceof Error ? err : new Error(String(err));
  logger.error({ method: exchange.method, path, err: error }, `internal error on ${exchange.method} ${path}: ${error.name}: ${error.message}`);
}
