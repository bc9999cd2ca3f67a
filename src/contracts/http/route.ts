import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { ZodObject, ZodType } from "zod";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One operation of an API, written once: the server serves it, the OpenAPI document describes it, the
 * typed client calls it and the rate-limit table names it, all from this entry (its key in the table is
 * its operation id).
 */
export interface RouteSpec {
  method: HttpMethod;
  /** The path as OpenAPI writes it, trailing slash included where the provider has one: "/catalog/{id}/". */
  path: string;
  tag: string;
  summary: string;
  /** Path parameters, one zod object (each property one `{name}` of the path). */
  params?: ZodObject;
  /** Query parameters, one zod object (each property one parameter). */
  query?: ZodObject;
  /**
   * The JSON request body. The provider's dialect reads and parses it (each provider answers a broken
   * body its own way) and the handler validates it with this schema, giving the provider's own messages.
   */
  body?: ZodType;
  /** Whether a call may leave the body out (default: required when `body` is given). */
  bodyOptional?: true;
  /**
   * Who may call it; by default the caller's token names the tenant it acts on. The others get no tenant
   * from the pipeline: "none" needs no token (a login, a health check); "admin" needs the control plane's
   * admin token and "optional" takes a token or none, each checked by the operation itself.
   */
  auth?: "none" | "admin" | "optional";
  /** What the operation answers itself, by status (the pipeline's shared answers are added by the dialect). */
  responses: Readonly<Record<number, ResponseConfig>>;
}

/** An API's operations by operation id. */
export type RouteTable = Readonly<Record<string, RouteSpec>>;

/** A route table, its operation ids kept as literal keys so a missing handler or rate limit is a compile error. */
export function routeTable<const T extends RouteTable>(table: T): T {
  return table;
}

/** `/catalog/{id}/` with `{ id: "7" }` gives `/catalog/7/` (each value percent-encoded). */
export function fillPath(path: string, params: Readonly<Record<string, string | number>>): string {
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path ${path} needs the parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}
