import type { RouteTable } from "../../contracts/http/route.js";
import type { TenantRegistry } from "../../state/kernel/tenants.js";
import type { RouteMatch } from "./route-matcher.js";

/** A provider whose calls can be faulted, as its pipeline serves them. */
export interface FaultTarget {
  provider: string;
  routes: RouteTable;
  /** What a call of `method` to `path` (as sent) reaches: the operation, or how it misses. */
  lookup(method: string, path: string): RouteMatch<string>;
  /** The path as its route table is looked up (YooMoney trims extra slashes); faults match this. */
  routePath(path: string): string;
  /** Whether its pipeline answers `path`. */
  owns(path: string): boolean;
}

/**
 * The faultable providers of each sandbox (keyed by its registry), filled in as `createPipeline` builds
 * each pipeline whose dialect may be faulted: `POST /__sandbox/faults` checks a fault's provider,
 * operation, method and path against exactly what is served (a plugged-in fourth provider included).
 */
const targets = new WeakMap<TenantRegistry, FaultTarget[]>();

export function addFaultTarget(registry: TenantRegistry, target: FaultTarget): void {
  const list = targets.get(registry) ?? [];
  targets.set(registry, [...list.filter((known) => known.provider !== target.provider), target]);
}

/** The providers a fault may name in this sandbox, in the order their pipelines were built. */
export function faultTargets(registry: TenantRegistry): readonly FaultTarget[] {
  return targets.get(registry) ?? [];
}
