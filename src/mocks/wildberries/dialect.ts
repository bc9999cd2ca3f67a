import type { WbOperationId } from "../../contracts/wildberries/routes.js";
import { WbGatewayError } from "../../contracts/wildberries/errors.js";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import type { Answer } from "../http/answer.js";
import { SMALL_BODY_LIMIT_BYTES } from "../http/body-reader.js";
import type { SandboxContext } from "../http/context.js";
import type { Dialect } from "../http/dialect.js";
import type { Exchange } from "../http/exchange.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../http/json-depth.js";
import { limitsByOperation } from "../http/rate-limits.js";
import { wildberriesFault } from "./faulted.js";
import { gatewayError, uuidFrom } from "./gateway-errors.js";
import { WILDBERRIES_RATE_LIMITS } from "./rate-limits.js";
import type { WbBody } from "./route.js";
import type { WbScopeRefusal } from "./token-claims.js";
import { tokenScopeCheck } from "./token-scope.js";

const AUTH_DETAIL: Record<AuthFailure, string> = {
  missing: "empty Authorization header",
  unknown: "token problem; token is malformed: the sandbox did not issue this token (strict auth); get one with POST /__sandbox/tokens",
  expired: "token expired; Manage tokens at https://seller.wildberries.ru/supplier-settings/access-to-api",
};

/** A Wildberries-style token refused on its claims (research §2.4: no public sample of the read-only refusal; the category's text). */
const SCOPE_DETAIL: Record<WbScopeRefusal, string> = {
  expired: AUTH_DETAIL.expired,
  category: "token scope not allowed",
  readOnly: "token scope not allowed",
};

/** The `Allow` header of a path: its methods, with HEAD wherever GET is. */
function allowHeader(allow: readonly string[]): string {
  return (allow.includes("GET") ? [...allow, "HEAD"] : allow).join(", ");
}

/**
 * The Wildberries API gateway: `/adv/...` and `/ping` at the root. An unknown path or method is answered
 * before the token; the gateway's own error object for 400 (an unreadable body), 401, 404, 405, 413,
 * 429 (with X-Ratelimit-Retry/-Limit/-Reset) and 500; X-Ratelimit-Remaining on every method's answer.
 * A body that is not JSON reaches the method as `malformed` (each method has its own answer to it).
 */
export function wildberriesDialect(ctx: SandboxContext): Dialect<WbBody, WbOperationId> {
  const realNow = () => ctx.registry.options.realNow();
  const gateway = (exchange: Exchange, status: number, title: string, detail: string, at: number, headers?: Record<string, string>): Answer => ({
    status,
    body: gatewayError(status, title, detail, `${exchange.req.headers.authorization ?? ""} ${exchange.method} ${exchange.path}`, at),
    schema: WbGatewayError,
    headers,
  });
  const scopeRefusal = tokenScopeCheck(ctx);
  return {
    provider: "wildberries",
    owns: (path) => path.startsWith("/adv/") || path === "/ping",
    notFound: (exchange) => gateway(exchange, 404, "path not found", "Please consult the https://dev.wildberries.ru/openapi/api-information", realNow()),
    methodNotAllowed: (exchange, allow) => {
      const header = allowHeader(allow);
      return gateway(exchange, 405, "method not allowed", `${exchange.method} is not allowed on ${exchange.path}; use ${header}`, realNow(), { Allow: header });
    },
    // Wildberries paths have no parameters.
    badPathParameter: (exchange) => gateway(exchange, 404, "path not found", "Please consult the https://dev.wildberries.ru/openapi/api-information", realNow()),
    unauthorized: (exchange, reason) => gateway(exchange, 401, "unauthorized", AUTH_DETAIL[reason], realNow()),
    // A Wildberries-style token's claims: expiry, the Promotion category, read-only on a write (token-scope.ts).
    refuseToken: (exchange) => {
      const refusal = scopeRefusal(exchange);
      return refusal === undefined ? undefined : gateway(exchange, 401, "unauthorized", SCOPE_DETAIL[refusal], realNow());
    },
    rateLimit: limitsByOperation(WILDBERRIES_RATE_LIMITS),
    tooManyRequests: (exchange, tenant, { key, decision }) =>
      gateway(exchange, 429, "too many requests", `limited by ${uuidFrom(`${tenant.id}:${key}`)}`, tenant.now(), {
        "X-Ratelimit-Retry": String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))),
        "X-Ratelimit-Limit": String(decision.limit),
        "X-Ratelimit-Reset": String(Math.max(1, Math.ceil(decision.resetMs / 1000))),
      }),
    passedLimit: (decision) => ({ "X-Ratelimit-Remaining": String(decision.remaining) }),
    faulted: (exchange, status, tenant) => wildberriesFault(exchange, status, tenant.id, tenant.now()),
    bodyLimit: () => SMALL_BODY_LIMIT_BYTES,
    parse: (read, _id, exchange) => {
      if (!read.ok) {
        const problem = read.error;
        if (problem.kind === "tooLarge") {
          return { ok: false, answer: gateway(exchange, 413, "request entity too large", `The request body is larger than ${problem.limit} bytes`, realNow()) };
        }
        const why = problem.kind === "tooDeep" ? `it nests deeper than ${MAX_JSON_DEPTH} levels` : problem.message;
        return { ok: false, answer: gateway(exchange, 400, "bad request", `The request body could not be read (${why})`, realNow()) };
      }
      const raw = read.bytes;
      if (raw === undefined) return { ok: true, body: { value: undefined, malformed: false }, journal: undefined };
      if (nestsDeeperThan(raw)) return { ok: true, body: { value: undefined, malformed: true }, journal: undefined };
      try {
        const value: unknown = JSON.parse(raw.toString("utf8"));
        return { ok: true, body: { value, malformed: false }, journal: value };
      } catch {
        return { ok: true, body: { value: undefined, malformed: true }, journal: undefined };
      }
    },
    internalError: (exchange) =>
      gateway(exchange, 500, "internal server error", "The sandbox failed to handle this call; please report it with the request journal (GET /__sandbox/requests)", realNow()),
  };
}
