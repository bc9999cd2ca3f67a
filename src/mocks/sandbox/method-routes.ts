import type { RequestHandler, Router } from "express";
import type { SandboxContext } from "../http/context.js";
import { fail, pathOf } from "./reply.js";

export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type RouteHandlers = Partial<Record<RouteMethod, RequestHandler>>;

/**
 * Declares one path with its handlers per method; any other method gets
 * 405 `method_not_allowed` with an `Allow` header. Provider control routers can use it too.
 */
export function defineRoute(ctx: SandboxContext, router: Router, path: string, handlers: RouteHandlers): void {
  const route = router.route(path);
  const allowed: string[] = [];
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
    const handler = handlers[method];
    if (handler === undefined) continue;
    allowed.push(method);
    if (method === "GET") allowed.push("HEAD");
    switch (method) {
      case "GET":
        route.get(handler);
        break;
      case "POST":
        route.post(handler);
        break;
      case "PUT":
        route.put(handler);
        break;
      case "PATCH":
        route.patch(handler);
        break;
      case "DELETE":
        route.delete(handler);
        break;
    }
  }
  const allow = allowed.join(", ");
  route.all((req, res) => {
    fail(ctx, req, res, 405, "method_not_allowed", `${req.method} is not allowed on ${pathOf(req)}; use ${allow}`, {
      Allow: allow,
    });
  });
}
