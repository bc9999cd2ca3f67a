import type { Exchange } from "./exchange.js";
import { maskAuthorization } from "./journal-headers.js";
import type { SandboxLogger } from "./logger.js";

/** What the access line says of a call beyond its exchange (the pipeline's JournalCall is one). */
export interface AccessCall {
  /** `performance.now()` when the request arrived. */
  started: number;
  operation: string | undefined;
  fault: string | undefined;
}

/** One call's access line: its fields, flat and named (a type, not an interface: it is a log line's fields). */
export type AccessLine = {
  method: string;
  /** The path as sent, with its query; the value of a parameter whose name holds "token" is masked as the journal masks one. */
  path: string;
  /** The status answered; null when no answer was sent (a fault dropped or reset the connection). */
  status: number | null;
  /** Real milliseconds from the request's arrival to its answer (microsecond steps, as the journal keeps them). */
  ms: number;
  operation: string | null;
  /** The tenant's id, its first 8 characters and "…" when longer; null before a token named one. */
  tenant: string | null;
  /** The fault applied (as the journal notes it); null when none. */
  fault: string | null;
};

/** How many characters of a tenant's id an access line shows. */
const TENANT_SHOWN = 8;

/** `token=alice-secret` -> `token=al…(masked)`: query values of parameters named like a token; the rest as sent. */
export function maskedQuery(query: string): string {
  if (!/token/i.test(query)) return query;
  return query
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at === -1 || !/token/i.test(pair.slice(0, at))) return pair;
      return `${pair.slice(0, at + 1)}${encodeURIComponent(maskAuthorization(safeDecode(pair.slice(at + 1))))}`;
    })
    .join("&");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

export function shortTenant(id: string): string {
  return id.length > TENANT_SHOWN ? `${id.slice(0, TENANT_SHOWN)}…` : id;
}

/** The access line of a call answered `status` (null: not answered) now. */
export function accessLine(exchange: Exchange, status: number | null, call: AccessCall | undefined, now: number = performance.now()): AccessLine {
  const ms = call === undefined ? 0 : Math.round((now - call.started) * 1000) / 1000;
  return {
    method: exchange.method,
    path: exchange.query === "" ? exchange.path : `${exchange.path}?${maskedQuery(exchange.query)}`,
    status,
    ms,
    operation: call?.operation ?? null,
    tenant: exchange.tenant === undefined ? null : shortTenant(exchange.tenant.id),
    fault: call?.fault ?? null,
  };
}

/** "GET /adv/v1/promotion/count 200 1.2ms" ("-" for a call left unanswered). */
export function accessMessage(line: AccessLine): string {
  return `${line.method} ${line.path} ${line.status ?? "-"} ${line.ms.toFixed(1)}ms`;
}

/**
 * Writes one call's access line at info: where an answer is sent (write-answer.ts), and where a fault drops
 * or resets the connection instead (`status` null). Nothing is built when info is off.
 */
export function logAccess(logger: SandboxLogger, exchange: Exchange, status: number | null, call: AccessCall | undefined): void {
  if (!logger.isLevelEnabled("info")) return;
  const line = accessLine(exchange, status, call);
  logger.info(line, accessMessage(line));
}
