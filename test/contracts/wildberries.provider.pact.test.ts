import { Verifier } from "@pact-foundation/pact";
import { pactStateNames } from "./pact-file.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { WildberriesClient } from "../../src/clients/wildberries/index.js";
import { WbMoneyTopUpResponse } from "../../src/contracts/sandbox/wildberries-money.js";
import { SandboxSettings } from "../../src/contracts/sandbox/index.js";
import { WbSupplierNms, WbSupplierSubjects } from "../../src/contracts/wildberries/catalogue.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { openApiAnswerRecorder } from "../support/openapi-answers.js";
import { WB_PACT_FILE, WB_PROVIDER } from "./wildberries-pact.js";
import { WildberriesStates } from "./wildberries-provider-states.js";


describe("promo-sandbox as the Wildberries Promotion provider", () => {
  let sandbox: Sandbox;
  const answers = openApiAnswerRecorder();
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = createSandbox({ validateResponses: true, onAnswer: answers.onAnswer });
    baseUrl = await sandbox.listen(0);
  });
  afterAll(() => sandbox.close());

  it("honours every interaction of the wildberries-client pact", async () => {
    const states = new WildberriesStates(baseUrl);
    const stateHandlers = states.handlers();
    // The Verifier only warns about a state without a handler; here it is an error.
    const named = pactStateNames(WB_PACT_FILE);
    expect([...named].filter((state) => !(state in stateHandlers))).toEqual([]);

    const verified = new Verifier({
      provider: WB_PROVIDER,
      providerBaseUrl: baseUrl,
      pactUrls: [WB_PACT_FILE],
      stateHandlers,
      logLevel: "warn",
    }).verifyProvider();
    // A failed state setup explains the mismatches that follow it: report it first.
    await verified.catch(() => undefined);
    expect(states.failures).toEqual([]);
    await verified;
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });

  /** A control-plane call as `token`; returns the body parsed with `schema`. */
  async function control<S extends z.ZodType>(token: string, verb: "POST" | "PATCH", path: string, body: object, schema: S): Promise<z.output<S>> {
    const response = await fetch(`${baseUrl}/__sandbox${path}`, {
      method: verb,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return schema.parse(await response.json());
  }

  /** A Promotion API read as `token` (raw), parsed with `schema`. */
  async function read<S extends z.ZodType>(token: string, verb: "GET" | "POST", path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: verb,
      headers: { Authorization: token, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBe(200);
    return schema.parse(await response.json());
  }

  it("every WildberriesClient method reads the sandbox's answers", async () => {
    const token = "wb-client-roundtrip";
    await control(token, "PATCH", "/settings", { consistency: "immediate", rateLimits: "off" }, SandboxSettings);
    await control(token, "POST", "/wildberries/balance", { balance: 10_000, bonus: 500 }, WbMoneyTopUpResponse);
    const subject = (await read(token, "GET", "/adv/v1/supplier/subjects", undefined, WbSupplierSubjects))?.[0];
    if (subject === undefined) throw new Error("the seeded catalogue has no subjects");
    const nm = (await read(token, "POST", "/adv/v2/supplier/nms", [subject.id], WbSupplierNms))[0]?.nm;
    if (nm === undefined) throw new Error(`subject ${subject.id} has no nms`);
    const wb = new WildberriesClient({ baseUrl, token });

    const auto = await wb.createAuto({ type: 8, name: "Авто", subjectId: subject.id, sum: 1000, btype: 0, on_pause: false, nms: [nm], cpm: 100 });
    if (!auto.ok) throw new Error(`save-ad failed: ${JSON.stringify(auto)}`);
    const auction = await wb.createAuction({ campaignName: "Аукцион", nms: [nm] });
    if (!auction.ok) throw new Error(`seacat/save-ad failed: ${JSON.stringify(auction)}`);
    expect(await wb.balance()).toMatchObject({ ok: true, httpStatus: 200, result: { balance: 9000, net: 0, bonus: 500 } });

    expect(await wb.start(auction.result)).toMatchObject({ ok: false, kind: "method", httpStatus: 422, message: "Статус кампании не изменен", format: "text" });
    expect(await wb.deposit(auction.result, { sum: 1000, type: 0 })).toMatchObject({ ok: true, httpStatus: 200, result: undefined });
    expect(await wb.deposit(auction.result, { sum: 1001, type: 0, return: true })).toMatchObject({ ok: false, kind: "method", httpStatus: 400, format: "object" });
    expect(await wb.start(auction.result)).toMatchObject({ ok: true, httpStatus: 200, result: undefined });
    expect(await wb.pause(auction.result)).toMatchObject({ ok: true, httpStatus: 200, result: undefined });
    expect(await wb.stop(auto.result)).toMatchObject({ ok: true, httpStatus: 200, result: undefined });

    const info = await wb.campaigns({ ids: [auto.result, auction.result] });
    if (!info.ok) throw new Error(`promotion/adverts failed: ${JSON.stringify(info)}`);
    expect(info.result.map((c) => [c.advertId, c.type, c.status]).sort()).toEqual([[auto.result, 8, 7], [auction.result, 9, 11]].sort());
    expect(await wb.campaigns({ filters: { status: 9 } })).toMatchObject({ ok: true, httpStatus: 204, result: [] });

    const stats = await wb.fullstats([{ id: auto.result }]);
    expect(stats).toMatchObject({ ok: true, httpStatus: 200 });
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });
});
