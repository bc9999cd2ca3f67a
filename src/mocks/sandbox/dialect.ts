import type { HttpMethod, RouteTable } from "../../contracts/http/route.js";
import { DEFAULT_PACT_TENANT } from "../../contracts/sandbox/provider-states.js";
import { SANDBOX_BASE_PATH, STATE_BODY_LIMIT_BYTES, type SandboxOperationId } from "../../contracts/sandbox/routes.js";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import type { Answer } from "../http/answer.js";
import type { BodyError } from "../http/body-errors.js";
import { SMALL_BODY_LIMIT_BYTES } from "../http/body-reader.js";
import type { SandboxContext } from "../http/context.js";
import type { BodyOutcome, Dialect } from "../http/dialect.js";
import type { Exchange } from "../http/exchange.js";
import { compileRoutes } from "../http/route-matcher.js";
import { callerOf } from "./admin.js";
import { fail } from "./answers.js";
import type { ControlBody } from "./control-plug.js";
import { readJsonBody } from "./json-body.js";

const FAILURES: Record<AuthFailure, { code: string; message: string }> = {
  missing: {
    code: "unauthorized",
    message:
      "the Authorization header is missing or empty: send `Authorization: Bearer <token>` (in open mode any token names a tenant; POST /__sandbox/tokens issues one)",
  },
  expired: {
    code: "token_expired",
    message: "the token expired on its tenant's virtual clock: get a new one from POST /__sandbox/tokens",
  },
  unknown: {
    code: "unknown_token",
    message:
      "the sandbox runs with --auth strict and did not issue this token: get one from POST /__sandbox/tokens (or YooMoney users/login)",
  },
};

/** The admin token is no tenant's: a tenant call sent with it is refused (it would otherwise name a tenant in open mode). */
export const ADMIN_IS_NO_TENANT =
  'the admin token acts on no tenant of its own: mint a token for the tenant you mean with POST /__sandbox/tokens {"tenant": "<tenant id>"} (sending the admin token), then send that token';

/** Operations whose body may be larger than SMALL_BODY_LIMIT_BYTES. */
const LARGE_BODIES: ReadonlyMap<string, number> = new Map<SandboxOperationId, number>([["importState", STATE_BODY_LIMIT_BYTES]]);
const LARGE_BODIES_TEXT = `only PUT ${SANDBOX_BASE_PATH}/state takes up to ${STATE_BODY_LIMIT_BYTES / 1024 / 1024}mb`;

/** `/__sandbox/clock/` -> `/clock`: the path under the base, one trailing slash dropped (as express matched it). */
function underBase(path: string): string {
  const rest = path.slice(SANDBOX_BASE_PATH.length);
  return rest.length > 1 && rest.endsWith("/") ? rest.slice(0, -1) : rest;
}

/** The `Allow` header of a path: its methods, with HEAD right after GET. */
function allowHeader(allow: readonly HttpMethod[]): string {
  return allow.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])).join(", ");
}

function bodyProblem(exchange: Exchange, problem: BodyError): Answer {
  const call = `${exchange.method} ${exchange.path}`;
  if (problem.kind === "tooDeep") {
    return fail(400, "malformed_json", `the body of ${call} nests deeper than ${problem.limit} levels; control-plane bodies are flat JSON objects`);
  }
  if (problem.kind === "malformed") return fail(400, "malformed_json", `the body of ${call} is not JSON (${problem.message}); send a JSON object`);
  return fail(413, "payload_too_large", `the body of ${call} is larger than ${problem.limit} bytes; control-plane bodies are small, ${LARGE_BODIES_TEXT}`);
}

/**
 * The control plane under /__sandbox, over `routes` (the sandbox's own calls and every provider's, paths
 * relative to the base): JSON errors `{"error": {"code", "message"}}`; the token is checked before the path
 * is looked up (401, and 403 for the admin token, which names no tenant) except on the calls that check it
 * themselves (health, tokens, tenants); 404 not_found, 405 method_not_allowed with Allow, 400 invalid_path,
 * 400 malformed_json and 413 payload_too_large; answers stay out of the journal and changes are caused by
 * "control"; no rate limits.
 */
export function sandboxDialect(ctx: SandboxContext, routes: RouteTable): Dialect<ControlBody, string> {
  const registry = ctx.registry;
  const own = compileRoutes(Object.fromEntries(Object.entries(routes).filter(([, spec]) => spec.auth !== undefined)));
  const readsNoBody = new Set(Object.entries(routes).flatMap(([id, spec]) => (spec.auth === "none" ? [id] : [])));
  return {
    provider: "sandbox",
    cause: "control",
    journal: false,
    // Control-plane calls are never faulted: the faults are set and cleared through them.
    faults: false,
    owns: (path) => path === SANDBOX_BASE_PATH || path.startsWith(`${SANDBOX_BASE_PATH}/`),
    routePath: underBase,
    tokenFirst: (exchange) => own(exchange.method, underBase(exchange.path)).kind === "none",
    // Pact's provider-state setup resets and sets up the tenant its token names (no token, open mode: "pact").
    openCallTenant: (exchange, id) => {
      if (id !== "setupProviderStates") return undefined;
      const header = exchange.req.headers.authorization;
      if (header === undefined || header.trim() === "") return registry.options.auth === "strict" ? undefined : DEFAULT_PACT_TENANT;
      return registry.tenantIdOf(header);
    },
    refuseToken: (exchange) =>
      callerOf(registry, exchange.req.headers.authorization) === "admin" ? fail(403, "forbidden", ADMIN_IS_NO_TENANT) : undefined,
    notFound: (exchange) =>
      fail(
        404,
        "not_found",
        `there is no control-plane call ${exchange.method} ${exchange.path}; the calls are listed in README.md ("Control plane") and openapi/sandbox.json`,
      ),
    methodNotAllowed: (exchange, allow) => {
      const header = allowHeader(allow);
      return fail(405, "method_not_allowed", `${exchange.method} is not allowed on ${exchange.path}; use ${header}`, { Allow: header });
    },
    badPathParameter: (exchange) =>
      fail(
        400,
        "invalid_path",
        `${exchange.method} ${exchange.path}: a path segment is not valid percent-encoding (a % must be followed by two hex digits); encode ids with encodeURIComponent`,
      ),
    unauthorized: (_exchange, reason) => fail(401, FAILURES[reason].code, FAILURES[reason].message, { "WWW-Authenticate": "Bearer" }),
    // The control plane is not rate limited: rateLimit finds no bucket, so tooManyRequests is never asked.
    rateLimit: () => undefined,
    tooManyRequests: (exchange) => fail(429, "too_many_requests", `${exchange.method} ${exchange.path} is not rate limited; this answer is a sandbox bug, please report it`),
    bodyLimit: (id) => (id === undefined ? undefined : LARGE_BODIES.get(id)) ?? SMALL_BODY_LIMIT_BYTES,
    parse: (read, id, exchange): BodyOutcome<ControlBody> => {
      if (id !== undefined && readsNoBody.has(id)) return { ok: true, body: undefined, journal: undefined };
      if (!read.ok) return { ok: false, answer: bodyProblem(exchange, read.error) };
      if (read.bytes === undefined) return { ok: true, body: undefined, journal: undefined };
      const json = readJsonBody(read.bytes, exchange.req.headers["content-type"]);
      if (!json.ok) return { ok: false, answer: bodyProblem(exchange, json.error) };
      return { ok: true, body: json.value, journal: json.value };
    },
    internalError: (exchange, error) =>
      fail(
        500,
        "internal_error",
        `the sandbox failed on ${exchange.method} ${exchange.path} (${error instanceof Error ? error.message : String(error)}); this is a sandbox bug, please report it with the request`,
      ),
  };
}
