import { LATEST_INSTANT_MS } from "../../contracts/sandbox/scalars.js";
import { SandboxToken, SandboxTokenRequest } from "../../contracts/sandbox/tokens.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { TenantRegistry } from "../../state/kernel/tenants.js";
import type { Answer } from "../http/answer.js";
import type { OpenCall } from "../http/handler.js";
import { adminRefusal, callerOf, refuse, type Refusal } from "./admin.js";
import { fail, reply } from "./answers.js";
import type { ControlBody } from "./control-plug.js";
import { iso } from "./instant.js";
import { randomSecret } from "./random-secret.js";

const DEFAULT_EXPIRES_IN_S = 3600;

/** A new tenant's name: random (SECRET_BITS), so no one can guess it and take a token for it. */
function newTenantId(registry: TenantRegistry): string {
  let id: string;
  do id = `tenant-${randomSecret()}`;
  while (registry.peek(id) !== undefined);
  return id;
}

/**
 * Why this call may not take a token for the tenant it names, if it may not. The admin token may name
 * any tenant; a valid token of that same tenant may name it (a fresh token before this one expires);
 * in open mode without an admin token anyone may, as any raw token already names a tenant there.
 */
function refusalToName(registry: TenantRegistry, header: string | undefined, tenantId: string): Refusal | undefined {
  const caller = callerOf(registry, header);
  if (caller === "admin") return undefined;
  const { auth, adminToken } = registry.options;
  if (auth === "open" && adminToken === undefined) return undefined;
  if (caller === "other") {
    const own = registry.authenticate(header);
    if (own.ok && own.tenant.id === tenantId) return undefined;
  }
  return adminRefusal(registry, caller, "naming a tenant", 'leave "tenant" out to get a new tenant of your own, or send a valid token of the tenant you name');
}

/**
 * `POST /tokens`: issues a token. Without `tenant`, for a new tenant with a random name (no token
 * needed); with `tenant`, unless refusalToName refuses. Every token carries a random nonce, so none
 * can be guessed.
 */
export function issueToken({ registry, body, exchange }: OpenCall<ControlBody>): Answer {
  const parsed = SandboxTokenRequest.safeParse(body ?? {});
  if (!parsed.success) {
    return fail(
      400,
      "invalid_request",
      `POST /__sandbox/tokens takes {"tenant"?: a non-empty string, "expiresIn"?: seconds, a whole number > 0}: ${describeIssues(parsed.error)}`,
    );
  }
  const named = parsed.data.tenant;
  const refusal = named === undefined ? undefined : refusalToName(registry, exchange.req.headers.authorization, named);
  if (refusal !== undefined) return refuse(refusal);
  const tenantId = named ?? newTenantId(registry);
  // A refused call creates no tenant: a new tenant's clock starts at real time, so that is its now.
  const now = registry.peek(tenantId)?.now() ?? registry.options.realNow();
  const expiresAt = now + (parsed.data.expiresIn ?? DEFAULT_EXPIRES_IN_S) * 1000;
  if (expiresAt > LATEST_INSTANT_MS) {
    return fail(400, "invalid_request", "expiresIn: the token would expire after 9999-12-31T23:59:59.999Z; ask for a shorter lifetime");
  }
  registry.get(tenantId);
  const issued = registry.tokens.issue(tenantId, "sandbox", expiresAt, randomSecret());
  return reply(201, { token: issued.token, tenant: tenantId, expiresAt: iso(issued.expiresAt) }, SandboxToken);
}
