import { afterEach, describe, expect, it, vi } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../../src/server.js";
import { fakePlug } from "../../support/fake-provider.js";
import { T0 } from "../../support/fixed-time.js";
import { makeSandbox } from "../../support/sandbox.js";
import { openSse, type SseClient } from "../../support/sse.js";

const AUTH = { Authorization: "Bearer alice" };
const JSON_AUTH = { ...AUTH, "Content-Type": "application/json" };

let sandbox: Sandbox | undefined;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await sandbox?.close();
  sandbox = undefined;
});

/** The control plane with the fake provider (a thing: created, poked, expired by a timer), listening. */
async function fakeSandbox(options: SandboxOptions = {}): Promise<{ base: string; sandbox: Sandbox }> {
  sandbox = createSandbox({ seed: "s", realNow: () => T0, validateResponses: true, providers: [fakePlug], tenantTtlMs: 0, ...options });
  return { base: await sandbox.listen(0), sandbox };
}

async function stream(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const client = await openSse(url, { ...AUTH, ...headers });
  clients.push(client);
  return client;
}

async function call(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, { method, headers: JSON_AUTH, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

const THING_A = { provider: "fake", entity: "thing", id: "a", from: null, to: "new", cause: "request", at: "2026-01-15T09:00:00.000Z" };

describe("GET /__sandbox/events/stream", () => {
  it("sends a YooMoney call's events live, each with its seq as id and the body GET /events renders", async () => {
    sandbox = makeSandbox();
    const base = await sandbox.listen(0);
    const events = await stream(`${base}/__sandbox/events/stream`);
    expect(events.status).toBe(200);
    expect(events.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(events.headers["cache-control"]).toBe("no-store");
    expect(await events.next()).toEqual({ kind: "comment", text: "promo-sandbox events" });

    const created = await call(`${base}/api/offerwall/v1/campaigns/create`, "POST", {
      partnerCampaignId: 20,
      categoryId: 39,
      campaignType: "codeOnline",
      pinType: "one-off",
      pinDisplayType: "text",
      acceptUrl: "https://shop.example.com/promo?code={{couponCode}}",
      campaignEnd: new Date(T0 + 30 * 86_400_000).toISOString(),
      merchantDomain: "shop.example.com",
      merchantName: "Shop",
      merchantLogoSvg: "https://shop.example.com/logo.svg",
      merchantLogoPng: "https://shop.example.com/logo.png",
      backgroundColor: "#1e1e1e",
      fontColor: "#ffffff",
      description: "10% off",
      conditions: "One order",
      discountType: "percent",
      discountAmount: "10",
      campaignFee: "100",
      feeType: "fix",
    });
    expect(created.status).toBe(200);
    const listed = (await (await call(`${base}/__sandbox/events`, "GET")).json()) as { events: { seq: number }[] };
    expect(listed.events.length).toBeGreaterThan(0);
    for (const event of listed.events) {
      expect(await events.nextEvent()).toEqual({ kind: "event", id: String(event.seq), event: "event", data: JSON.stringify(event) });
    }
  });

  it("sends events in order as they happen (request, control, timer), with their seqs", async () => {
    const { base } = await fakeSandbox();
    const events = await stream(`${base}/__sandbox/events/stream`);
    await call(`${base}/fake/things`, "POST", { id: "a", expiresInMs: 60_000 });
    await call(`${base}/__sandbox/fake/things/a/poke`, "POST");
    await call(`${base}/__sandbox/clock/advance`, "POST", { by: "PT1M" });
    const read = [await events.nextEvent(), await events.nextEvent(), await events.nextEvent()].map((block) => ({ sseId: block.id, ...JSON.parse(block.data) }));
    expect(read.map(({ sseId, seq, to, cause }) => [sseId, seq, to, cause])).toEqual([
      ["1", 1, "new", "request"],
      ["2", 2, "poked", "control"],
      ["3", 3, "expired", "timer"],
    ]);
  });

  it("replays the kept events after since, or after Last-Event-ID, which wins, then goes on live", async () => {
    const { base } = await fakeSandbox();
    for (const id of ["a", "b", "c"]) await call(`${base}/fake/things`, "POST", { id });
    const since = await stream(`${base}/__sandbox/events/stream?since=1`);
    expect([(await since.nextEvent()).id, (await since.nextEvent()).id]).toEqual(["2", "3"]);
    const resumed = await stream(`${base}/__sandbox/events/stream?since=0`, { "Last-Event-ID": "2" });
    expect((await resumed.nextEvent()).id).toBe("3");
    await call(`${base}/fake/things`, "POST", { id: "d" });
    expect(JSON.parse((await resumed.nextEvent()).data)).toMatchObject({ seq: 4, id: "d" });
    expect((await since.nextEvent()).id).toBe("4");
  });

  it("filters by provider, entity, id and cause, replayed and live alike", async () => {
    const { base } = await fakeSandbox();
    await call(`${base}/fake/things`, "POST", { id: "a", expiresInMs: 60_000 });
    const onlyA = await stream(`${base}/__sandbox/events/stream?provider=fake&entity=thing&id=a`);
    const timers = await stream(`${base}/__sandbox/events/stream?cause=timer`);
    const other = await stream(`${base}/__sandbox/events/stream?provider=yoomoney`);
    await call(`${base}/fake/things`, "POST", { id: "b", expiresInMs: 60_000 });
    await call(`${base}/__sandbox/clock/advance`, "POST", { by: "PT1M" });
    expect(JSON.parse((await onlyA.nextEvent()).data)).toEqual({ ...THING_A, seq: 1 });
    expect(JSON.parse((await onlyA.nextEvent()).data)).toMatchObject({ seq: 3, id: "a", to: "expired", cause: "timer" });
    expect([JSON.parse((await timers.nextEvent()).data).id, JSON.parse((await timers.nextEvent()).data).id]).toEqual(["a", "b"]);
    // Nothing of another provider came: the next block is the opening comment, then none within a short wait.
    expect(await other.next()).toEqual({ kind: "comment", text: "promo-sandbox events" });
    await expect(other.next(100)).rejects.toThrow(/no block within 100 ms/);
  });

  it.each([
    ["?cause=sometimes", {}, /^GET \/__sandbox\/events\/stream takes provider, entity, id, cause and since \(an event seq\), each at most once: cause: /],
    ["?id=a&id=b", {}, /^GET \/__sandbox\/events\/stream takes .*id: /],
    ["", { "Last-Event-ID": "abc" }, /^GET \/__sandbox\/events\/stream: the Last-Event-ID header must be an event seq \(a whole number\), got "abc"$/],
  ])("refuses %s %o with 400 invalid_query", async (query, headers, message) => {
    const { base } = await fakeSandbox();
    const res = await fetch(`${base}/__sandbox/events/stream${query}`, { headers: { ...AUTH, ...headers } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.message).toMatch(message);
  });

  it("sends a heartbeat comment every eventStreamHeartbeatMs of real time", async () => {
    const { base } = await fakeSandbox({ eventStreamHeartbeatMs: 20 });
    const events = await stream(`${base}/__sandbox/events/stream`);
    expect(await events.next()).toEqual({ kind: "comment", text: "promo-sandbox events" });
    expect(await events.next(2000)).toEqual({ kind: "comment", text: "heartbeat" });
    expect(await events.next(2000)).toEqual({ kind: "comment", text: "heartbeat" });
  });

  it("stops following the tenant when the client goes away (no listener left)", async () => {
    const { base, sandbox: running } = await fakeSandbox();
    const events = await stream(`${base}/__sandbox/events/stream`);
    const tenant = running.registry.get("alice");
    expect(tenant.watcherCount).toBe(1);
    events.close();
    await vi.waitFor(() => expect(tenant.watcherCount).toBe(0));
    await call(`${base}/fake/things`, "POST", { id: "a" });
    expect(tenant.watcherCount).toBe(0);
  });

  it("ends open streams cleanly when the server closes, and close() does not wait on them", async () => {
    const { base, sandbox: running } = await fakeSandbox();
    const first = await stream(`${base}/__sandbox/events/stream`);
    const second = await stream(`${base}/__sandbox/events/stream?id=a`);
    const tenant = running.registry.get("alice");
    expect(tenant.watcherCount).toBe(2);
    await running.close();
    sandbox = undefined;
    expect(await Promise.all([first.ended, second.ended])).toEqual(["end", "end"]);
    expect(tenant.watcherCount).toBe(0);
  });

  it("on a reset sends event: reset with id 0 and goes on with the new tenant's events (seqs from 1)", async () => {
    const { base, sandbox: running } = await fakeSandbox();
    await call(`${base}/fake/things`, "POST", { id: "a" });
    const old = running.registry.get("alice");
    const events = await stream(`${base}/__sandbox/events/stream`);
    expect((await events.nextEvent()).id).toBe("1");
    expect((await call(`${base}/__sandbox/reset`, "POST")).status).toBe(200);
    expect(await events.nextEvent()).toEqual({ kind: "event", id: "0", event: "reset", data: '{"lastSeq":0}' });
    await call(`${base}/fake/things`, "POST", { id: "b" });
    expect(JSON.parse((await events.nextEvent()).data)).toMatchObject({ seq: 1, id: "b" });
    const fresh = running.registry.get("alice");
    expect(fresh).not.toBe(old);
    expect([old.watcherCount, fresh.watcherCount]).toEqual([0, 1]);
  });

  it("on a state import sends a reset too, then the imported tenant's events", async () => {
    const { base } = await fakeSandbox();
    await call(`${base}/fake/things`, "POST", { id: "a" });
    const snapshot = await (await call(`${base}/__sandbox/state`, "GET")).json();
    const events = await stream(`${base}/__sandbox/events/stream?since=1`);
    expect((await call(`${base}/__sandbox/state`, "PUT", snapshot)).status).toBe(200);
    expect((await events.nextEvent()).event).toBe("reset");
    await call(`${base}/__sandbox/fake/things/a/poke`, "POST");
    expect(JSON.parse((await events.nextEvent()).data)).toMatchObject({ id: "a", to: "poked", cause: "control" });
  });

  it("a Last-Event-ID beyond the tenant's last event (it was reset meanwhile) starts with a reset and replays everything", async () => {
    const { base } = await fakeSandbox();
    await call(`${base}/fake/things`, "POST", { id: "a" });
    const events = await stream(`${base}/__sandbox/events/stream`, { "Last-Event-ID": "57" });
    expect(await events.nextEvent()).toEqual({ kind: "event", id: "0", event: "reset", data: '{"lastSeq":1}' });
    expect((await events.nextEvent()).id).toBe("1");
  });

  it("HEAD answers the stream's head and ends", async () => {
    const { base, sandbox: running } = await fakeSandbox();
    const res = await fetch(`${base}/__sandbox/events/stream`, { method: "HEAD", headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(running.registry.get("alice").watcherCount).toBe(0);
  });
});
