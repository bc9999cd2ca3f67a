import type { App } from "../support/app.js";
import { advance, control, settings } from "../mocks/wildberries/helpers.js";
import { intFrom, isRecord, Recorder } from "./wb-conformance-recorder.js";

/** The sellers the scenario acts as: the main one, one that never tops up, one with rate limits on. */
export const SCENARIO_TOKEN = "wb-conformance";
const EMPTY_TOKEN = "wb-conformance-empty";
const LIMITED_TOKEN = "wb-conformance-limited";
const UNKNOWN_ID = 999_999_999;
const DAY_MS = 86_400_000;
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

async function moscowToday(app: App, token: string): Promise<string> {
  const clock = await control(app, "GET", "/clock", undefined, token).expect(200);
  const now: unknown = isRecord(clock.body) ? clock.body.now : undefined;
  if (typeof now !== "string") throw new Error(`GET /__sandbox/clock answered ${clock.text}`);
  return new Date(Date.parse(now) + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

const dayBefore = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

function first<T>(items: unknown, pick: (item: Record<string, unknown>) => T | undefined): T[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const value = isRecord(item) ? pick(item) : undefined;
    return value === undefined ? [] : [value];
  });
}

/**
 * Drives every seed-era Wildberries method through its success answer and its documented errors, as a
 * seller would: fund the account, read the catalogue, create an automatic and an Auction campaign, fund
 * and run them, let two simulated days pass, read statistics, stop, delete; a media campaign from the
 * control plane; then 401s and a 429. Returns every answer it saw.
 */
export async function runScenario(app: App): Promise<Recorder> {
  const r = new Recorder(app, SCENARIO_TOKEN);
  await settings(app, { consistency: "immediate", rateLimits: "off" }, SCENARIO_TOKEN);
  await control(app, "POST", "/wildberries/balance", { balance: 200_000, net: 50_000, bonus: 20_000 }, SCENARIO_TOKEN);

  // Catalogue and config.
  await r.call("config", "GET", "/adv/v0/config", undefined, 200);
  const subjects = first((await r.call("subjects", "GET", "/adv/v1/supplier/subjects", undefined, 200)).body, (s) => intFrom(s.id));
  const subjectId = subjects[0] ?? 1;
  const nmRows = (await r.call("nms of a subject", "POST", "/adv/v2/supplier/nms", [subjectId], 200)).body;
  const nms = first(nmRows, (n) => (intFrom(n.subjectId) === subjectId ? intFrom(n.nm) : undefined));
  await r.callRaw("nms with a body that is not JSON", "/adv/v2/supplier/nms", "[1,", 400);
  const nm1 = nms[0] ?? 1;
  const nm2 = nms[1] ?? nm1;

  // Campaigns: an automatic one (launched at once), two Auctions (one to delete).
  const auto = intFrom(
    (await r.call("save-ad", "POST", "/adv/v1/save-ad", { type: 8, name: "Авто", subjectId, sum: 1000, btype: 0, on_pause: false, nms: [nm1], cpm: 150 }, 200)).body,
  );
  const autoId = auto ?? UNKNOWN_ID;
  const auction = intFrom((await r.call("seacat/save-ad", "POST", "/adv/v2/seacat/save-ad", { campaignName: "Аукцион", nms: [nm1, nm2] }, 200)).body);
  const auctionId = auction ?? UNKNOWN_ID;
  const doomed = intFrom((await r.call("seacat/save-ad to delete", "POST", "/adv/v2/seacat/save-ad", { name: "Удаляемая", nms: [nm1] }, 200)).body);
  await r.call("seacat/save-ad without nms", "POST", "/adv/v2/seacat/save-ad", { campaignName: "Пустая", nms: [] }, 400);

  // Money into the Auction, then launch it.
  await r.call("deposit with return", "POST", `/adv/v1/budget/deposit?id=${auctionId}`, { sum: 5000, type: 0, return: true }, 200);
  await r.call("deposit without return", "POST", `/adv/v1/budget/deposit?id=${auctionId}`, { sum: 1000, type: 1 }, 200);
  await r.call("deposit not a multiple of 50", "POST", `/adv/v1/budget/deposit?id=${auctionId}`, { sum: 1001, type: 0, return: true }, 400);
  await r.call("start", "GET", `/adv/v0/start?id=${auctionId}`, undefined, 200);
  await r.call("pause", "GET", `/adv/v0/pause?id=${auctionId}`, undefined, 200);
  await r.call("start again", "GET", `/adv/v0/start?id=${auctionId}`, undefined, 200);
  await r.call("start without a valid id", "GET", "/adv/v0/start?id=abc", undefined, 400);
  await r.call("pause without a valid id", "GET", "/adv/v0/pause?id=abc", undefined, 400);
  await r.call("stop without a valid id", "GET", "/adv/v0/stop?id=abc", undefined, 400);

  // Lists and info.
  await r.call("promotion/count", "GET", "/adv/v1/promotion/count", undefined, 200);
  await r.call("promotion/adverts by ids", "POST", "/adv/v1/promotion/adverts", [autoId, auctionId], 200);
  await r.call("promotion/adverts by filter", "POST", "/adv/v1/promotion/adverts?status=9&order=id&direction=asc", [], 200);
  await r.call("promotion/adverts of unknown ids", "POST", "/adv/v1/promotion/adverts", [UNKNOWN_ID], 204);
  await r.call("promotion/adverts with ids and filters", "POST", "/adv/v1/promotion/adverts?status=9", [auctionId], 400);
  await r.call("promotion/adverts with a status no campaign can have", "POST", "/adv/v1/promotion/adverts?status=5", [], 422);
  await r.call("rename", "POST", "/adv/v0/rename", { advertId: auctionId, name: "Аукцион 2" }, 200);
  await r.call("rename to an empty name", "POST", "/adv/v0/rename", { advertId: auctionId, name: "" }, 400);
  await r.call("rename an unknown campaign", "POST", "/adv/v0/rename", { advertId: UNKNOWN_ID, name: "Нет" }, [400, 422]);

  // Auction phrases.
  await r.call("set-plus fixed on", "GET", `/adv/v1/search/set-plus?id=${auctionId}&fixed=true`, undefined, 200);
  await r.call("set-plus fixed not a boolean", "GET", `/adv/v1/search/set-plus?id=${auctionId}&fixed=maybe`, undefined, 400);
  await r.call("set-plus phrases", "POST", `/adv/v1/search/set-plus?id=${auctionId}`, { pluse: ["купить плед", "плед"] }, 200);
  await r.call("set-plus on an automatic campaign", "POST", `/adv/v1/search/set-plus?id=${autoId}`, { pluse: ["плед"] }, 400);
  await r.call("set-excluded", "POST", `/adv/v1/search/set-excluded?id=${auctionId}`, { excluded: ["дешево"] }, 200);
  await r.call("set-excluded of an unknown campaign", "POST", `/adv/v1/search/set-excluded?id=${UNKNOWN_ID}`, { excluded: ["дешево"] }, 400);

  // Automatic campaign settings.
  await r.call("getnmtoadd", "GET", `/adv/v1/auto/getnmtoadd?id=${autoId}`, undefined, 200);
  await r.call("getnmtoadd of an unknown campaign", "GET", `/adv/v1/auto/getnmtoadd?id=${UNKNOWN_ID}`, undefined, 400);
  await r.call("updatenm", "POST", `/adv/v1/auto/updatenm?id=${autoId}`, { add: [nm2], delete: [] }, 200);
  await r.call("updatenm of an unknown campaign", "POST", `/adv/v1/auto/updatenm?id=${UNKNOWN_ID}`, { add: [nm2] }, 400);
  await r.call("auto/set-excluded", "POST", `/adv/v1/auto/set-excluded?id=${autoId}`, { excluded: ["дешево"] }, 200);
  await r.call("auto/set-excluded of an unknown campaign", "POST", `/adv/v1/auto/set-excluded?id=${UNKNOWN_ID}`, { excluded: [] }, 400);

  // A media campaign (the API has no create call) before time passes, so it has statistics too.
  const media = await control(app, "POST", "/wildberries/media-campaigns", { name: "Медиа", brand: "Бренд", type: 2, status: 6, budget: 50_000, items: [{ name: "Баннер", cpm: 300 }] }, SCENARIO_TOKEN);
  const mediaId = intFrom(isRecord(media.body) ? media.body.advertId : undefined) ?? UNKNOWN_ID;
  if (media.status !== 201) r.problems.push(`POST /__sandbox/wildberries/media-campaigns answered ${media.status}: ${media.text.slice(0, 200)}`);

  // Two simulated days of traffic.
  await advance(app, "P2D", SCENARIO_TOKEN);
  const today = await moscowToday(app, SCENARIO_TOKEN);
  const begin = dayBefore(today, 2);

  // Money.
  await r.call("balance", "GET", "/adv/v1/balance", undefined, 200);
  await r.call("budget", "GET", `/adv/v1/budget?id=${auctionId}`, undefined, 200);
  await r.call("budget of an unknown campaign", "GET", `/adv/v1/budget?id=${UNKNOWN_ID}`, undefined, 400);
  await r.call("upd", "GET", `/adv/v1/upd?from=${begin}&to=${today}`, undefined, 200);
  await r.call("upd reversed interval", "GET", `/adv/v1/upd?from=${today}&to=${begin}`, undefined, 400);
  await r.call("payments", "GET", `/adv/v1/payments?from=${begin}&to=${today}`, undefined, 200);
  await r.call("payments of a seller without top-ups", "GET", "/adv/v1/payments", undefined, 204, EMPTY_TOKEN);

  // Statistics.
  await r.call("fullstats by interval", "POST", "/adv/v2/fullstats", [{ id: auctionId, interval: { begin, end: today } }, { id: autoId, interval: { begin, end: today } }], 200);
  await r.call("fullstats by dates", "POST", "/adv/v2/fullstats", [{ id: auctionId, dates: [begin, dayBefore(today, 1)] }], 200);
  await r.call("fullstats by id", "POST", "/adv/v2/fullstats", [{ id: autoId }], 200);
  await r.call("fullstats beyond the depth", "POST", "/adv/v2/fullstats", [{ id: auctionId, interval: { begin: dayBefore(today, 60), end: today } }], 400);
  await r.call("auto/stat-words", "GET", `/adv/v2/auto/stat-words?id=${autoId}`, undefined, 200);
  await r.call("auto/stat-words of an Auction", "GET", `/adv/v2/auto/stat-words?id=${auctionId}`, undefined, 400);
  await r.call("auto/stat-words of an unknown campaign", "GET", `/adv/v2/auto/stat-words?id=${UNKNOWN_ID}`, undefined, [204, 400]);
  await r.call("stat/words", "GET", `/adv/v1/stat/words?id=${auctionId}`, undefined, 200);
  await r.call("stat/words without a valid id", "GET", "/adv/v1/stat/words?id=abc", undefined, 400);
  await r.call("stats/keywords", "GET", `/adv/v0/stats/keywords?advert_id=${auctionId}&from=${begin}&to=${today}`, undefined, 200);
  await r.call("stats/keywords over a week", "GET", `/adv/v0/stats/keywords?advert_id=${auctionId}&from=${dayBefore(today, 10)}&to=${today}`, undefined, 400);
  await r.call("stats/keywords of an unknown campaign", "GET", `/adv/v0/stats/keywords?advert_id=${UNKNOWN_ID}&from=${begin}&to=${today}`, undefined, 404);

  // Media.
  await r.call("media count", "GET", "/adv/v1/count", undefined, 200);
  await r.call("media adverts", "GET", "/adv/v1/adverts", undefined, 200);
  await r.call("media adverts none in drafts", "GET", "/adv/v1/adverts?status=1", undefined, 204);
  await r.call("media advert", "GET", `/adv/v1/advert?id=${mediaId}`, undefined, 200);
  await r.call("media advert unknown", "GET", `/adv/v1/advert?id=${UNKNOWN_ID}`, undefined, 204);
  await r.call("media advert with a malformed id", "GET", "/adv/v1/advert?id=abc", undefined, 400);
  await r.call("media stats", "POST", "/adv/v1/stats", [{ id: mediaId, interval: { begin, end: today } }], 200);
  await r.call("media stats with a bad body", "POST", "/adv/v1/stats", { id: mediaId }, 400);
  await r.call("media pause", "POST", "/adv/v1/advert/pause", { advert_id: mediaId, reason: "тест" }, 200);
  await r.call("media banner bid", "POST", "/adv/v1/item/cpm/change", { advert_id: mediaId, item_id: UNKNOWN_ID, cpm: 400 }, 400);
  await r.call("media start", "POST", "/adv/v1/advert/start", { advert_id: mediaId }, 200);
  await r.call("media stop", "POST", "/adv/v1/advert/stop", { advert_id: mediaId }, 200);

  // Status ends: stop, a start that is not allowed, delete.
  await r.call("stop", "GET", `/adv/v0/stop?id=${auctionId}`, undefined, 200);
  await r.call("start a completed campaign", "GET", `/adv/v0/start?id=${auctionId}`, undefined, 422);
  await r.call("pause a completed campaign", "GET", `/adv/v0/pause?id=${auctionId}`, undefined, 422);
  await r.call("stop a completed campaign", "GET", `/adv/v0/stop?id=${auctionId}`, undefined, 422);
  await r.call("delete", "GET", `/adv/v0/delete?id=${doomed ?? UNKNOWN_ID}`, undefined, 200);
  await r.call("delete an unknown campaign", "GET", `/adv/v0/delete?id=${UNKNOWN_ID}`, undefined, 400);
  await r.call("bid change", "POST", "/adv/v0/cpm", { advertId: autoId, type: 8, cpm: 200 }, 200);

  return r;
}

/** Every method without a token (401), then one method called twice under its 1-per-minute limit (429). */
export async function runGatewayScenario(app: App, methods: readonly (readonly ["GET" | "POST", string])[]): Promise<Recorder> {
  const r = new Recorder(app, LIMITED_TOKEN);
  for (const [verb, path] of methods) {
    await r.call(`${verb} ${path} without a token`, verb, path, verb === "POST" ? [] : undefined, 401, null);
  }
  await settings(app, { rateLimits: "enforce" }, LIMITED_TOKEN);
  await r.call("config once", "GET", "/adv/v0/config", undefined, 200);
  await r.call("config again within the minute", "GET", "/adv/v0/config", undefined, 429);
  return r;
}
