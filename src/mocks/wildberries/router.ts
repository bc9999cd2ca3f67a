import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { WbGatewayError } from "../../contracts/wildberries/errors.js";
import { WbPing } from "../../contracts/wildberries/ping.js";
import { findRule } from "../../state/kernel/rate-limit.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import { moscowSeconds } from "../../state/wildberries/moscow-time.js";
import { wildberriesProvider } from "../../state/wildberries/provider.js";
import { bodyReader, SMALL_BODY_LIMIT_BYTES, type RawBody } from "../http/body-reader.js";
import type { SandboxContext } from "../http/context.js";
import { logInternalError } from "../http/internal-error.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../http/json-depth.js";
import { send } from "../http/send.js";
import { bindTenant } from "../http/tenant-of.js";
import { resettleAfterLongJobs, untilIdle, whenIdle } from "../http/tenant-queue.js";
import { gatewayError, uuidFrom } from "./gateway-errors.js";
import type { WbAnswer, WbRoute } from "./route.js";
import { WB_ROUTES } from "./routes.js";

const PROVIDER = "wildberries";

const AUTH_DETAIL: Record<AuthFailure, string> = {
  missing: "empty Authorization header",
  unknown: "token problem; token is malformed: the sandbox did not issue this token (strict auth); get one with POST /__sandbox/tokens",
  expired: "token expired; Manage tokens at https://seller.wildberries.ru/supplier-settings/access-to-api",
};

const PING: WbRoute = {
  method: "GET",
  path: "/ping",
  handle: ({ tenant }) => ({ status: 200, body: { TS: moscowSeconds(tenant.now()), Status: "OK" }, schema: WbPing }),
};

/** The `Allow` header of a path: its methods, with HEAD wherever GET is. */
function allowHeader(byMethod: ReadonlyMap<string, WbRoute>): string {
  const methods = [...byMethod.keys()];
  if (byMethod.has("GET")) methods.push("HEAD");
  return methods.join(", ");
}

/** Routes by path, then by HTTP method. */
function routeTable(routes: readonly WbRoute[]): Map<string, Map<string, WbRoute>> {
  const table = new Map<string, Map<string, WbRoute>>();
  for (const route of routes) {
    const byMethod = table.get(route.path) ?? new Map<string, WbRoute>();
    byMethod.set(route.method, route);
    table.set(route.path, byMethod);
  }
  return table;
}

type JsonBody = { body: unknown; malformed: boolean };

/**
 * The body as the method sees it: parsed JSON, or `malformed` when it is not JSON or nests deeper than
 * MAX_JSON_DEPTH (each method then gives its own answer to an unreadable body).
 */
function parseJson(raw: Buffer | undefined): JsonBody {
  if (raw === undefined) return { body: undefined, malformed: false };
  if (nestsDeeperThan(raw)) return { body: undefined, malformed: true };
  try {
    return { body: JSON.parse(raw.toString("utf8")), malformed: false };
  } catch {
    return { body: undefined, malformed: true };
  }
}

/** Query parameters, each its first string value. */
function firstValues(query: Request["query"]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}

/**
 * The Wildberries Promotion API: `/adv/...` and `/ping` at the app root. One middleware does the whole
 * pipeline: route lookup (404/405 otherwise), auth (a 401 costs nothing), due timers, the per-method
 * token bucket (429 with X-Ratelimit-Retry/-Limit/-Reset), the body, the method, and
 * X-Ratelimit-Remaining on every other answer.
 */
export function wildberriesRouter(ctx: SandboxContext): Router {
  const router = express.Router();
  const table = routeTable([PING, ...WB_ROUTES]);
  const readBody = bodyReader(SMALL_BODY_LIMIT_BYTES);
  const realNow = () => ctx.registry.options.realNow();

  const gateway = (req: Request, res: Response, status: number, title: string, detail: string, at: number, headers?: Record<string, string>) =>
    send(ctx, req, res, {
      provider: PROVIDER,
      status,
      body: gatewayError(status, title, detail, `${req.headers.authorization ?? ""} ${req.method} ${req.path}`, at),
      schema: WbGatewayError,
      headers,
    });

  const answer = (req: Request, res: Response, result: WbAnswer, headers: Record<string, string>) =>
    send(ctx, req, res, { provider: PROVIDER, status: result.status, body: result.body, schema: result.schema, headers });

  /** Takes a token from the method's bucket: the headers to send, or undefined after answering 429. */
  const limit = (req: Request, res: Response, tenant: Tenant, route: WbRoute): Record<string, string> | undefined => {
    if (tenant.settings.rateLimits !== "enforce") return {};
    const found = findRule(wildberriesProvider.rateLimits, route.method, route.path);
    if (found === undefined) return {};
    const decision = tenant.limiter.take(found.key, found.rule, tenant.clock.now());
    if (decision.allowed) return { "X-Ratelimit-Remaining": String(decision.remaining) };
    gateway(req, res, 429, "too many requests", `limited by ${uuidFrom(`${tenant.id}:${found.key}`)}`, tenant.now(), {
      "X-Ratelimit-Retry": String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))),
      "X-Ratelimit-Limit": String(decision.limit),
      "X-Ratelimit-Reset": String(Math.max(1, Math.ceil(decision.resetMs / 1000))),
    });
    return undefined;
  };

  /** A body that could not be read: 413 over the limit, else the gateway's 400. */
  const unreadable = (req: Request, res: Response, read: Extract<RawBody, { ok: false }>) => {
    const problem = read.error;
    if (problem.kind === "tooLarge") {
      return gateway(req, res, 413, "request entity too large", `The request body is larger than ${problem.limit} bytes`, realNow());
    }
    const why = problem.kind === "tooDeep" ? `it nests deeper than ${MAX_JSON_DEPTH} levels` : problem.message;
    gateway(req, res, 400, "bad request", `The request body could not be read (${why})`, realNow());
  };

  router.use(async (req, res, next) => {
    if (!req.path.startsWith("/adv/") && req.path !== "/ping") return next();
    const byMethod = table.get(req.path);
    if (byMethod === undefined) {
      return gateway(req, res, 404, "path not found", "Please consult the https://dev.wildberries.ru/openapi/api-information", realNow());
    }
    // HEAD is GET without the body (Node leaves the body out of a HEAD answer).
    const route = byMethod.get(req.method === "HEAD" ? "GET" : req.method);
    if (route === undefined) {
      const allow = allowHeader(byMethod);
      return gateway(req, res, 405, "method not allowed", `${req.method} is not allowed on ${req.path}; use ${allow}`, realNow(), { Allow: allow });
    }
    const auth = ctx.registry.authenticate(req.headers.authorization);
    if (!auth.ok) return gateway(req, res, 401, "unauthorized", AUTH_DETAIL[auth.reason], realNow());
    const tenant = auth.tenant;
    bindTenant(req, tenant);
    // A long job of this tenant (a clock move in slices) finishes before its next call touches it.
    if (whenIdle(tenant) !== undefined) await untilIdle(tenant);
    tenant.cause = "request";
    tenant.settle();
    const headers = limit(req, res, tenant, route);
    if (headers === undefined) return;
    const read = await readBody(req, res);
    if (whenIdle(tenant) !== undefined) await resettleAfterLongJobs(tenant, "request");
    if (!read.ok) return unreadable(req, res, read);
    const parsed = parseJson(read.bytes);
    req.body = parsed.body;
    const result = route.handle({ tenant, registry: ctx.registry, query: firstValues(req.query), body: parsed.body, malformed: parsed.malformed });
    answer(req, res, result, headers);
  });

  // The last resort: a sandbox bug answers the gateway's 500, is logged with its stack, and the process keeps serving.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith("/adv/") && req.path !== "/ping") return next(err);
    logInternalError(req, err);
    if (res.headersSent) return void res.end();
    gateway(req, res, 500, "internal server error", "The sandbox failed to handle this call; please report it with the request journal (GET /__sandbox/requests)", realNow());
  });

  return router;
}
