import { expect } from "vitest";
import type { RequestListener } from "../../src/server.js";
import { createSandbox } from "../../src/server.js";
import type { KernelOptions } from "../../src/state/kernel/tenants.js";
import type { TenantRegistry } from "../../src/state/kernel/tenants.js";
import { afterThisTest } from "./after-test.js";
import { fakePlug } from "./fake-provider.js";
import { T0 } from "./fixed-time.js";

export interface ControlApp {
  app: RequestListener;
  registry: TenantRegistry;
}

/** What a control-plane test may set: the kernel's options, named as the kernel names them. */
export type ControlAppOptions = Partial<Pick<KernelOptions, "seed" | "auth" | "adminToken" | "defaults" | "realNow" | "limits" | "tenantTtlMs">>;

/**
 * The control plane with the fake provider as the only provider (a timer kind that records, a journaled
 * API at /fake, a control call), built by createSandbox as a fourth provider would be plugged in, with
 * real time standing at T0 and no eviction. Responses are checked against their contracts.
 */
export function makeControlApp(options: ControlAppOptions = {}): ControlApp {
  const sandbox = createSandbox({
    seed: options.seed ?? "test-seed",
    auth: options.auth ?? "open",
    ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
    ...(options.defaults === undefined ? {} : { settings: options.defaults }),
    realNow: options.realNow ?? (() => T0),
    journalSize: options.limits?.journalSize ?? 100,
    eventLogSize: options.limits?.eventLogSize ?? 100,
    tenantTtlMs: options.tenantTtlMs ?? 0,
    validateResponses: true,
    providers: [fakePlug],
  });
  afterThisTest(() => expect(sandbox.violations).toEqual([]));
  return { app: sandbox.app, registry: sandbox.registry };
}
