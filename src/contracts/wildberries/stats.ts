import { z } from "zod";

const day = z.string().meta({ description: "YYYY-MM-DD (Moscow day)" });

/** One item of POST /adv/v2/fullstats: `dates`, or `interval`, or the id alone (the last 24 hours). */
export const WbFullstatsItem = z.object({
  id: z.number().int().meta({ description: "Campaign ID" }),
  dates: z.array(day).optional().meta({ description: "Days to report (not with interval)" }),
  interval: z.object({ begin: day.optional(), end: day.optional() }).optional().meta({ description: "begin..end (not with dates)" }),
});
export const WbFullstatsRequest = z.array(WbFullstatsItem).min(1).max(100).meta({ id: "WbFullstatsRequest" });

const statFields = {
  views: z.number().int(),
  clicks: z.number().int(),
  ctr: z.number().meta({ description: "clicks / views × 100, 2 decimals" }),
  cpc: z.number().meta({ description: "sum / clicks, rubles, 2 decimals" }),
  sum: z.number().meta({ description: "Spend, rubles with kopecks" }),
  atbs: z.number().int(),
  orders: z.number().int(),
  cr: z.number().meta({ description: "orders / clicks × 100, 2 decimals" }),
  shks: z.number().int(),
  sum_price: z.number(),
};

export const WbFullstatsNm = z.object({ ...statFields, name: z.string(), nmId: z.number().int() }).meta({ id: "WbFullstatsNm" });
export const WbFullstatsApp = z
  .object({ ...statFields, nm: z.array(WbFullstatsNm), appType: z.number().int().meta({ description: "1 site, 32 Android, 64 iOS" }) })
  .meta({ id: "WbFullstatsApp" });
export const WbFullstatsDay = z
  .object({ date: z.string().meta({ description: "e.g. 2023-10-06T03:00:00+03:00" }), ...statFields, apps: z.array(WbFullstatsApp) })
  .meta({ id: "WbFullstatsDay" });
export const WbBoosterStat = z
  .object({ date: z.string().meta({ description: "e.g. 2023-10-07T00:00:00Z" }), nm: z.number().int(), avg_position: z.number().int() })
  .meta({ id: "WbBoosterStat" });
export const WbFullstatsCampaign = z
  .object({
    dates: z.array(day).optional(),
    interval: z.object({ begin: day, end: day }).optional(),
    ...statFields,
    days: z.array(WbFullstatsDay),
    boosterStats: z.array(WbBoosterStat).meta({ description: "Automatic (type 8) campaigns; empty for Auctions" }),
    advertId: z.number().int(),
  })
  .meta({ id: "WbFullstatsCampaign" });
export const WbFullstatsResponse = z.array(WbFullstatsCampaign).meta({ id: "WbFullstatsResponse" });

/** `?id=` of stat-words and stat/words. */
export const WbStatsIdQuery = z.object({ id: z.number().int().positive().meta({ description: "Campaign ID" }) });

/** GET /adv/v2/auto/stat-words. */
export const WbAutoStatWords = z
  .object({
    excluded: z.array(z.string()),
    clusters: z.array(z.object({ cluster: z.string(), count: z.number().int(), keywords: z.array(z.string()) })),
  })
  .meta({ id: "WbAutoStatWords" });

/** GET /adv/v1/stat/words. */
export const WbStatWords = z
  .object({
    words: z.object({
      phrase: z.array(z.string()),
      strong: z.array(z.string()),
      excluded: z.array(z.string()),
      pluse: z.array(z.string()),
      keywords: z.array(z.object({ keyword: z.string(), count: z.number().int() })),
      fixed: z.boolean(),
    }),
    stat: z.array(
      z.object({
        advertId: z.number().int(),
        keyword: z.string(),
        advertName: z.string(),
        campaignName: z.string(),
        begin: z.string(),
        end: z.string(),
        views: z.number().int(),
        clicks: z.number().int(),
        frq: z.number().int(),
        ctr: z.number(),
        cpc: z.number(),
        duration: z.number().int(),
        sum: z.number(),
      }),
    ),
  })
  .meta({ id: "WbStatWords" });

/** `?advert_id=&from=&to=` of stats/keywords (at most 7 days). */
export const WbKeywordStatsQuery = z.object({
  advert_id: z.number().int().positive().meta({ description: "Campaign ID" }),
  from: day,
  to: z.string().meta({ description: "YYYY-MM-DD; from..to is at most 7 days" }),
});

/** GET /adv/v0/stats/keywords. */
export const WbKeywordStats = z
  .object({
    keywords: z.array(
      z.object({
        date: day,
        stats: z.array(z.object({ clicks: z.number().int(), ctr: z.number(), keyword: z.string(), sum: z.number(), views: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "WbKeywordStats" });
