import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund } from "./campaign-fixtures.js";
import { advance, OTHER_TOKEN, settings, wb, type Target } from "./helpers.js";
import { fullstatsOf } from "./traffic-fixtures.js";

interface KeywordDay {
  date: string;
  stats: { clicks: number; ctr: number; keyword: string; sum: number; views: number }[];
}

async function seller(): Promise<Target> {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  await fund(app, 10_000);
  return app;
}

async function runningAuction(app: Target): Promise<number> {
  const id = await createAuction(app);
  await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 5000 }).expect(200);
  await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
  return id;
}

async function keywordDays(app: Target, id: number, from: string, to: string): Promise<KeywordDay[]> {
  const res = await wb(app, "GET", `/adv/v0/stats/keywords?advert_id=${id}&from=${from}&to=${to}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.keywords;
}

/** Views per keyword summed over days. */
function viewsByKeyword(days: readonly KeywordDay[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of days) for (const s of d.stats) out.set(s.keyword, (out.get(s.keyword) ?? 0) + s.views);
  return out;
}

const r2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

describe("GET /adv/v0/stats/keywords", () => {
  it("answers each Moscow day with search traffic, phrases by views, ctr consistent; keyword spend stays within fullstats", async () => {
    const app = await seller();
    const id = await createAuto(app, { sum: 5000 });
    await advance(app, "P2D");
    const days = await keywordDays(app, id, "2026-01-14", "2026-01-20");
    expect(days.map((d) => d.date)).toEqual(["2026-01-15", "2026-01-16", "2026-01-17"]);
    for (const d of days) {
      expect(d.stats.length).toBeGreaterThan(1);
      expect(d.stats.map((s) => s.views)).toEqual([...d.stats.map((s) => s.views)].sort((a, b) => b - a));
      for (const s of d.stats) {
        expect(Object.keys(s)).toEqual(["clicks", "ctr", "keyword", "sum", "views"]);
        expect(s.ctr).toBe(r2((s.clicks / s.views) * 100));
      }
    }
    const [full] = await fullstatsOf(app, [{ id, interval: { begin: "2026-01-15", end: "2026-01-17" } }]);
    full?.days.forEach((fd, i) => {
      const kd = days[i];
      const views = kd?.stats.reduce((a, s) => a + s.views, 0) ?? 0;
      const sum = kd?.stats.reduce((a, s) => a + Math.round(s.sum * 100), 0) ?? 0;
      expect(views).toBeGreaterThan(0);
      expect(views).toBeLessThanOrEqual(fd.views);
      expect(sum).toBeLessThanOrEqual(Math.round(fd.sum * 100));
    });
  });

  it("answers errors as {message, type}", async () => {
    const app = await seller();
    const id = await createAuction(app);
    const call = (q: string, token?: string) => wb(app, "GET", `/adv/v0/stats/keywords?${q}`, undefined, token);
    const week = await call(`advert_id=${id}&from=2026-01-01&to=2026-01-08`);
    expect(week.status).toBe(400);
    expect(week.body).toEqual({ message: "the period of stats cannot be more than one week", type: "bad request" });
    expect((await call(`advert_id=${id}&from=2026-01-01&to=2026-01-07`)).body).toEqual({ keywords: [] });
    for (const q of [`from=2026-01-01&to=2026-01-02`, `advert_id=${id}&to=2026-01-02`, `advert_id=${id}&from=2026-01-03&to=2026-01-02`, `advert_id=${id}&from=1.1.2026&to=2026-01-02`]) {
      const res = await call(q);
      expect(res.status, q).toBe(400);
      expect(res.body.type).toBe("bad request");
      expect(res.body.message).toMatch(/^invalid /);
    }
    for (const [q, token] of [["advert_id=1234567&from=2026-01-01&to=2026-01-02", undefined], [`advert_id=${id}&from=2026-01-01&to=2026-01-02`, OTHER_TOKEN]] as const) {
      const res = await call(q, token);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: "campaign not found", type: "not found" });
    }
  });
});

describe("GET /adv/v2/auto/stat-words", () => {
  it("clusters the phrases shown, counts are their views, excluded echoes the list; an excluded phrase gets no more traffic", async () => {
    const app = await seller();
    const id = await createAuto(app, { sum: 5000 });
    await advance(app, "P1D");
    const before = await wb(app, "GET", `/adv/v2/auto/stat-words?id=${id}`);
    expect(before.status).toBe(200);
    expect(before.body.excluded).toEqual([]);
    const clusters: { cluster: string; count: number; keywords: string[] }[] = before.body.clusters;
    expect(clusters.length).toBeGreaterThan(0);
    const perKeyword = viewsByKeyword(await keywordDays(app, id, "2026-01-15", "2026-01-16"));
    for (const c of clusters) expect(c.count).toBe(c.keywords.reduce((a, k) => a + (perKeyword.get(k) ?? 0), 0));
    expect(clusters.map((c) => c.count)).toEqual([...clusters.map((c) => c.count)].sort((a, b) => b - a));

    const top = [...perKeyword.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
    await wb(app, "POST", `/adv/v1/auto/set-excluded?id=${id}`, { excluded: [top] }).expect(200);
    await advance(app, "P1D");
    const after = await wb(app, "GET", `/adv/v2/auto/stat-words?id=${id}`);
    expect(after.body.excluded).toEqual([top]);
    const nextDay = await keywordDays(app, id, "2026-01-17", "2026-01-17");
    expect(nextDay[0]?.stats.length).toBeGreaterThan(0);
    expect(nextDay[0]?.stats.map((s) => s.keyword)).not.toContain(top);
    expect(nextDay[0]?.stats.some((s) => s.keyword.includes(top))).toBe(false);
  });

  it("204 for an unknown or foreign id, 400 {error} for an Auction or a malformed id", async () => {
    const app = await seller();
    const auction = await createAuction(app);
    const auto = await createAuto(app);
    expect((await wb(app, "GET", "/adv/v2/auto/stat-words?id=1234567")).status).toBe(204);
    expect((await wb(app, "GET", `/adv/v2/auto/stat-words?id=${auto}`, undefined, OTHER_TOKEN)).status).toBe(204);
    const wrong = await wb(app, "GET", `/adv/v2/auto/stat-words?id=${auction}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: "доступно только для автоматических кампаний" });
    const bad = await wb(app, "GET", "/adv/v2/auto/stat-words?id=abc");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: "Некорректный ID кампании" });
  });
});

describe("GET /adv/v1/stat/words", () => {
  it("stat[0] 'Всего по кампании' is the sum of the phrase rows; words echo the lists and count views per phrase", async () => {
    const app = await seller();
    const id = await runningAuction(app);
    await wb(app, "POST", `/adv/v1/search/set-strong?id=${id}`, { strong: ["никогда не ищут"] }).expect(200);
    await advance(app, "P2D");
    const res = await wb(app, "GET", `/adv/v1/stat/words?id=${id}`);
    expect(res.status).toBe(200);
    const { words, stat } = res.body;
    expect(words).toMatchObject({ phrase: [], strong: ["никогда не ищут"], excluded: [], pluse: [], fixed: false });
    const [total, ...rows] = stat;
    expect(total).toMatchObject({ advertId: id, keyword: "Всего по кампании", advertName: "", campaignName: "Аукцион", frq: 1 });
    expect(total.begin).toBe("2026-01-15T12:00:00.000000+03:00");
    expect(total.end).toBe("2100-01-01T00:00:00+03:00");
    expect(total.duration).toBe(2 * 24 * 3600);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThanOrEqual(60);
    const sum = (k: "views" | "clicks") => rows.reduce((a: number, r: Record<string, number>) => a + (r[k] ?? 0), 0);
    expect(total.views).toBe(sum("views"));
    expect(total.clicks).toBe(sum("clicks"));
    expect(Math.round(total.sum * 100)).toBe(rows.reduce((a: number, r: { sum: number }) => a + Math.round(r.sum * 100), 0));
    expect(total.ctr).toBe(r2((total.clicks / total.views) * 100));
    expect(total.cpc).toBe(total.clicks === 0 ? 0 : r2(total.sum / total.clicks));
    expect(words.keywords).toEqual(rows.map((r: { keyword: string; views: number }) => ({ keyword: r.keyword, count: r.views })));
    // The same phrases and views as stats/keywords over the two days.
    const perKeyword = viewsByKeyword(await keywordDays(app, id, "2026-01-15", "2026-01-17"));
    expect(new Map(rows.map((r: { keyword: string; views: number }) => [r.keyword, r.views]))).toEqual(perKeyword);
  });

  it("with fixed phrases switched on, only those phrases get traffic", async () => {
    const app = await seller();
    const id = await runningAuction(app);
    await wb(app, "POST", `/adv/v1/search/set-plus?id=${id}`, { pluse: ["особая фраза"] }).expect(200);
    await wb(app, "GET", `/adv/v1/search/set-plus?id=${id}&fixed=true`).expect(200);
    await advance(app, "P1D");
    const days = await keywordDays(app, id, "2026-01-15", "2026-01-16");
    const shown = viewsByKeyword(days);
    expect([...shown.keys()]).toEqual(["особая фраза"]);
    const { body } = await wb(app, "GET", `/adv/v1/stat/words?id=${id}`).expect(200);
    expect(body.words.fixed).toBe(true);
    expect(body.words.pluse).toEqual(["особая фраза"]);
    expect(body.stat.map((r: { keyword: string }) => r.keyword)).toEqual(["Всего по кампании", "особая фраза"]);
  });

  it("answers 400 with no body for an automatic campaign, an unknown, foreign or malformed id", async () => {
    const app = await seller();
    const auto = await createAuto(app);
    const auction = await createAuction(app);
    for (const [q, token] of [[`id=${auto}`, undefined], ["id=1234567", undefined], ["id=", undefined], [`id=${auction}`, OTHER_TOKEN]] as const) {
      const res = await wb(app, "GET", `/adv/v1/stat/words?${q}`, undefined, token);
      expect(res.status, q).toBe(400);
      expect(res.text).toBe("");
    }
  });
});
