import { describe, expect, it } from "vitest";
import { stringifyInSlices } from "../../src/persistence/sliced-stringify.js";
import { createSandbox } from "../../src/server.js";
import { exportSnapshot, viewSnapshot } from "../../src/state/kernel/snapshot.js";
import { busySession, SESSION_TENANTS } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";

describe("a durable snapshot's view of a tenant (issue 12)", () => {
  it("has the export's exact JSON text for every provider's state, with and without faults, without the deep copy", async () => {
    const clock = { now: T0 };
    const sandbox = createSandbox({ seed: "view", realNow: () => clock.now });
    const base = await sandbox.listen(0, "127.0.0.1");
    try {
      await busySession(base, () => {
        clock.now += 7;
      });
      const tenants = [...sandbox.registry.all()];
      expect(tenants.map((tenant) => tenant.id).sort()).toEqual([...SESSION_TENANTS].sort());
      let withFaults = 0;
      for (const tenant of tenants) {
        const exported = JSON.stringify(exportSnapshot(sandbox.registry, tenant));
        const view = viewSnapshot(sandbox.registry, tenant);
        expect(JSON.stringify(view)).toBe(exported);
        expect((await stringifyInSlices(view, 0)).join("")).toBe(exported);
        if ("faults" in view) withFaults += 1;
      }
      expect(withFaults).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });
});
