import express, { type Express } from "express";
import { expect } from "vitest";
import type { SandboxContext } from "../../src/mocks/http/context.js";
import { sandboxRouter } from "../../src/mocks/sandbox/router.js";
import { DEFAULT_SETTINGS } from "../../src/state/kernel/settings.js";
import { TenantRegistry, type KernelOptions } from "../../src/state/kernel/tenants.js";
import { fakeApiRouter, fakeControlRouter, fakeProvider } from "./fake-provider.js";
import { afterThisTest } from "./after-test.js";
import { T0 } from "./fixed-time.js";

export interface ControlApp {
  app: Express;
  registry: TenantRegistry;
  ctx: SandboxContext;
}

/**
 * The control plane on its own, with the fake provider (a timer kind that records, a journaled API at
 * /fake, a control route) and real time standing at T0. Responses are checked against their contracts.
 */
export function makeControlApp(options: Partial<KernelOptions> = {}): ControlApp {
  const registry = new TenantRegistry({
    seed: "test-seed",
    auth: "open",
    defaults: DEFAULT_SETTINGS,
    realNow: () => T0,
    providers: [fakeProvider],
    limits: { journalSize: 100, eventLogSize: 100 },
    ...options,
  });
  const ctx: SandboxContext = { registry, version: "9.9.9-test", validateResponses: true, violations: [], onAnswer: undefined };
  const app = express();
  app.set("etag", false);
  app.use("/__sandbox", sandboxRouter(ctx, [fakeControlRouter(ctx)]));
  app.use("/fake", fakeApiRouter(ctx));
  afterThisTest(() => expect(ctx.violations).toEqual([]));
  return { app, registry, ctx };
}
