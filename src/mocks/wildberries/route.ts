import type { ZodType } from "zod";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { TenantRegistry } from "../../state/kernel/tenants.js";

/** One call to a Wildberries method, after auth, due timers and the rate limit. */
export interface WbCall {
  tenant: Tenant;
  registry: TenantRegistry;
  /** Query parameters, each its first value (`?id=1&id=2` gives "1"). */
  query: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there was none or it was not JSON (see `malformed`). */
  body: unknown;
  /** The body was sent but is not JSON. */
  malformed: boolean;
}

/** What a method answers; the router adds the rate-limit headers, validates and journals. */
export interface WbAnswer {
  status: number;
  /** A JSON value; undefined sends an empty body (Content-Length: 0). */
  body?: unknown;
  /** The contract of `body`. */
  schema?: ZodType;
}

export interface WbRoute {
  method: "GET" | "POST";
  /** The exact path, e.g. "/adv/v1/balance". */
  path: string;
  handle(call: WbCall): WbAnswer;
}
