import express, { type Router } from "express";
import type { SandboxContext } from "../http/context.js";
import { authenticate } from "./auth.js";
import { bodyErrors, jsonBodies } from "./body.js";
import { clockRoutes } from "./clock-routes.js";
import { eventRoutes } from "./event-routes.js";
import { lastResort, notFound } from "./fallback.js";
import { healthRoutes } from "./health-routes.js";
import { journalRoutes } from "./journal-routes.js";
import { settingsRoutes } from "./settings-routes.js";
import { stateRoutes } from "./state-routes.js";
import { tenantRoutes } from "./tenant-routes.js";
import { tokenRoutes } from "./token-routes.js";

/**
 * The control plane, mounted at `/__sandbox`. Order: health (open), tokens (open, its small JSON body),
 * then the auth step that binds the caller's tenant (so no refused call's body is read), JSON bodies,
 * the generic calls, each provider's control router, and JSON 404 / error answers for everything else.
 * Paths are case-sensitive, as the providers' are.
 */
export function sandboxRouter(ctx: SandboxContext, providerRouters: Router[]): Router {
  const router = express.Router({ caseSensitive: true });
  healthRoutes(ctx, router);
  router.use("/tokens", jsonBodies(), bodyErrors(ctx));
  tokenRoutes(ctx, router);
  tenantRoutes(ctx, router);

  router.use(authenticate(ctx));
  router.use(jsonBodies());
  router.use(bodyErrors(ctx));
  stateRoutes(ctx, router);
  clockRoutes(ctx, router);
  settingsRoutes(ctx, router);
  journalRoutes(ctx, router);
  eventRoutes(ctx, router);
  for (const providerRouter of providerRouters) router.use(providerRouter);

  router.use(notFound(ctx));
  router.use(lastResort(ctx));
  return router;
}
