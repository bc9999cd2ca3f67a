import express, { type Router } from "express";
import type { ProviderModule } from "../../src/state/kernel/provider.js";
import type { Tenant } from "../../src/state/kernel/tenant.js";
import type { SandboxContext } from "../../src/mocks/http/context.js";
import { send } from "../../src/mocks/http/send.js";
import { bindTenant, tenantOf } from "../../src/mocks/http/tenant-of.js";
import { defineRoute } from "../../src/mocks/sandbox/method-routes.js";
import { fail, reply } from "../../src/mocks/sandbox/reply.js";

/**
 * A tiny provider for kernel and control-plane tests: "things" with a status, an expiry timer
 * (`fake.expire`) that records the instant it ran at, a provider API at /fake that is journaled,
 * and a control route `POST /__sandbox/fake/things/:id/poke`.
 */
export interface Thing {
  id: string;
  status: string;
}

interface FakeState {
  things: Map<string, Thing>;
  /** (kind, tenant.now() inside the handler) of every fake timer that ran. */
  ran: { kind: string; now: number; id: string }[];
}

const states = new WeakMap<Tenant, FakeState>();

export function fakeState(tenant: Tenant): FakeState {
  let state = states.get(tenant);
  if (state === undefined) {
    state = { things: new Map(), ran: [] };
    states.set(tenant, state);
  }
  return state;
}

export function createThing(tenant: Tenant, id: string, expiresInMs?: number): void {
  fakeState(tenant).things.set(id, { id, status: "new" });
  tenant.record({ provider: "fake", entity: "thing", id, from: null, to: "new" });
  if (expiresInMs !== undefined) tenant.schedule(tenant.now() + expiresInMs, "fake.expire", { thingId: id });
}

function setStatus(tenant: Tenant, id: string, status: string): void {
  const thing = fakeState(tenant).things.get(id);
  if (thing === undefined) return;
  tenant.record({ provider: "fake", entity: "thing", id, from: thing.status, to: status, detail: { via: tenant.cause } });
  thing.status = status;
}

export const fakeProvider: ProviderModule = {
  name: "fake",
  timers: {
    "fake.expire": (tenant, timer) => {
      const id = typeof timer.payload.thingId === "string" ? timer.payload.thingId : "";
      fakeState(tenant).ran.push({ kind: timer.kind, now: tenant.now(), id });
      setStatus(tenant, id, "expired");
      return { status: "expired" };
    },
    /** Schedules a follow-up `fake.expire` one minute later: a handler that schedules more timers. */
    "fake.chain": (tenant, timer) => {
      const id = typeof timer.payload.thingId === "string" ? timer.payload.thingId : "";
      fakeState(tenant).ran.push({ kind: timer.kind, now: tenant.now(), id });
      tenant.schedule(tenant.now() + 60_000, "fake.expire", { thingId: id });
    },
  },
  rateLimits: [],
  exportState(tenant) {
    return { things: [...fakeState(tenant).things.values()].map((t) => ({ id: t.id, status: t.status })) };
  },
  importState(tenant, data) {
    if (typeof data !== "object" || data === null || !("things" in data) || !Array.isArray(data.things)) {
      return { ok: false, message: "things must be an array" };
    }
    const state = fakeState(tenant);
    for (const item of data.things) {
      if (typeof item !== "object" || item === null || !("id" in item) || !("status" in item)) {
        return { ok: false, message: "every thing needs an id and a status" };
      }
      const { id, status } = item;
      if (typeof id !== "string" || typeof status !== "string") return { ok: false, message: "id and status must be strings" };
      state.things.set(id, { id, status });
    }
    return { ok: true };
  },
};

/** The fake provider's API: `POST /fake/things` `{"id","expiresInMs"?}`, `GET /fake/things/:id`; journaled. */
export function fakeApiRouter(ctx: SandboxContext): Router {
  const router = express.Router();
  router.use(express.json());
  router.use((req, res, next) => {
    const auth = ctx.registry.authenticate(req.headers.authorization);
    if (!auth.ok) {
      send(ctx, req, res, { provider: "fake", status: 401, body: { detail: auth.reason } });
      return;
    }
    bindTenant(req, auth.tenant);
    auth.tenant.cause = "request";
    auth.tenant.settle();
    next();
  });
  router.post("/things", (req, res) => {
    const tenant = tenantOf(req);
    const body: unknown = req.body;
    if (tenant === undefined || typeof body !== "object" || body === null || !("id" in body) || typeof body.id !== "string") {
      send(ctx, req, res, { provider: "fake", status: 400, body: { detail: "id required" } });
      return;
    }
    const expiresInMs = "expiresInMs" in body && typeof body.expiresInMs === "number" ? body.expiresInMs : undefined;
    createThing(tenant, body.id, expiresInMs);
    send(ctx, req, res, { provider: "fake", status: 201, body: { id: body.id, status: "new" } });
  });
  router.get("/things/:id", (req, res) => {
    const tenant = tenantOf(req);
    const thing = tenant === undefined ? undefined : fakeState(tenant).things.get(req.params.id);
    if (thing === undefined) {
      send(ctx, req, res, { provider: "fake", status: 404, body: { detail: "Not found." } });
      return;
    }
    send(ctx, req, res, { provider: "fake", status: 200, body: { id: thing.id, status: thing.status } });
  });
  return router;
}

/** The fake provider's control route, mounted by `sandboxRouter` after the auth step. */
export function fakeControlRouter(ctx: SandboxContext): Router {
  const router = express.Router();
  defineRoute(ctx, router, "/fake/things/:id/poke", {
    POST: (req, res) => {
      const tenant = tenantOf(req);
      const id = req.params.id;
      if (tenant === undefined || typeof id !== "string" || !fakeState(tenant).things.has(id)) {
        fail(ctx, req, res, 404, "thing_not_found", "no such thing");
        return;
      }
      setStatus(tenant, id, "poked");
      reply(ctx, req, res, 200, { id, status: "poked" }, undefined);
    },
  });
  return router;
}
