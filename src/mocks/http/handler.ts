import type { RouteSpec, RouteTable } from "../../contracts/http/route.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { TenantRegistry } from "../../state/kernel/tenants.js";
import type { Answer } from "./answer.js";
import type { Exchange } from "./exchange.js";

/** One call of an operation that needs no token (a login). */
export interface OpenCall<B> {
  registry: TenantRegistry;
  /** Path parameters, decoded. */
  params: Readonly<Record<string, string>>;
  /** Query parameters, each its first value. */
  query: Readonly<Record<string, string>>;
  body: B;
  /** The request as sent, for the rare handler that needs more (a page link's host). */
  exchange: Exchange;
}

/** One call of an operation, after its token, due timers, rate limit and body. */
export interface Call<B> extends OpenCall<B> {
  tenant: Tenant;
}

/** A pure operation: a call in, an answer out (a promise for a long one that runs in slices). */
export type Handler<B> = (call: Call<B>) => Answer | Promise<Answer>;
export type OpenHandler<B> = (call: OpenCall<B>) => Answer | Promise<Answer>;

/** The operations of a table that get no tenant from the pipeline (any `auth` kind: none, admin, optional). */
export type OpenIds<T extends RouteTable> = { [K in keyof T]: T[K] extends { auth: NonNullable<RouteSpec["auth"]> } ? K : never }[keyof T];

/** One handler per operation that takes a token: a missing one is a compile error. */
export type Handlers<T extends RouteTable, B> = { readonly [K in Exclude<keyof T, OpenIds<T>>]: Handler<B> };

/** One handler per operation that gets no tenant (it needs no token, or checks the token itself). */
export type OpenHandlers<T extends RouteTable, B> = { readonly [K in OpenIds<T>]: OpenHandler<B> };
