import { DEFAULT_SETTINGS } from "../../../src/state/kernel/settings.js";
import { TenantRegistry, type KernelOptions } from "../../../src/state/kernel/tenants.js";
import { fakeProvider } from "../../support/fake-provider.js";
import { T0 } from "./tenant-fixture.js";

/** A registry at T0 with the fake provider (test/support/fake-provider.ts). */
export function makeRegistry(options: Partial<KernelOptions> = {}): TenantRegistry {
  return new TenantRegistry({
    seed: "seed",
    auth: "open",
    defaults: DEFAULT_SETTINGS,
    realNow: () => T0,
    providers: [fakeProvider],
    limits: { journalSize: 10, eventLogSize: 10 },
    ...options,
  });
}
