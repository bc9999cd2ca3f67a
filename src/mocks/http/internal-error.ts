/**
 * The last resort's log line: a sandbox bug, with its stack, on stderr (never in an answer). The caller
 * answers 500 in its provider's dialect and the process keeps serving.
 */
export function logInternalError(method: string, url: string, err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  process.stderr.write(`promo-sandbox: internal error on ${method} ${url}: ${detail}\n`);
}
