import type { ProviderStates } from "./provider-states.js";
import type { Tenant } from "./tenant.js";

/**
 * The per-tenant plumbing every provider needs, once: its state of a tenant by key (provider-states.ts),
 * made on first use, looked at without making it, or replaced (a snapshot import).
 */

/** The tenant's state under `key`, made by `create` on first use (which may draw from the tenant's randomness). */
export function stateOf<K extends keyof ProviderStates>(tenant: Tenant, key: K, create: (tenant: Tenant) => ProviderStates[K]): ProviderStates[K] {
  const known = tenant.states?.[key];
  if (known !== undefined) return known;
  const made = create(tenant);
  (tenant.states ??= {})[key] = made;
  return made;
}

/** The tenant's state under `key` if it has one, without making it (exports and timers use this: no state, nothing to do). */
export function peekState<K extends keyof ProviderStates>(tenant: Tenant, key: K): ProviderStates[K] | undefined {
  return tenant.states?.[key];
}

/** Installs `state` as the tenant's state under `key` (a snapshot import). */
export function replaceState<K extends keyof ProviderStates>(tenant: Tenant, key: K, state: ProviderStates[K]): void {
  (tenant.states ??= {})[key] = state;
}
