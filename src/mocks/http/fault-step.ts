import { setTimeout as sleep } from "node:timers/promises";
import type { Cause } from "../../state/kernel/events.js";
import type { Fault } from "../../state/kernel/faults.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { Answer } from "./answer.js";
import type { Dialect } from "./dialect.js";
import type { Exchange } from "./exchange.js";
import { logAccess } from "./access-log.js";
import { journalHeaders } from "./journal-headers.js";
import type { SandboxLogger } from "./logger.js";
import { untilIdle, whenIdle } from "./tenant-queue.js";
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
function journalUnanswered(exchange: Exchange, tenant: Tenant, provider: string, call: JournalCall): void {
  tenant.log({
    provider,
    method: exchange.method,
    path: exchange.path,
    query: exchange.query,
    status: 0,
    requestBody: undefined,
    responseBody: undefined,
    headers: journalHeaders(exchange.req.headers),
    durationMs: Math.round((performance.now() - call.started) * 1000) / 1000,
    operation: call.operation,
    nearestOperation: undefined,
    fault: call.fault,
  });
}

/**
 * The faults step of a provider call that matched `operation` (after its token and due timers, before
 * its rate limit): the tenant's first fault that hits the call is applied. Its delay is waited in real
 * time (then the tenant's due timers fire again); then it answers (the given body, or the provider's own
 * error body for the status), or drops or resets the connection (journaled with status 0), or lets the
 * call go on (its access line, status null, is logged here when no answer is sent). True when the call is finished here.
 */
export async function applyFault(
  exchange: Exchange,
  tenant: Tenant,
  dialect: FaultDialect,
  cause: Cause,
  call: JournalCall,
  operation: string,
  path: string,
  send: (answer: Answer) => void,
  logger: SandboxLogger,
): Promise<boolean> {
  const hit = tenant.takeFault({ provider: dialect.provider, operation, method: exchange.method, path });
  if (hit === undefined) return false;
  const fault = hit.fault;
  call.fault = faultText(fault);
  if (fault.delayMs !== undefined) {
    await sleep(fault.delayMs);
    if (whenIdle(tenant) !== undefined) await untilIdle(tenant);
    tenant.settleFor(cause);
  }
  if (fault.connection !== undefined) {
    journalUnanswered(exchange, tenant, dialect.provider, call);
    logAccess(logger, exchange, null, call);
    const socket = exchange.req.socket;
    if (fault.connection === "reset") socket.resetAndDestroy();
    else socket.destroy();
    return true;
  }
  if (fault.respond !== undefined) {
    send(faultAnswer(exchange, tenant, dialect, fault.respond));
    return true;
  }
  return false;
}
