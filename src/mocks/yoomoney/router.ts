import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { ErrorResponse, LoginRequest, LoginResponse } from "../../contracts/yoomoney/index.js";
import { findRule } from "../../state/kernel/rate-limit.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { YmError } from "../../state/yoomoney/errors.js";
import { login } from "../../state/yoomoney/login.js";
import { yoomoneyProvider } from "../../state/yoomoney/provider.js";
import { classifyBodyError } from "../http/body-errors.js";
import type { SandboxContext } from "../http/context.js";
import { send } from "../http/send.js";
import { bindTenant } from "../http/tenant-of.js";
import { errorBody } from "./errors.js";
import { METHODS } from "./methods.js";

const PROVIDER = "yoomoney";
const BASE_PATH = "/api/offerwall/v1";
/** Room for a few million promo codes in one campaigns/add-pins. */
export const BODY_LIMIT_BYTES = 128 * 1024 * 1024;

const AUTH_MESSAGES = {
  missing: "No access token: send Authorization: Bearer <access token> (users/login issues one)",
  expired: "The access token has expired; get a new one with users/login",
  unknown: "This access token was not issued by the sandbox (strict auth); get one with users/login or POST /__sandbox/tokens",
} as const;

const METHOD_LIST =
  "users/login, categories/get and campaigns/{create,update,start,stop,add-pins,redeem,get,info,get-all-campaigns,get-pins-by-status}";

type BodyResult = { ok: true; body: unknown } | { ok: false; error: YmError };

/** The raw body as JSON: any JSON value (the contract then says what is wrong with it); none is `{}`. */
function parseJson(raw: unknown): BodyResult {
  if (!Buffer.isBuffer(raw) || raw.length === 0) return { ok: true, body: {} };
  try {
    return { ok: true, body: JSON.parse(raw.toString("utf8")) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid JSON";
    return { ok: false, error: { code: "incorrectData", parameter: "body", detail: `The request body is not valid JSON (${reason})` } };
  }
}

/**
 * The YooMoney offer-program API under /api/offerwall/v1: POST only, JSON in and out. One route does the
 * whole pipeline (auth, due timers, rate limit, body, method), which keeps the hot path short.
 */
export function yoomoneyRouter(ctx: SandboxContext): Router {
  const router = express.Router();
  const fail = (req: Request, res: Response, status: number, error: YmError, headers?: Record<string, string>) =>
    send(ctx, req, res, { provider: PROVIDER, status, body: errorBody(error), schema: ErrorResponse, headers });
  const readBody = express.raw({ limit: BODY_LIMIT_BYTES, type: () => true });

  /** Reads the body, parses it as JSON and leaves the parsed value on req.body (for the journal). */
  const readJson = (req: Request, res: Response, next: NextFunction, then: (parsed: BodyResult) => void) =>
    readBody(req, res, (err?: unknown) => {
      if (err !== undefined) return next(err);
      const parsed = parseJson(req.body);
      req.body = parsed.ok ? parsed.body : undefined;
      then(parsed);
    });

  /** Reads the body (after auth and the rate limit, so a refused call is not read); not JSON is a 400. */
  const withBody = (req: Request, res: Response, next: NextFunction, use: (body: unknown) => void) =>
    readJson(req, res, next, (parsed) => (parsed.ok ? use(parsed.body) : fail(req, res, 400, parsed.error)));

  const limited = (req: Request, tenant: Tenant): number | undefined => {
    if (tenant.settings.rateLimits !== "enforce") return undefined;
    // One bucket per method however its path is spelled (express also serves ".../categories/get/").
    const found = findRule(yoomoneyProvider.rateLimits, "POST", `${BASE_PATH}/${req.params.group}/${req.params.method}`);
    if (found === undefined) return undefined;
    const decision = tenant.limiter.take(found.key, found.rule, tenant.clock.now());
    return decision.allowed ? undefined : Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  };

  router.post("/:group/:method", (req, res, next) => {
    const name = `${req.params.group}/${req.params.method}`;
    if (name === "users/login") {
      return withBody(req, res, next, (body) => {
        const parsed = LoginRequest.safeParse(body);
        if (!parsed.success) {
          return fail(req, res, 401, { code: "unauthorized", detail: "Invalid login or password: both are required, non-empty strings" });
        }
        send(ctx, req, res, { provider: PROVIDER, status: 200, body: login(ctx.registry, parsed.data.login), schema: LoginResponse });
      });
    }
    const run = METHODS.get(name);
    const auth = ctx.registry.authenticate(req.headers.authorization);
    if (!auth.ok) return fail(req, res, 401, { code: "unauthorized", detail: AUTH_MESSAGES[auth.reason] });
    const tenant = auth.tenant;
    bindTenant(req, tenant);
    if (run === undefined) return next();
    tenant.cause = "request";
    tenant.settle();
    const retryAfter = limited(req, tenant);
    if (retryAfter !== undefined) {
      const detail = `Too many requests to ${name}; retry in ${retryAfter} s (virtual time)`;
      return fail(req, res, 429, { code: "tooManyRequests", detail }, { "Retry-After": String(retryAfter) });
    }
    withBody(req, res, next, (body) => {
      const answer = run(tenant, body, ctx.registry);
      send(ctx, req, res, { provider: PROVIDER, status: answer.status, body: answer.body, schema: answer.schema });
    });
  });

  // Not a method: answered after reading the body, so the journal shows what was sent.
  router.use((req, res, next) => {
    const name = req.path.replace(/^\/+|\/+$/g, "");
    readJson(req, res, next, () => {
      if (METHODS.has(name) || name === "users/login") {
        return fail(req, res, 405, { code: "methodNotFound", detail: `${name} takes POST with a JSON body, not ${req.method}` }, { Allow: "POST" });
      }
      fail(req, res, 404, { code: "methodNotFound", detail: `There is no offer-program method ${name}; the methods are ${METHOD_LIST}` });
    });
  });

  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const bodyError = classifyBodyError(err);
    if (bodyError?.kind === "tooLarge") {
      return fail(req, res, 413, { code: "incorrectData", parameter: "body", detail: `The request body is larger than ${bodyError.limit} bytes; split the upload into several calls` });
    }
    if (bodyError?.kind === "malformed") {
      return fail(req, res, 400, { code: "incorrectData", parameter: "body", detail: `The request body could not be read (${bodyError.message})` });
    }
    fail(req, res, 500, { code: "internalError", detail: "The sandbox failed to handle this call; please report it with the request journal (GET /__sandbox/requests)" });
  });

  return router;
}
