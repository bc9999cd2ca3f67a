import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { ErrorResponse, LoginRequest, LoginResponse } from "../../contracts/yoomoney/index.js";
import { findRule } from "../../state/kernel/rate-limit.js";
import { login } from "../../state/yoomoney/login.js";
import { yoomoneyProvider } from "../../state/yoomoney/provider.js";
import type { YmError } from "../../state/yoomoney/errors.js";
import { classifyBodyError } from "../http/body-errors.js";
import type { SandboxContext } from "../http/context.js";
import { send } from "../http/send.js";
import { bindTenant, tenantOf } from "../http/tenant-of.js";
import { errorBody } from "./errors.js";
import { METHODS } from "./methods.js";

const PROVIDER = "yoomoney";
/** Room for a few million promo codes in one campaigns/add-pins. */
export const BODY_LIMIT_BYTES = 128 * 1024 * 1024;

const AUTH_MESSAGES = {
  missing: "No access token: send Authorization: Bearer <access token> (users/login issues one)",
  expired: "The access token has expired; get a new one with users/login",
  unknown: "This access token was not issued by the sandbox (strict auth); get one with users/login or POST /__sandbox/tokens",
} as const;

/** The YooMoney offer-program API under /api/offerwall/v1: POST only, JSON in and out. */
export function yoomoneyRouter(ctx: SandboxContext): Router {
  const router = express.Router();
  const fail = (req: Request, res: Response, status: number, error: YmError, headers?: Record<string, string>) =>
    send(ctx, req, res, { provider: PROVIDER, status, body: errorBody(error), schema: ErrorResponse, headers });
  const json = express.json({ limit: BODY_LIMIT_BYTES, type: () => true, strict: false });

  router.post("/users/login", json, (req, res) => {
    const body: unknown = req.body ?? {};
    const parsed = LoginRequest.safeParse(body);
    if (!parsed.success) {
      return fail(req, res, 401, { code: "unauthorized", detail: "Invalid login or password: both are required, non-empty strings" });
    }
    const answer = login(ctx.registry, parsed.data.login);
    send(ctx, req, res, { provider: PROVIDER, status: 200, body: answer, schema: LoginResponse });
  });
  router.all("/users/login", (req, res) => {
    res.set("Allow", "POST");
    fail(req, res, 405, { code: "methodNotFound", detail: `users/login takes POST with a JSON body, not ${req.method}` });
  });

  router.use((req, res, next) => {
    const auth = ctx.registry.authenticate(req.headers.authorization);
    if (!auth.ok) return fail(req, res, 401, { code: "unauthorized", detail: AUTH_MESSAGES[auth.reason] });
    const tenant = auth.tenant;
    bindTenant(req, tenant);
    tenant.cause = "request";
    tenant.settle();
    if (tenant.settings.rateLimits === "enforce") {
      // One bucket per method however its path is spelled (express also serves ".../categories/get/").
      const found = findRule(yoomoneyProvider.rateLimits, req.method, (req.baseUrl + req.path).replace(/\/+$/, ""));
      if (found !== undefined) {
        const decision = tenant.limiter.take(found.key, found.rule, tenant.clock.now());
        if (!decision.allowed) {
          const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
          return fail(req, res, 429, { code: "tooManyRequests", detail: `Too many requests to ${req.path.slice(1)}; retry in ${seconds} s (virtual time)` }, { "Retry-After": String(seconds) });
        }
      }
    }
    next();
  });

  router.post("/:group/:method", json, (req, res, next) => {
    const name = `${req.params.group}/${req.params.method}`;
    const run = METHODS.get(name);
    const tenant = tenantOf(req);
    if (run === undefined || tenant === undefined) return next();
    const answer = run(tenant, req.body, ctx.registry);
    send(ctx, req, res, { provider: PROVIDER, status: answer.status, body: answer.body, schema: answer.schema });
  });

  router.use((req, res) => {
    const name = req.path.slice(1);
    if (METHODS.has(name) || name === "users/login") {
      res.set("Allow", "POST");
      return fail(req, res, 405, { code: "methodNotFound", detail: `${name} takes POST with a JSON body, not ${req.method}` });
    }
    fail(req, res, 404, { code: "methodNotFound", detail: `There is no offer-program method ${name}; the methods are users/login, categories/get and campaigns/{create,update,start,stop,add-pins,redeem,get,info,get-all-campaigns,get-pins-by-status}` });
  });

  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const bodyError = classifyBodyError(err);
    if (bodyError?.kind === "tooLarge") {
      return fail(req, res, 413, { code: "incorrectData", parameter: "body", detail: `The request body is larger than ${bodyError.limit} bytes; split the upload into several calls` });
    }
    if (bodyError?.kind === "malformed") {
      return fail(req, res, 400, { code: "incorrectData", parameter: "body", detail: `The request body is not valid JSON (${bodyError.message})` });
    }
    fail(req, res, 500, { code: "internalError", detail: "The sandbox failed to handle this call; please report it with the request journal (GET /__sandbox/requests)" });
  });

  return router;
}
