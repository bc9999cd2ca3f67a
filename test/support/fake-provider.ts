import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { generateDocument } from "../../src/contracts/openapi/generate.js";
import { registerRoutes } from "../../src/contracts/openapi/register-routes.js";
import { jsonResponse } from "../../src/contracts/http/responses.js";
import { routeTable } from "../../src/contracts/http/route.js";
import { controlTable } from "../../src/contracts/sandbox/control-table.js";
import type { Answer } from "../../src/mocks/http/answer.js";
import { SMALL_BODY_LIMIT_BYTES } from "../../src/mocks/http/body-reader.js";
import type { Dialect } from "../../src/mocks/http/dialect.js";
import { definePlug } from "../../src/mocks/plug.js";
import { fail, reply } from "../../src/mocks/sandbox/answers.js";
import { defineControl } from "../../src/mocks/sandbox/control-plug.js";
import type { ProviderModule } from "../../src/state/kernel/provider.js";
import { fail as refuse, ok } from "../../src/state/kernel/result.js";
import type { Tenant } from "../../src/state/kernel/tenant.js";
import { stateOf } from "../../src/state/kernel/tenant-states.js";

/**
 * A tiny provider for kernel and control-plane tests: "things" with a status, an expiry timer
 * (`fake.expire`) that records the instant it ran at, a provider API at /fake that is journaled,
 * and a control call `POST /__sandbox/fake/things/{id}/poke`. `fakePlug` plugs it into a sandbox
 * (`createSandbox({ providers: [fakePlug] })`) as a fourth provider would be.
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

// The fake provider's per-tenant state lives in the tenant, under its own key, as a real provider's does.
declare module "../../src/state/kernel/provider-states.js" {
  interface ProviderStates {
    fake: FakeState;
  }
}

export function fakeState(tenant: Tenant): FakeState {
  return stateOf(tenant, "fake", () => ({ things: new Map(), ran: [] }));
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
  exportState(tenant) {
    return { things: [...fakeState(tenant).things.values()].map((t) => ({ id: t.id, status: t.status })) };
  },
  importState(tenant, data) {
    if (typeof data !== "object" || data === null || !("things" in data) || !Array.isArray(data.things)) {
      return refuse("things must be an array");
    }
    const state = fakeState(tenant);
    for (const item of data.things) {
      if (typeof item !== "object" || item === null || !("id" in item) || !("status" in item)) {
        return refuse("every thing needs an id and a status");
      }
      const { id, status } = item;
      if (typeof id !== "string" || typeof status !== "string") return refuse("id and status must be strings");
      state.things.set(id, { id, status });
    }
    return ok(undefined);
  },
};

const Detail = z.object({ detail: z.string() });
const ThingBody = z.object({ id: z.string(), status: z.string() });

/** The fake provider's API: `POST /fake/things` `{"id","expiresInMs"?}`, `GET /fake/things/{id}`. */
export const FAKE_ROUTES = routeTable({
  createThing: {
    method: "POST",
    path: "/fake/things",
    tag: "things",
    summary: "Create a thing, expiring after expiresInMs when given",
    body: z.object({ id: z.string(), expiresInMs: z.number().optional() }),
    responses: { 201: jsonResponse("The new thing", ThingBody), 400: jsonResponse("id missing", Detail) },
  },
  getThing: {
    method: "GET",
    path: "/fake/things/{id}",
    tag: "things",
    summary: "A thing",
    params: z.object({ id: z.string() }),
    responses: { 200: jsonResponse("The thing", ThingBody), 404: jsonResponse("No such thing", Detail) },
  },
});

/** The fake provider's control call, served under /__sandbox after the control plane's token step. */
export const FAKE_CONTROL = controlTable({
  tags: [{ name: "fake", description: "The fake provider's side" }],
  routes: {
    pokeFakeThing: {
      method: "POST",
      path: "/fake/things/{id}/poke",
      tag: "fake",
      summary: "Poke a thing: its status becomes poked",
      params: z.object({ id: z.string() }),
      responses: { 200: jsonResponse("The poked thing", ThingBody) },
    },
  },
});

const detail = (status: number, text: string): Answer => ({ status, body: { detail: text } });

/** The fake provider's dialect: DRF-like `{"detail"}` errors, JSON bodies, no rate limits. */
function fakeDialect(): Dialect<unknown, keyof typeof FAKE_ROUTES> {
  return {
    provider: "fake",
    owns: (path) => path.startsWith("/fake/"),
    notFound: () => detail(404, "Not found."),
    methodNotAllowed: (exchange, allow) => ({ ...detail(405, `Method "${exchange.method}" not allowed.`), headers: { Allow: allow.join(", ") } }),
    badPathParameter: () => detail(404, "Not found."),
    unauthorized: (_exchange, reason) => detail(401, reason),
    rateLimit: () => undefined,
    tooManyRequests: () => detail(429, "Request was throttled."),
    bodyLimit: () => SMALL_BODY_LIMIT_BYTES,
    parse: (read) => {
      if (!read.ok) return { ok: false, answer: detail(400, "unreadable body") };
      if (read.bytes === undefined) return { ok: true, body: undefined, journal: undefined };
      try {
        const value: unknown = JSON.parse(read.bytes.toString("utf8"));
        return { ok: true, body: value, journal: value };
      } catch {
        return { ok: false, answer: detail(400, "JSON parse error") };
      }
    },
    internalError: () => detail(500, "A server error occurred."),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The fake provider, plugged in: its API at /fake, its control call, its state module. */
export const fakePlug = definePlug<typeof FAKE_ROUTES, unknown>({
  name: "fake",
  servedAt: "the fake provider under /fake/",
  routes: FAKE_ROUTES,
  handlers: {
    createThing: ({ tenant, body }) => {
      if (!isRecord(body) || typeof body["id"] !== "string") return detail(400, "id required");
      const expiresInMs = typeof body["expiresInMs"] === "number" ? body["expiresInMs"] : undefined;
      createThing(tenant, body["id"], expiresInMs);
      return { status: 201, body: { id: body["id"], status: "new" }, schema: ThingBody };
    },
    getThing: ({ tenant, params }) => {
      const thing = fakeState(tenant).things.get(params["id"] ?? "");
      if (thing === undefined) return detail(404, "Not found.");
      return { status: 200, body: { id: thing.id, status: thing.status }, schema: ThingBody };
    },
  },
  openHandlers: {},
  dialect: fakeDialect,
  state: fakeProvider,
  control: defineControl(
    FAKE_CONTROL,
    {
      pokeFakeThing: ({ tenant, params }) => {
        const id = params["id"] ?? "";
        if (!fakeState(tenant).things.has(id)) return fail(404, "thing_not_found", "no such thing");
        setStatus(tenant, id, "poked");
        return reply(200, { id, status: "poked" }, undefined);
      },
    },
    {},
  ),
  openapi: {
    file: "openapi/fake.json",
    build: () => {
      const registry = new OpenAPIRegistry();
      registerRoutes(registry, FAKE_ROUTES, { security: [{ token: [] }], pipeline: {} });
      return generateDocument(registry, { openapi: "3.1.0", info: { title: "fake provider", version: "1" } });
    },
  },
});
