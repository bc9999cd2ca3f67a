import { HTTP_METHODS, type HttpMethod } from "../../contracts/http/route.js";
import { SandboxFault, SandboxFaultInstant, SandboxFaultRequest, SandboxFaults, SandboxFaultsRemoved } from "../../contracts/sandbox/faults.js";
import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import type { Fault, FaultSpec } from "../../state/kernel/faults.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { Answer } from "../http/answer.js";
import { faultTargets, type FaultTarget } from "../http/fault-targets.js";
import { nearestName } from "../http/nearest-name.js";
import { fail, reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";
import { describeValue } from "./describe-value.js";
import { iso } from "./instant.js";
import { advanceAmount, DURATION_FORMS } from "./iso-duration.js";

/** A fault as the control plane shows it: its window as instants, no undefined fields. */
export function renderFault(fault: Fault): SandboxFault {
  const out: SandboxFault = { id: fault.id, remaining: fault.remaining, applied: fault.applied };
  if (fault.provider !== undefined) out.provider = fault.provider;
  if (fault.operation !== undefined) out.operation = fault.operation;
  if (fault.method !== undefined) out.method = fault.method;
  if (fault.path !== undefined) out.path = fault.path;
  if (fault.respond !== undefined) {
    const { status, body, headers } = fault.respond;
    out.respond = { status, ...(body === undefined ? {} : { body }), ...(headers === undefined ? {} : { headers: { ...headers } }) };
  }
  if (fault.delayMs !== undefined) out.delayMs = fault.delayMs;
  if (fault.connection !== undefined) out.connection = fault.connection;
  if (fault.times !== undefined) out.times = fault.times;
  if (fault.probability !== undefined) out.probability = fault.probability;
  if (fault.seed !== undefined) out.seed = fault.seed;
  if (fault.from !== undefined) out.from = iso(fault.from);
  if (fault.to !== undefined) out.to = iso(fault.to);
  return out;
}

type Checked<T> = { ok: true; value: T } | { ok: false; answer: Answer };

const refuse = (code: string, message: string): { ok: false; answer: Answer } => ({ ok: false, answer: fail(400, code, message) });

/** An instant, or a duration from `now` on the tenant's clock; undefined when not given. */
function windowEdge(name: "from" | "to", text: string | undefined, now: number): Checked<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  if (/^p/i.test(text.trim())) {
    const amount = advanceAmount(text, now);
    if (!amount.ok) return refuse("invalid_time", `"${name}" ${describeValue(text)} is not a duration from now: ${amount.message.replace(/^"by" /, "it ")}`);
    return { ok: true, value: now + amount.ms };
  }
  if (!SandboxFaultInstant.safeParse(text).success) {
    return refuse(
      "invalid_time",
      `"${name}" must be an ISO-8601 instant with an offset or Z ("2026-01-16T10:00:00Z") or a duration from the tenant's now, ${DURATION_FORMS.replace(/, or a whole number of milliseconds.*$/, "")}; got ${describeValue(text)}`,
    );
  }
  return { ok: true, value: Date.parse(text) };
}

/** The operation ids of some providers, with who serves each. */
function operationsOf(targets: readonly FaultTarget[]): { id: string; target: FaultTarget }[] {
  return targets.flatMap((target) => Object.keys(target.routes).map((id) => ({ id, target })));
}

/** The operations a call of any method to `path` (exact) reaches at `target`. */
function operationsAt(target: FaultTarget, path: string): { id: string; method: HttpMethod }[] {
  return HTTP_METHODS.flatMap((method) => {
    const match = target.lookup(method, path);
    return match.kind === "route" ? [{ id: match.id, method }] : [];
  });
}

/**
 * Checks what a fault matches against what this sandbox serves: a provider it serves, an operation of
 * that provider, a method and an exact path that operation has. A fault that could match no call is
 * refused, saying why.
 */
function checkTarget(request: SandboxFaultRequest, targets: readonly FaultTarget[]): Checked<{ path: string | undefined }> {
  const names = targets.map((target) => target.provider);
  let scope = targets;
  if (request.provider !== undefined) {
    const provider = request.provider;
    const target = targets.find((known) => known.provider === provider);
    if (target === undefined) {
      const near = nearestName(provider, names);
      return refuse("unknown_provider", `this sandbox serves no provider "${provider}"${near === undefined ? "" : ` (the nearest is "${near}")`}: the providers are ${names.join(", ")}`);
    }
    scope = [target];
  }
  let operation: { id: string; target: FaultTarget; method: string; path: string } | undefined;
  if (request.operation !== undefined) {
    const id = request.operation;
    const owner = operationsOf(targets).find((known) => known.id === id);
    if (owner === undefined) {
      const known = operationsOf(scope);
      const near = nearestName(id, known.map((entry) => entry.id));
      const nearOwner = known.find((entry) => entry.id === near)?.target.provider;
      return refuse(
        "unknown_operation",
        `there is no operation "${id}"${near === undefined ? "" : `; the nearest is "${near}" (${nearOwner ?? ""})`}: operation ids are the operationId of each operation in openapi/<provider>.json`,
      );
    }
    const spec = owner.target.routes[id];
    if (spec === undefined) return refuse("unknown_operation", `there is no operation "${id}"`);
    if (request.provider !== undefined && owner.target.provider !== request.provider) {
      return refuse("impossible_fault", `operation "${id}" is ${owner.target.provider}'s, not ${request.provider}'s: name provider "${owner.target.provider}" or leave provider out`);
    }
    if (request.method !== undefined && request.method !== spec.method) {
      return refuse("impossible_fault", `operation "${id}" is ${spec.method} ${spec.path}; no ${request.method} call reaches it: use method "${spec.method}" or leave method out`);
    }
    operation = { id, target: owner.target, method: spec.method, path: spec.path };
    scope = [owner.target];
  } else if (request.method !== undefined) {
    const method = request.method;
    if (!scope.some((target) => Object.values(target.routes).some((spec) => spec.method === method))) {
      return refuse("impossible_fault", `${request.provider ?? "no provider"} serves no ${method} operation: use another method or leave method out`);
    }
  }
  const path = request.path;
  if (path === undefined || path.endsWith("*")) return { ok: true, value: { path } };
  const owner = scope.find((target) => target.owns(path));
  if (owner === undefined) {
    return refuse(
      "impossible_fault",
      `path ${path} is not served by ${scope.length === 1 ? scope[0]?.provider : "any provider"}: give a path as called (end it with "*" for a prefix)`,
    );
  }
  const reached = operationsAt(owner, path).filter((entry) => request.method === undefined || entry.method === request.method);
  if (reached.length === 0) {
    return refuse(
      "impossible_fault",
      `no ${request.method ?? ""}${request.method === undefined ? "" : " "}call to ${path} reaches an operation of ${owner.provider} (faults apply to served operations only; an unknown path's 404 is never faulted): give an operation's path, or a prefix ending in "*"`,
    );
  }
  if (operation !== undefined && !reached.some((entry) => entry.id === operation.id)) {
    return refuse("impossible_fault", `path ${path} reaches ${reached.map((entry) => entry.id).join(", ")}, not operation "${operation.id}" (${operation.method} ${operation.path}): fix the path or leave it out`);
  }
  // Stored as the route table is looked up, which is what a call is matched by.
  return { ok: true, value: { path: owner.routePath(path) } };
}

/** `POST`, `GET`, `DELETE /faults` and `DELETE /faults/{id}`: the tenant's faults. */
export const FAULT_HANDLERS = {
  addFault: ({ tenant, registry, body }) => {
    const parsed = SandboxFaultRequest.safeParse(body ?? {});
    if (!parsed.success) {
      return fail(400, "invalid_fault", `the fault was not made: ${describeIssues(parsed.error)} (the fields are listed in openapi/sandbox.json, SandboxFaultRequest)`);
    }
    const request = parsed.data;
    const target = checkTarget(request, faultTargets(registry));
    if (!target.ok) return target.answer;
    const now = tenant.now();
    const from = windowEdge("from", request.from, now);
    if (!from.ok) return from.answer;
    const to = windowEdge("to", request.to, now);
    if (!to.ok) return to.answer;
    if (to.value !== undefined && to.value <= (from.value ?? now)) {
      const after = from.value === undefined || from.value < now ? `the tenant's now (${iso(now)})` : `"from" (${iso(from.value)})`;
      return fail(400, "invalid_time", `"to" (${iso(to.value)}) must be after ${after}: such a fault would never apply`);
    }
    const spec: FaultSpec = {
      provider: request.provider,
      operation: request.operation,
      method: request.method,
      path: target.value.path,
      respond: request.respond,
      delayMs: request.delayMs,
      connection: request.connection,
      times: request.times,
      probability: request.probability,
      seed: request.seed,
      from: from.value,
      to: to.value,
    };
    return reply(201, renderFault(tenant.faults.add(spec)), SandboxFault);
  },
  listFaults: ({ tenant }) => reply(200, { faults: (tenant.peekFaults()?.list() ?? []).map(renderFault) }, SandboxFaults),
  clearFaults: ({ tenant }) => reply(200, { removed: tenant.peekFaults()?.clear() ?? 0 }, SandboxFaultsRemoved),
  removeFault: ({ tenant, params }) => {
    const id = params.id ?? "";
    if (tenant.peekFaults()?.remove(id) === true) return reply(200, { removed: 1 }, SandboxFaultsRemoved);
    const ids = (tenant.peekFaults()?.list() ?? []).map((fault) => fault.id);
    return fail(404, "unknown_fault", `the tenant has no fault "${id}" (its faults: ${ids.length === 0 ? "none" : ids.join(", ")}); GET /__sandbox/faults lists them`);
  },
} satisfies SomeControlHandlers<SandboxRoutes>;
