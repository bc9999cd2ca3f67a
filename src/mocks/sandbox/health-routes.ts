import type { Router } from "express";
import { SandboxHealth } from "../../contracts/sandbox/health.js";
import type { SandboxContext } from "../http/context.js";
import { defineRoute } from "./method-routes.js";
import { reply } from "./reply.js";

/** `GET /health`: no token needed. */
export function healthRoutes(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/health", {
    GET: (req, res) => {
      const providers = ctx.registry.options.providers.map((p) => p.name);
      reply(ctx, req, res, 200, { status: "ok", version: ctx.version, providers }, SandboxHealth);
    },
  });
}
