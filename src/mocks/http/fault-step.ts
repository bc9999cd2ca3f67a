import type { Fault } from "../../state/kernel/faults.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { Answer } from "./answer.js";
import type { Dialect } from "./dialect.js";
import type { Exchange } from "./exchange.js";
import { logAccess } from "./access-log.js";
import { journalHeaders } from "./journal-headers.js";
import type { SandboxLogger } from "./logger.js";
import type { JournalCall } from "./write-answer.js";

/** What the fault step needs of a dialect (nothing that depends on its body or operation types). */
export type FaultDialect = Pick<Dialect<unknown, string>, "provider" | "faulted">;

/** What the journal and the logs say a fault did: "f1: 503", "f2: delay 2000ms", "f3: delay 50ms, reset". */
export function faultText(fault: Fault): string {
  const did: string[] = [];
  if (fault.delayMs !== undefined) did.push(`delay ${fault.delayMs}ms`);
  if (fault.respond !== undefined) did.push(String(fault.respond.status));
  if (fault.connection !== undefined) did.push(fault.connection);
  return `${fault.id}: ${did.join(", ")}`;
}

/** The answer of a fault that responds: its body and headers as given, or the provider's own for the status. */
function faultAnswer(exchange: Exchange, tenant: Tenant, dialect: FaultDialect, respond: NonNullable<Fault["respond"]>): Answer {
  if (respond.body !== undefined) return { status: respond.status, body: respond.body, headers: respond.headers };
  const own: Answer = respond.status >= 400 && dialect.faulted !== undefined ? dialect.faulted(exchange, respond.status, tenant) : { status: respond.status };
  return respond.headers === undefined ? own : { ...own, headers: { ...own.headers, ...respond.headers } };
}

/** A dropped or reset call has no answer; the journal keeps it with status 0 and its fault. */
function journalUnanswered(exchange: Exchange, tenant: Tenant, provider: string, call: JournalCall, delayMs: number): void {
  tenant.log({
    provider,
    method: exchange.method,
    path: exchange.path,
    query: exchange.query,
    status: 0,
    requestBody: undefined,
    responseBody: undefined,
    headers: journalHeaders(exchange.req.headers),
    durationMs: Math.round((performance.now() - call.started + delayMs) * 1000) / 1000,
    operation: call.operation,
    nearestOperation: undefined,
    fault: call.fault,
  });
}

/** What the faults step decided for a call, inside its step; the pipeline waits `delayMs` after the step, before sending. */
export type FaultDecision =
  /** The call goes on (its answer waits delayMs). */
  | { kind: "pass"; delayMs: number }
  /** The fault answers. */
  | { kind: "answer"; answer: Answer; delayMs: number }
  /** No answer: the connection is dropped or reset (the call is journaled with status 0 already). */
  | { kind: "connection"; connection: "drop" | "reset"; delayMs: number };

/**
 * The faults step of a provider call that matched `operation` (after its token and due timers, before
 * its rate limit), run inside the call's step: the tenant's first fault that hits the call is applied.
 * It answers (the given body, or the provider's own error body for the status), or drops or resets the
 * connection (journaled here with status 0), or lets the call go on; a delay is waited by the pipeline in
 * real time after the step, before the answer is sent (so a replayed step does not wait). Undefined when
 * no fault hits the call.
 */
export function decideFault(
  exchange: Exchange,
  tenant: Tenant,
  dialect: FaultDialect,
  call: JournalCall,
  operation: string,
  path: string,
): FaultDecision | undefined {
  const hit = tenant.takeFault({ provider: dialect.provider, operation, method: exchange.method, path });
  if (hit === undefined) return undefined;
  const fault = hit.fault;
  call.fault = faultText(fault);
  const delayMs = fault.delayMs ?? 0;
  if (fault.connection !== undefined) {
    journalUnanswered(exchange, tenant, dialect.provider, call, delayMs);
    return { kind: "connection", connection: fault.connection, delayMs };
  }
  if (fault.respond !== undefined) return { kind: "answer", answer: faultAnswer(exchange, tenant, dialect, fault.respond), delayMs };
  return { kind: "pass", delayMs };
}

/** Ends a call a fault left unanswered: its access line (status null), then the socket dropped or reset. */
export function cutConnection(exchange: Exchange, connection: "drop" | "reset", call: JournalCall, logger: SandboxLogger): void {
  logAccess(logger, exchange, null, call);
  const socket = exchange.req.socket;
  if (connection === "reset") socket.resetAndDestroy();
  else socket.destroy();
}
