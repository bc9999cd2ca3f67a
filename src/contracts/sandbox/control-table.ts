import type { RouteTable } from "../http/route.js";

/** An OpenAPI tag of control-plane calls, and what it groups. */
export interface ControlTag {
  name: string;
  description?: string;
}

/**
 * Control-plane calls: the sandbox's own (routes.ts) or one provider's (src/contracts/<provider>/control.ts),
 * each path written relative to SANDBOX_BASE_PATH. Every route's `tag` is one of `tags`, which the OpenAPI
 * document lists in this order.
 */
export interface ControlTable<T extends RouteTable = RouteTable> {
  tags: readonly ControlTag[];
  routes: T;
}

/** A control table, its operation ids kept as literal keys (so a missing handler is a compile error). */
export function controlTable<const T extends RouteTable>(table: ControlTable<T>): ControlTable<T> {
  return table;
}
