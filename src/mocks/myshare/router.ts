import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { findRule } from "../../state/kernel/rate-limit.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { myshareProvider } from "../../state/myshare/provider.js";
import type { SandboxContext } from "../http/context.js";
import { logInternalError } from "../http/internal-error.js";
import { bindTenant } from "../http/tenant-of.js";
import { untilIdle, whenIdle } from "../http/tenant-queue.js";
import { detail, NOT_FOUND } from "./http/call.js";
import { allowHeader, handlerFor, ROUTES, type RouteDef } from "./routes/table.js";

/** The paths myshare owns; anything else goes on to the next router. */
const OWNED = /^\/(?:catalog|offer|landing|deal|promo)(?:\/|$)/;

const AUTH_DETAIL = {
  missing: "Authentication credentials were not provided.",
  unknown: "Invalid token.",
  expired: "Invalid token.",
} as const;

function match(path: string): { route: RouteDef; id: string } | undefined {
  for (const route of ROUTES) {
    const found = route.pattern.exec(path);
    if (found !== null) return { route, id: found[1] ?? "" };
  }
  return undefined;
}

function decoded(id: string): string | undefined {
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

/** Seconds until the tenant may call again (DRF throttle), or undefined when allowed. */
function throttled(tenant: Tenant, method: string, path: string): number | undefined {
  if (tenant.settings.rateLimits !== "enforce") return undefined;
  const found = findRule(myshareProvider.rateLimits, method, path);
  if (found === undefined) return undefined;
  const decision = tenant.limiter.take(found.key, found.rule, tenant.clock.now());
  return decision.allowed ? undefined : Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
}

/**
 * The myshare affiliate API at the app root: /catalog/, /offer/, /landing/, /deal/, /promo/. The order
 * is Django REST Framework's: URL resolution (a path without its trailing slash is redirected, an
 * unknown one is 404), then authentication (401), throttling (429), the method (405), and the view.
 */
export function myshareRouter(ctx: SandboxContext): Router {
  const router = express.Router();

  router.use(async (req, res, next) => {
    if (!OWNED.test(req.path)) return next();
    const found = match(req.path);
    if (found === undefined) {
      if (match(`${req.path}/`) !== undefined) {
        // Django's APPEND_SLASH: a permanent redirect to the slashed URL, for every method.
        const at = req.originalUrl.indexOf("?");
        const location = at === -1 ? `${req.originalUrl}/` : `${req.originalUrl.slice(0, at)}/${req.originalUrl.slice(at)}`;
        res.status(301).set("Location", location).end();
        return;
      }
      return detail(ctx, req, res, 404, NOT_FOUND);
    }
    const auth = ctx.registry.authenticate(req.headers.authorization);
    if (!auth.ok) return detail(ctx, req, res, 401, AUTH_DETAIL[auth.reason], { "WWW-Authenticate": "Token" });
    const tenant = auth.tenant;
    bindTenant(req, tenant);
    // A long job of this tenant (a clock move in slices) finishes before its next call touches it.
    if (whenIdle(tenant) !== undefined) await untilIdle(tenant);
    tenant.cause = "request";
    tenant.settle();
    const wait = throttled(tenant, req.method, req.path);
    if (wait !== undefined) {
      const unit = wait === 1 ? "second" : "seconds";
      return detail(ctx, req, res, 429, `Request was throttled. Expected available in ${wait} ${unit}.`, { "Retry-After": String(wait) });
    }
    const handler = handlerFor(found.route, req.method);
    if (handler === undefined) {
      return detail(ctx, req, res, 405, `Method "${req.method}" not allowed.`, { Allow: allowHeader(found.route) });
    }
    const id = decoded(found.id);
    if (id === undefined) return detail(ctx, req, res, 404, NOT_FOUND);
    handler({ ctx, req, res, next, tenant, id });
  });

  // The last resort: a sandbox bug answers Django's 500, is logged with its stack, and the process keeps serving.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!OWNED.test(req.path)) return next(err);
    logInternalError(req.method, req.originalUrl, err);
    if (res.headersSent) return void res.end();
    detail(ctx, req, res, 500, "A server error occurred.");
  });

  return router;
}
