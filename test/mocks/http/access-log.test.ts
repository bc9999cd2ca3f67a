import request from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../../src/logger.js";
import { accessLine, accessMessage, maskedQuery, shortTenant } from "../../../src/mocks/http/access-log.js";
import { exchangeOf } from "../../../src/mocks/http/exchange.js";
import { createSandbox } from "../../../src/server.js";
import { collectLogs } from "../../support/log-lines.js";
import { makeSandbox, T0 } from "../../support/sandbox.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Tenant } from "../../../src/state/kernel/tenant.js";
import { DEFAULT_SETTINGS } from "../../../src/state/kernel/settings.js";

const TOKEN = "Bearer logs-tenant-0123456789";
/** The fields of an access line, each named once: a line has exactly these and pino's level, time and msg. */
const ACCESS_KEYS = ["fault", "level", "method", "ms", "msg", "operation", "path", "status", "tenant", "time"];

function exchange(url: string, method = "GET") {
  const req = { url, method, headers: {} } as IncomingMessage;
  return exchangeOf(req, {} as ServerResponse);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the access line", () => {
  it("names method, path with query, status, ms, operation, tenant shortened, fault; the message a person reads", () => {
    const call = exchange("/adv/v1/promotion/count?type=8");
    call.tenant = new Tenant("abcdefghijkl", () => T0, "seed", DEFAULT_SETTINGS, new Map(), { journalSize: 1, eventLogSize: 1 });
    const line = accessLine(call, 200, { started: 100, operation: "countCampaigns", fault: "f1: status 503" }, 101.2);
    expect(line).toEqual({
      method: "GET",
      path: "/adv/v1/promotion/count?type=8",
      status: 200,
      ms: 1.2,
      operation: "countCampaigns",
      tenant: "abcdefgh…",
      fault: "f1: status 503",
    });
    expect(accessMessage(line)).toBe("GET /adv/v1/promotion/count?type=8 200 1.2ms");
    expect(accessMessage({ ...line, status: null })).toBe("GET /adv/v1/promotion/count?type=8 - 1.2ms");
    expect(accessLine(exchange("/x"), 404, undefined)).toEqual({ method: "GET", path: "/x", status: 404, ms: 0, operation: null, tenant: null, fault: null });
  });

  it("masks the values of query parameters named like a token, and nothing else", () => {
    expect(maskedQuery("token=alice-secret&x=1")).toBe("token=al%E2%80%A6(masked)&x=1");
    expect(maskedQuery("access_token=abcdefgh")).toBe("access_token=ab%E2%80%A6(masked)");
    expect(maskedQuery("id=token&since=2")).toBe("id=token&since=2");
    expect(shortTenant("short")).toBe("short");
    expect(shortTenant("12345678")).toBe("12345678");
    expect(shortTenant("123456789")).toBe("12345678…");
  });
});

describe("logging in-process", () => {
  it("one JSON line per call, with exactly the access fields: provider, control plane, raw answers and unserved paths", async () => {
    const logs = await collectLogs("info");
    const { app } = makeSandbox({ logger: logs.logger });
    await request(app).get("/adv/v1/promotion/count").set("Authorization", TOKEN).expect(200);
    await request(app).get("/__sandbox/clock?x=1").set("Authorization", TOKEN).expect(200);
    await request(app).get("/__sandbox/docs?token=secret-token").expect(200);
    await request(app).get("/adv/v1/nowhere").set("Authorization", TOKEN).expect(404);
    await request(app).get("/elsewhere").expect(404);
    const lines = logs.lines();
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(ACCESS_KEYS);
    expect(lines.map(({ level, method, path, status, operation, tenant, fault }) => [level, method, path, status, operation, tenant, fault])).toEqual([
      [30, "GET", "/adv/v1/promotion/count", 200, "countCampaigns", "logs-ten…", null],
      [30, "GET", "/__sandbox/clock?x=1", 200, "getClock", "logs-ten…", null],
      [30, "GET", "/__sandbox/docs?token=se%E2%80%A6(masked)", 200, "apiDocsPage", null, null],
      [30, "GET", "/adv/v1/nowhere", 404, null, "logs-ten…", null],
      [30, "GET", "/elsewhere", 404, null, null, null],
    ]);
    for (const line of lines) {
      expect(line.ms).toEqual(expect.any(Number));
      expect(line.msg).toBe(`${line.method} ${line.path} ${line.status} ${Number(line.ms).toFixed(1)}ms`);
    }
  });

  it("an internal error is logged at 50 with its stack; the answer carries none", async () => {
    const logs = await collectLogs("info");
    const sandbox = makeSandbox({ logger: logs.logger });
    await request(sandbox.app).get("/__sandbox/clock").set("Authorization", TOKEN).expect(200);
    const tenant = sandbox.registry.get("logs-tenant-0123456789");
    tenant.settle = () => {
      throw new Error("simulated sandbox bug");
    };
    const res = await request(sandbox.app).get("/ping").set("Authorization", TOKEN);
    expect(res.status).toBe(500);
    expect(res.text).not.toMatch(/simulated|\bat \w|\.ts:\d/);
    const [, error, access] = logs.lines();
    expect(error).toMatchObject({ level: 50, method: "GET", path: "/ping", err: { message: "simulated sandbox bug", stack: expect.stringMatching(/\n\s+at /) } });
    expect(access).toMatchObject({ level: 30, path: "/ping", status: 500 });
  });

  it("--log-level warn's logger writes no access line; debug adds nothing per call", async () => {
    const warn = await collectLogs("warn");
    const debug = await collectLogs("debug");
    for (const logs of [warn, debug]) {
      const { app } = makeSandbox({ logger: logs.logger });
      await request(app).get("/adv/v1/promotion/count").set("Authorization", TOKEN).expect(200);
    }
    expect(warn.text()).toBe("");
    expect(debug.lines().map((line) => line.level)).toEqual([30]);
  });

  it("createSandbox writes nothing to stdout or stderr unless given a logger, internal errors included", async () => {
    const stdout = vi.spyOn(process.stdout, "write");
    const stderr = vi.spyOn(process.stderr, "write");
    const sandbox = createSandbox({ realNow: () => T0 });
    await request(sandbox.app).get("/adv/v1/promotion/count").set("Authorization", TOKEN).expect(200);
    await request(sandbox.app).get("/nowhere").expect(404);
    sandbox.registry.get("logs-tenant-0123456789").settle = () => {
      throw new Error("simulated sandbox bug");
    };
    await request(sandbox.app).get("/ping").set("Authorization", TOKEN).expect(500);
    expect([stdout.mock.calls, stderr.mock.calls]).toEqual([[], []]);
  });

  it("pretty output is a line of text with the method, path, status, operation and tenant", async () => {
    const written: string[] = [];
    const logger = await createLogger({ level: "info", format: "pretty", colorize: false, destination: { write: (text: string) => written.push(text) } });
    const { app } = makeSandbox({ logger });
    await request(app).get("/adv/v1/promotion/count").set("Authorization", TOKEN).expect(200);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/adv\/v1\/promotion\/count 200 \d+\.\dms {2}countCampaigns tenant=logs-ten…\n$/);
  });
});
