import type { Express } from "express";

/** A route an express app serves: the HTTP method (lower case) and the full path, `:param`s as `{}`. */
export interface ServedRoute {
  method: string;
  path: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** `/a/{x}/b` and `/a/:x/b` both become `/a/{}/b`, so documented and served paths compare. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, "{}").replace(/:[A-Za-z_]\w*/g, "{}");
}

function join(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  return joined.length > 1 ? joined.replace(/\/+$/, "") : joined;
}

function walk(stack: unknown, prefix: string, out: ServedRoute[]): void {
  if (!Array.isArray(stack)) return;
  for (const layer of stack) {
    if (!isRecord(layer)) continue;
    const route = layer.route;
    if (isRecord(route) && typeof route.path === "string" && isRecord(route.methods)) {
      for (const method of Object.keys(route.methods)) {
        if (method !== "_all") out.push({ method, path: normalizePath(join(prefix, route.path)) });
      }
      continue;
    }
    const handle = layer.handle;
    if ((typeof handle === "function" || isRecord(handle)) && "stack" in handle) {
      const mount = typeof layer.rawPath === "string" ? layer.rawPath : "/";
      walk(handle.stack, join(prefix, mount), out);
    }
  }
}

/**
 * Every route registered on the app (Express 5: `app.router.stack`, mounted routers carry `rawPath`).
 * Middleware-only layers (auth, body parsers, 404 fallbacks) are not routes and are skipped.
 */
export function servedRoutes(app: Express): ServedRoute[] {
  const router: unknown = Reflect.get(app, "router");
  if (!isRecord(router) && typeof router !== "function") throw new Error("express app has no router: has the express major version changed?");
  const out: ServedRoute[] = [];
  walk(Reflect.get(router, "stack"), "/", out);
  if (out.length === 0) throw new Error("found no routes on the express app: has the router's internal layout changed?");
  return out;
}
