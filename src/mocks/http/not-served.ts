import type { Exchange } from "./exchange.js";

/**
 * A path no provider and not the control plane owns: 404 with what is served where (not journaled: it
 * belongs to no provider).
 */
export function answerNotServed(exchange: Exchange, servedAt: string): void {
  const text = JSON.stringify({
    error: {
      code: "not_found",
      message: `Nothing is served at ${exchange.method} ${exchange.path}: ${servedAt}, the control plane under /__sandbox/ (see the README)`,
    },
  });
  const res = exchange.res;
  res.statusCode = 404;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}
