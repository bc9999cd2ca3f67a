import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund, sellerCatalogue } from "./campaign-fixtures.js";
import { wildberriesState } from "../../../src/state/wildberries/state.js";
import { advance, OTHER_TOKEN, settings, TOKEN, wb, type Target } from "./helpers.js";

interface AutoInfo {
  autoParams: { nms: number[]; nmCPM: { nm: number; cpm: number }[] };
}

async function ready(): Promise<{ app: Target; id: number; subjectNms: number[] }> {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  await fund(app, 1000);
  const id = await createAuto(app);
  const { subjects, nms } = await sellerCatalogue(app);
  const subject = subjects[0];
  if (subject === undefined) throw new Error("no subject");
  const subjectNms = nms.filter((n) => n.subjectId === subject.id).map((n) => n.nm).sort((a, b) => a - b);
  return { app, id, subjectNms };
}

async function info(app: Target, id: number): Promise<AutoInfo> {
  const res = await wb(app, "POST", "/adv/v1/promotion/adverts", [id]).expect(200);
  return res.body[0];
}

describe("GET /adv/v1/auto/getnmtoadd", () => {
  it("lists the subject's nms that are not in the campaign yet, ascending", async () => {
    const { app, id, subjectNms } = await ready();
    const { autoParams } = await info(app, id);
    const res = await wb(app, "GET", `/adv/v1/auto/getnmtoadd?id=${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(subjectNms.filter((nm) => !autoParams.nms.includes(nm)));
    expect(res.body.length).toBeGreaterThan(0);
  });

  it("answers 400 {\"error\"} for an unknown, foreign, Auction or malformed id", async () => {
    const { app, id } = await ready();
    const auction = await createAuction(app);
    const error = { error: "Invalid Advert: not found\nadvert not found" };
    for (const path of ["/adv/v1/auto/getnmtoadd?id=99999999", `/adv/v1/auto/getnmtoadd?id=${auction}`, "/adv/v1/auto/getnmtoadd?id=-1", "/adv/v1/auto/getnmtoadd"]) {
      const res = await wb(app, "GET", path);
      expect(res.status, path).toBe(400);
      expect(res.body).toEqual(error);
    }
    const foreign = await wb(app, "GET", `/adv/v1/auto/getnmtoadd?id=${id}`, undefined, OTHER_TOKEN);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual(error);
  });
});

describe("POST /adv/v1/auto/updatenm", () => {
  it("adds offered nms with the campaign's bid and deletes listed ones, keeping nmCPM in step", async () => {
    const { app, id } = await ready();
    const before = await info(app, id);
    const [first, second] = before.autoParams.nms;
    const offered: number[] = (await wb(app, "GET", `/adv/v1/auto/getnmtoadd?id=${id}`).expect(200)).body;
    const toAdd = offered[0];
    if (first === undefined || second === undefined || toAdd === undefined) throw new Error("fixture too small");
    const res = await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, { add: [toAdd], delete: [first] });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const after = await info(app, id);
    expect(after.autoParams.nms).toEqual([second, toAdd]);
    expect(after.autoParams.nmCPM).toEqual([
      { nm: second, cpm: 150 },
      { nm: toAdd, cpm: 150 },
    ]);
    const offeredAfter: number[] = (await wb(app, "GET", `/adv/v1/auto/getnmtoadd?id=${id}`).expect(200)).body;
    expect(offeredAfter).toContain(first);
    expect(offeredAfter).not.toContain(toAdd);
  });

  it("silently drops what it cannot do and still answers 200", async () => {
    const { app, id } = await ready();
    const before = await info(app, id);
    const others = await sellerCatalogue(app);
    const foreignSubjectNm = others.nms.find((n) => n.subjectId !== others.subjects[0]?.id)?.nm ?? 1;
    const res = await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, {
      add: [foreignSubjectNm, 123, "x", before.autoParams.nms[0] ?? 0],
      delete: [424242, "y"],
    });
    expect(res.status).toBe(200);
    expect((await info(app, id)).autoParams).toEqual(before.autoParams);
  });

  it("never deletes the only nm", async () => {
    const { app, id } = await ready();
    const before = await info(app, id);
    const [first, second] = before.autoParams.nms;
    if (first === undefined || second === undefined) throw new Error("fixture too small");
    await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, { delete: [first, second] }).expect(200);
    expect((await info(app, id)).autoParams.nms).toEqual([second]);
    await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, { delete: [second] }).expect(200);
    expect((await info(app, id)).autoParams.nms).toEqual([second]);
  });

  it("stops adding at max_auto_nms (100), the first ones sent winning", async () => {
    const sandbox = makeSandbox();
    const app = sandbox.app;
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    await fund(app, 1000);
    const id = await createAuto(app);
    // The seeded catalogue has at most 12 nms a subject: give the seller 120 more of the campaign's subject.
    const catalogue = wildberriesState(sandbox.registry.get(TOKEN)).catalogue;
    const subjectId = (await info(app, id)).autoParams.nms.map((nm) => catalogue.nms.find((n) => n.nm === nm)?.subjectId)[0] ?? 0;
    for (let i = 0; i < 120; i++) catalogue.nms.push({ nm: 900_000_000 + i, title: `Товар ${i}`, subjectId });
    const offered: number[] = (await wb(app, "GET", `/adv/v1/auto/getnmtoadd?id=${id}`).expect(200)).body;
    expect(offered.length).toBeGreaterThan(98);
    await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, { add: [...offered, ...offered] }).expect(200);
    const after = await info(app, id);
    expect(after.autoParams.nms).toHaveLength(100);
    expect(after.autoParams.nms.slice(2)).toEqual(offered.slice(0, 98));
    expect(after.autoParams.nmCPM).toHaveLength(100);
  });

  it("answers 400 {\"error\": \"Campaign not found\"} for unknown, foreign and Auction campaigns", async () => {
    const { app, id } = await ready();
    const auction = await createAuction(app);
    for (const path of ["/adv/v1/auto/updatenm?id=99999999", `/adv/v1/auto/updatenm?id=${auction}`, "/adv/v1/auto/updatenm"]) {
      const res = await wb(app, "POST", path, { add: [], delete: [] });
      expect(res.status, path).toBe(400);
      expect(res.body).toEqual({ error: "Campaign not found" });
    }
    const foreign = await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, { add: [], delete: [] }, OTHER_TOKEN);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual({ error: "Campaign not found" });
    const notObject = await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, [1, 2]);
    expect(notObject.status).toBe(400);
    expect(notObject.body).toEqual({ error: "Invalid Params: invalid payload body" });
  });

  it("shows the new nms to list readers after the 3-minute sync under realistic consistency", async () => {
    const { app, id } = await ready();
    await settings(app, { consistency: "realistic" });
    await advance(app, "PT3M");
    const before = await info(app, id);
    const offered: number[] = (await wb(app, "GET", `/adv/v1/auto/getnmtoadd?id=${id}`).expect(200)).body;
    const toAdd = offered[0];
    if (toAdd === undefined) throw new Error("nothing to add");
    await wb(app, "POST", `/adv/v1/auto/updatenm?id=${id}`, { add: [toAdd] }).expect(200);
    expect((await info(app, id)).autoParams.nms).toEqual(before.autoParams.nms);
    await advance(app, "PT3M");
    expect((await info(app, id)).autoParams.nms).toEqual([...before.autoParams.nms, toAdd]);
  });
});

describe("POST /adv/v1/auto/set-excluded", () => {
  it("sets and clears minus-phrases with an empty 200", async () => {
    const { app, id } = await ready();
    const res = await wb(app, "POST", `/adv/v1/auto/set-excluded?id=${id}`, { excluded: ["Samsung", "Xiaomi", "Samsung"] });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect((await wb(app, "GET", `/adv/v2/auto/stat-words?id=${id}`).expect(200)).body.excluded).toEqual(["Samsung", "Xiaomi"]);
    await wb(app, "POST", `/adv/v1/auto/set-excluded?id=${id}`, { excluded: [] }).expect(200);
    expect((await wb(app, "GET", `/adv/v2/auto/stat-words?id=${id}`).expect(200)).body.excluded).toEqual([]);
  });

  it("takes 1000 and refuses 1001 with 400 \"Некорректный запрос\"", async () => {
    const { app, id } = await ready();
    const thousand = Array.from({ length: 1000 }, (_, i) => `минус ${i}`);
    await wb(app, "POST", `/adv/v1/auto/set-excluded?id=${id}`, { excluded: thousand }).expect(200);
    const res = await wb(app, "POST", `/adv/v1/auto/set-excluded?id=${id}`, { excluded: [...thousand, "ещё"] });
    expect(res.status).toBe(400);
    expect(res.body).toBe("Некорректный запрос");
    expect((await wb(app, "GET", `/adv/v2/auto/stat-words?id=${id}`).expect(200)).body.excluded).toHaveLength(1000);
  });

  it("answers 400 \"Некорректный запрос\" for unknown, foreign or Auction campaigns and bad bodies", async () => {
    const { app, id } = await ready();
    const auction = await createAuction(app);
    const bad: [string, JsonValue][] = [
      ["/adv/v1/auto/set-excluded?id=99999999", { excluded: ["a"] }],
      [`/adv/v1/auto/set-excluded?id=${auction}`, { excluded: ["a"] }],
      [`/adv/v1/auto/set-excluded?id=${id}`, { excluded: "a" }],
      [`/adv/v1/auto/set-excluded?id=${id}`, {}],
    ];
    for (const [path, body] of bad) {
      const res = await wb(app, "POST", path, body);
      expect(res.status, path).toBe(400);
      expect(res.body).toBe("Некорректный запрос");
    }
    const foreign = await wb(app, "POST", `/adv/v1/auto/set-excluded?id=${id}`, { excluded: ["a"] }, OTHER_TOKEN);
    expect(foreign.status).toBe(400);
  });
});
