import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund } from "./campaign-fixtures.js";
import { advance, OTHER_TOKEN, settings, wb } from "./helpers.js";
import type { Target } from "./helpers.js";

async function ready(): Promise<{ app: Target; id: number }> {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  const id = await createAuction(app);
  return { app, id };
}

/** The campaign as /adv/v1/promotion/adverts shows it. */
async function info(app: Target, id: number): Promise<{ searchPluseState: boolean; changeTime: string }> {
  const res = await wb(app, "POST", "/adv/v1/promotion/adverts", [id]).expect(200);
  return res.body[0];
}

describe("GET /adv/v1/search/set-plus: fixed-phrase activity", () => {
  it("switches fixed phrases on and off, and searchPluseState follows", async () => {
    const { app, id } = await ready();
    expect((await info(app, id)).searchPluseState).toBe(false);
    const on = await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=true`);
    expect(on.status).toBe(200);
    expect(on.text).toBe("");
    expect(on.headers["content-length"]).toBe("0");
    expect((await info(app, id)).searchPluseState).toBe(true);
    await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=false`).expect(200);
    expect((await info(app, id)).searchPluseState).toBe(false);
  });

  it.each([
    ["a missing fixed", (id: number) => `/adv/v1/search/set-plus?id=${id}`],
    ["fixed=yes", (id: number) => `/adv/v1/search/set-plus?id=${id}&fixed=yes`],
    ["a missing id", () => "/adv/v1/search/set-plus?fixed=true"],
    ["a non-numeric id", () => "/adv/v1/search/set-plus?id=abc&fixed=true"],
    ["an unknown id", () => "/adv/v1/search/set-plus?id=99999999&fixed=true"],
  ])("answers 400 \"Некорректный запрос\" for %s", async (_name, path) => {
    const { app, id } = await ready();
    const res = await wb(app, "GET", path(id));
    expect(res.status).toBe(400);
    expect(res.body).toBe("Некорректный запрос");
    expect((await info(app, id)).searchPluseState).toBe(false);
  });

  it("answers 400 for an automatic campaign and for another seller's Auction campaign", async () => {
    const { app, id } = await ready();
    await fund(app, 1000);
    const auto = await createAuto(app);
    const res = await wb(app, "GET", `/adv/v1/search/set-plus?id=${auto}&fixed=true`);
    expect(res.status).toBe(400);
    expect(res.body).toBe("Некорректный запрос");
    const foreign = await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=true`, undefined, OTHER_TOKEN);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toBe("Некорректный запрос");
    expect((await info(app, id)).searchPluseState).toBe(false);
  });

  it("shows the toggle to list readers only after the 3-minute sync under realistic consistency", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const id = await createAuction(app);
    await settings(app, { consistency: "realistic" });
    await advance(app, "PT3M");
    await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=true`).expect(200);
    expect((await info(app, id)).searchPluseState).toBe(false);
    await advance(app, "PT3M");
    expect((await info(app, id)).searchPluseState).toBe(true);
  });
});

describe("phrase methods' rate limits", () => {
  it("GET set-plus allows a burst of 5, then 429 until 500 ms have passed", async () => {
    const { app, id } = await ready();
    await settings(app, { rateLimits: "enforce" });
    for (let i = 0; i < 5; i++) await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=true`).expect(200);
    const limited = await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=false`);
    expect(limited.status).toBe(429);
    expect(limited.headers["x-ratelimit-limit"]).toBe("5");
    expect((await info(app, id)).searchPluseState).toBe(true);
    await advance(app, 500);
    await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=false`).expect(200);
    expect((await info(app, id)).searchPluseState).toBe(false);
  });
});

describe("POST /adv/v1/search/set-plus: fixed phrases", () => {
  it("sets the phrases and answers the list now set, duplicates once", async () => {
    const { app, id } = await ready();
    const res = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["плед", "плед тёплый", "плед"] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(["плед", "плед тёплый"]);
    const replaced = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["одеяло"] }).expect(200);
    expect(replaced.body).toEqual(["одеяло"]);
  });

  it("an empty array clears the phrases and switches fixed phrases off", async () => {
    const { app, id } = await ready();
    await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["плед"] }).expect(200);
    await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=true`).expect(200);
    expect((await info(app, id)).searchPluseState).toBe(true);
    const res = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: [] }).expect(200);
    expect(res.body).toEqual([]);
    expect((await info(app, id)).searchPluseState).toBe(false);
  });

  it("takes 100 phrases and refuses 101, keeping the list", async () => {
    const { app, id } = await ready();
    const hundred = Array.from({ length: 100 }, (_, i) => `фраза ${i}`);
    expect((await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: hundred }).expect(200)).body).toHaveLength(100);
    const res = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: [...hundred, "ещё одна"] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "Invalid Params: no more than 100 fixed phrases per campaign" });
    const again = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["фраза 0"] }).expect(200);
    expect(again.body).toEqual(["фраза 0"]);
  });

  it("answers its errors as {\"error\"}", async () => {
    const { app, id } = await ready();
    await fund(app, 1000);
    const auto = await createAuto(app);
    const cases: [string, JsonValue, string][] = [
      [`/adv/v1/search/set-plus?id=99999999`, { pluse: ["a"] }, "Not Found: Campaign not found"],
      [`/adv/v1/search/set-plus?id=${auto}`, { pluse: ["a"] }, "Invalid Params: not available for unified campaigns"],
      [`/adv/v1/search/set-plus?id=x`, { pluse: ["a"] }, "Invalid Params: invalid advert ID"],
      [`/adv/v1/search/set-plus?id=${id}`, { pluse: "a" }, "Invalid Params: invalid payload body"],
      [`/adv/v1/search/set-plus?id=${id}`, { pluse: [1] }, "Invalid Params: invalid payload body"],
      [`/adv/v1/search/set-plus?id=${id}`, {}, "Invalid Params: invalid payload body"],
      [`/adv/v1/search/set-plus?id=${id}`, ["a"], "Invalid Params: invalid payload body"],
    ];
    for (const [path, body, error] of cases) {
      const res = await wb(app, "POST", path, body);
      expect(res.status, path).toBe(400);
      expect(res.body, JSON.stringify(body)).toEqual({ error });
    }
    const malformed = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`).set("Content-Type", "application/json").send("{pluse");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: "Invalid Params: invalid payload body" });
    const foreign = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["a"] }, OTHER_TOKEN);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual({ error: "Not Found: Campaign not found" });
  });
});

describe("minus-phrases: set-phrase, set-strong, set-excluded", () => {
  const methods = [
    ["/adv/v1/search/set-phrase", "phrase"],
    ["/adv/v1/search/set-strong", "strong"],
    ["/adv/v1/search/set-excluded", "excluded"],
  ] as const;

  it.each(methods)("%s sets, replaces and clears with an empty 200", async (path, key) => {
    const { app, id } = await ready();
    const res = await wb(app, "POST", `${path}?id=${id}`, { [key]: ["дешево", "бу"] });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    await wb(app, "POST", `${path}?id=${id}`, { [key]: [] }).expect(200);
  });

  it.each(methods)("%s takes 1000 phrases and refuses 1001 with 400 \"Некорректный запрос\"", async (path, key) => {
    const { app, id } = await ready();
    const thousand = Array.from({ length: 1000 }, (_, i) => `минус ${i}`);
    await wb(app, "POST", `${path}?id=${id}`, { [key]: thousand }).expect(200);
    const res = await wb(app, "POST", `${path}?id=${id}`, { [key]: [...thousand, "лишняя"] });
    expect(res.status).toBe(400);
    expect(res.body).toBe("Некорректный запрос");
  });

  it.each(methods)("%s answers 400 \"Некорректный запрос\" for a bad id, body or campaign type", async (path, key) => {
    const { app, id } = await ready();
    await fund(app, 1000);
    const auto = await createAuto(app);
    const bad: [string, JsonValue][] = [
      [`${path}?id=99999999`, { [key]: ["a"] }],
      [`${path}?id=${auto}`, { [key]: ["a"] }],
      [`${path}`, { [key]: ["a"] }],
      [`${path}?id=${id}`, { [key]: "a" }],
      [`${path}?id=${id}`, { other: ["a"] }],
      [`${path}?id=${id}`, { [key]: [null] }],
    ];
    for (const [url, body] of bad) {
      const res = await wb(app, "POST", url, body);
      expect(res.status, url).toBe(400);
      expect(res.body).toBe("Некорректный запрос");
    }
    const foreign = await wb(app, "POST", `${path}?id=${id}`, { [key]: ["a"] }, OTHER_TOKEN);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toBe("Некорректный запрос");
  });
});

describe("GET /adv/v1/stat/words echoes the lists", () => {
  it("shows pluse, phrase, strong, excluded and fixed as set", async () => {
    const { app, id } = await ready();
    await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["плед"] }).expect(200);
    await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=true`).expect(200);
    await wb(app, "POST", `/adv/v1/search/set-phrase?id=${id}`, { phrase: ["бу"] }).expect(200);
    await wb(app, "POST", `/adv/v1/search/set-strong?id=${id}`, { strong: ["плед бу"] }).expect(200);
    await wb(app, "POST", `/adv/v1/search/set-excluded?id=${id}`, { excluded: ["дешево", "дешево"] }).expect(200);
    const words = (await wb(app, "GET", `/adv/v1/stat/words?id=${id}`).expect(200)).body.words;
    expect(words).toMatchObject({ pluse: ["плед"], phrase: ["бу"], strong: ["плед бу"], excluded: ["дешево"], fixed: true });
    await wb(app, "POST", `/adv/v1/search/set-strong?id=${id}`, { strong: [] }).expect(200);
    await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: [] }).expect(200);
    const after = (await wb(app, "GET", `/adv/v1/stat/words?id=${id}`).expect(200)).body.words;
    expect(after).toMatchObject({ pluse: [], phrase: ["бу"], strong: [], excluded: ["дешево"], fixed: false });
  });
});

describe("phrase methods and the campaign's lifecycle", () => {
  it("a campaign being deleted (-1) is answered as unknown", async () => {
    const { app, id } = await ready();
    await wb(app, "GET", `/adv/v0/delete?id=${id}`).expect(200);
    const res = await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["a"] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "Not Found: Campaign not found" });
    const minus = await wb(app, "POST", `/adv/v1/search/set-phrase?id=${id}`, { phrase: ["a"] });
    expect(minus.status).toBe(400);
  });

});
