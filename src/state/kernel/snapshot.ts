import { SandboxStateInput, type SandboxState } from "../../contracts/sandbox/state.js";
import { Faults } from "./faults.js";
import { describeIssues } from "./issues.js";
import { fail, ok, type Result } from "./result.js";
import type { Tenant } from "./tenant.js";
import type { TenantRegistry } from "./tenants.js";

/**
 * A tenant's whole state as plain JSON (`GET`/`PUT /__sandbox/state`, `--state-file`): its clock,
 * settings, randomness, pending timers and every provider's own state.
 */
export type TenantSnapshot = SandboxState;

export function exportSnapshot(registry: TenantRegistry, tenant: Tenant): TenantSnapshot {
  const providers: TenantSnapshot["providers"] = {};
  for (const provider of registry.options.providers) providers[provider.name] = provider.exportState(tenant);
  return snapshotOf(tenant, providers);
}

/** exportSnapshot's shape with each provider's part as its view (plain data, possibly shared with the live state). */
export type TenantSnapshotView = Omit<TenantSnapshot, "providers"> & { providers: Record<string, unknown> };

/**
 * exportSnapshot's data with each provider's part as its view (ProviderModule.viewState): it may share the
 * live state's objects, so the caller serialises it before the tenant next changes (a durable snapshot, in the
 * tenant's turn). Its JSON text is exportSnapshot's, without the deep copy of a large state.
 */
export function viewSnapshot(registry: TenantRegistry, tenant: Tenant): TenantSnapshotView {
  const providers: Record<string, unknown> = {};
  for (const provider of registry.options.providers) providers[provider.name] = provider.viewState === undefined ? provider.exportState(tenant) : provider.viewState(tenant);
  return snapshotOf(tenant, providers);
}

/** The snapshot of `tenant` with `providers` as its providers' parts; the kernel's own: clock, settings, randomness, timers and faults. */
function snapshotOf<P>(tenant: Tenant, providers: P): Omit<TenantSnapshot, "providers"> & { providers: P } {
  const clock = tenant.clock.snapshot();
  const scheduler = tenant.scheduler.snapshot();
  return {
    schemaVersion: 1,
    tenant: tenant.id,
    clock: { offsetMs: clock.offsetMs, frozenAt: clock.frozenAt },
    settings: { ...tenant.settings },
    rng: tenant.rng.snapshot(),
    scheduler: {
      nextId: scheduler.nextId,
      timers: scheduler.timers.map((t) => ({ id: t.id, at: t.at, kind: t.kind, payload: t.payload })),
    },
    // The providers' parts before the faults: the text's order since the faults came (issue 11).
    providers,
    // Only a tenant that ever had a fault carries the part, so other snapshots stay as they were.
    ...(tenant.peekFaults()?.used === true ? { faults: tenant.faults.snapshot() } : {}),
  };
}

/**
 * Replaces tenant `id` with the state in `data`. Everything is checked first, and the state is built
 * on a fresh tenant that is installed only when every provider accepted its part, so a refused
 * snapshot leaves the current tenant exactly as it was. Providers the snapshot does not mention
 * start empty. A refusal names the path once ("providers.yoomoney: campaigns[0].status: ...").
 * `complete`, when given, finishes the new tenant just before it is installed (a durable snapshot's history:
 * src/persistence/durable-snapshot.ts), so no one sees it without.
 */
export function importSnapshot(registry: TenantRegistry, id: string, data: unknown, complete?: (tenant: Tenant) => void): Result<Tenant, string> {
  const parsed = SandboxStateInput.safeParse(data);
  if (!parsed.success) return fail(describeIssues(parsed.error));
  const snapshot = parsed.data;

  const providers = registry.options.providers;
  const served = providers.map((p) => p.name);
  const unknown = Object.keys(snapshot.providers).filter((name) => !served.includes(name));
  if (unknown.length > 0) {
    return fail(`providers: this sandbox does not serve ${unknown.map((n) => `"${n}"`).join(", ")} (it serves: ${served.join(", ") || "none"}); remove that state from the snapshot`);
  }
  const kinds = registry.timerKinds();
  for (const [index, timer] of snapshot.scheduler.timers.entries()) {
    if (!kinds.includes(timer.kind)) {
      return fail(`scheduler.timers[${index}].kind: no provider handles timers of kind "${timer.kind}" (known: ${kinds.join(", ") || "none"})`);
    }
  }

  const tenant = registry.fresh(id);
  tenant.clock.restore(snapshot.clock);
  tenant.settings = { ...snapshot.settings };
  tenant.rng.restore(snapshot.rng);
  tenant.scheduler.restore(snapshot.scheduler);
  if (snapshot.faults !== undefined) tenant.restoreFaults(Faults.restore(snapshot.faults));
  for (const provider of providers) {
    if (!Object.hasOwn(snapshot.providers, provider.name)) continue;
    const result = importProvider(() => provider.importState(tenant, snapshot.providers[provider.name]));
    if (!result.ok) {
      registry.discard(tenant);
      return fail(`providers.${provider.name}: ${result.error}`);
    }
  }
  complete?.(tenant);
  registry.install(tenant);
  return ok(tenant);
}

/** A provider that throws instead of returning a typed refusal still must not break the import. */
function importProvider(run: () => Result<void, string>): Result<void, string> {
  try {
    return run();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
