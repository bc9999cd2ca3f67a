import { DEFAULT_PACT_TENANT, SandboxProviderStateRequest, SandboxProviderStateValues } from "../../contracts/sandbox/provider-states.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { TenantRegistry } from "../../state/kernel/tenants.js";
import type { Answer } from "../http/answer.js";
import type { OpenCall } from "../http/handler.js";
import { untilIdle } from "../http/tenant-queue.js";
import { fail, reply } from "./answers.js";
import type { ControlBody } from "./control-plug.js";
import { nearestName } from "../http/nearest-name.js";
import { callerOf } from "./admin.js";
import { ADMIN_IS_NO_TENANT } from "./dialect.js";
import type { AnyCatalogueState, StateValues } from "./provider-states-catalogue.js";
import { advanceInSlices, denseTailOf } from "./sliced-advance.js";

/** The tenant the call names: its Authorization header, or (open mode, no header) the tenant "pact". */
function tenantOf(registry: TenantRegistry, header: string | undefined): { ok: true; tenant: Tenant } | { ok: false; answer: Answer } {
  // The admin token is no tenant here either (it would otherwise name one in open mode).
  if (callerOf(registry, header) === "admin") return { ok: false, answer: fail(403, "forbidden", ADMIN_IS_NO_TENANT) };
  if (header === undefined || header.trim() === "") {
    if (registry.options.auth === "strict") {
      return { ok: false, answer: fail(401, "unauthorized", "strict mode: send the verification's token (Authorization: Bearer <token from POST /__sandbox/tokens>) with the provider-state call", { "WWW-Authenticate": "Bearer" }) };
    }
    return { ok: true, tenant: registry.get(DEFAULT_PACT_TENANT) };
  }
  const found = registry.authenticate(header);
  if (!found.ok) {
    return { ok: false, answer: fail(401, "unauthorized", `the token was refused (${found.reason}): send a token POST /__sandbox/tokens issued, or no Authorization header in open mode (tenant "${DEFAULT_PACT_TENANT}")`, { "WWW-Authenticate": "Bearer" }) };
  }
  return { ok: true, tenant: found.tenant };
}

function unknownState(name: string, catalogue: readonly AnyCatalogueState[]): Answer {
  const known = catalogue.map((state) => state.name);
  const nearest = nearestName(name, known);
  return fail(
    400,
    "unknown_state",
    `no provider state is named "${name}"${nearest === undefined ? "" : `; did you mean "${nearest}"?`} Known states: ${known.map((k) => `"${k}"`).join(", ")} (docs/provider-states.md)`,
  );
}

/**
 * `POST /provider-states`: Pact's providerStatesSetupUrl. A setup resets the caller's tenant, then sets up
 * each named state (the params go to every one of them) and answers the values they created; a teardown
 * answers {} (the next setup resets anyway).
 */
export function providerStatesHandler(catalogue: readonly AnyCatalogueState[]) {
  const byName = new Map(catalogue.map((state) => [state.name, state]));
  return async ({ registry, body, exchange }: OpenCall<ControlBody>): Promise<Answer> => {
    const parsed = SandboxProviderStateRequest.safeParse(body ?? {});
    if (!parsed.success) {
      return fail(400, "invalid_request", `send Pact's state change body {"state": name, "params"?: {...}, "action"?: "setup"|"teardown"} (or "states": [names]): ${describeIssues(parsed.error)}`);
    }
    const request = parsed.data;
    const names = request.states ?? (request.state === undefined ? [] : [request.state]);
    const found = tenantOf(registry, exchange.req.headers.authorization);
    if (!found.ok) return found.answer;
    if (request.action === "teardown") return reply(200, {}, SandboxProviderStateValues);
    if (names.length === 0) return fail(400, "invalid_request", `name a state: {"state": "${catalogue[0]?.name ?? "..."}"}; known states are listed in docs/provider-states.md`);
    const states: AnyCatalogueState[] = [];
    for (const name of names) {
      const state = byName.get(name);
      if (state === undefined) return unknownState(name, catalogue);
      states.push(state);
    }
    // Whatever the tenant was doing (a long clock move) ends before it is replaced.
    await untilIdle(found.tenant);
    const tenant = registry.reset(found.tenant.id);
    const denseTail = denseTailOf(registry.options.providers);
    const ctx = {
      tenant,
      advance: async (ms: number) => {
        await advanceInSlices(tenant, ms, 0, denseTail);
      },
    };
    const values: Record<string, string | number> = {};
    for (const state of states) {
      const run = await state.run(ctx, request.params ?? {});
      if (!run.ok) {
        const code = run.kind === "params" ? "invalid_params" : "state_failed";
        const what = run.kind === "params" ? `its params are invalid: ${run.reason}; see docs/provider-states.md for what it takes` : run.reason;
        return fail(run.kind === "params" ? 400 : 409, code, `provider state "${state.name}" was not set up: ${what}`);
      }
      Object.assign(values, run.values satisfies StateValues);
    }
    return reply(200, values, SandboxProviderStateValues);
  };
}
