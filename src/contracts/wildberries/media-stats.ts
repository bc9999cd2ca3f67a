import { z } from "zod";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: "A Moscow calendar day, YYYY-MM-DD" });

/** One item of POST /adv/v1/stats: `{id, dates}`, `{id, interval}` or `{id}` (the campaign's whole life). */
export const WbMediaStatsItem = z
  .object({
    id: z.number().int().positive().meta({ description: "Media campaign ID" }),
    dates: z.array(Day).min(1).optional().meta({ description: "These days only" }),
    interval: z.object({ begin: Day, end: Day }).optional().meta({ description: "Every day from begin to end" }),
  })
  .meta({ id: "WbMediaStatsItem" });

export const WbMediaStatsRequest = z.array(WbMediaStatsItem).min(1).max(100).meta({ id: "WbMediaStatsRequest", description: "1-100 items" });
export type WbMediaStatsRequest = z.infer<typeof WbMediaStatsRequest>;

const ratios = {
  ctr: z.number().meta({ description: "clicks / views x 100" }),
};

/** One app type's numbers of one day; with `dates` they also carry orders and cr. */
const AppStats = z.object({
  views: z.number().int(),
  clicks: z.number().int(),
  atbs: z.number().int(),
  orders: z.number().int().optional().meta({ description: "Only when the request gave dates" }),
  cr: z.number().optional().meta({ description: "orders / clicks x 100; only when the request gave dates" }),
  ...ratios,
});

const DailyStats = z.array(
  z.object({
    date: z.string().meta({ description: "The day, e.g. 2023-10-21T00:00:00+03:00" }),
    app_type_stats: z.array(z.object({ app_type: z.number().int().meta({ description: "1 site, 32 Android, 64 iOS" }), stats: z.array(AppStats) })),
  }),
);

/** One banner's statistics over the requested days (StatsBlok). */
export const WbMediaStatsBlock = z
  .object({
    item_id: z.number().int(),
    item_name: z.string(),
    category_name: z.string(),
    advert_type: z.number().int().meta({ description: "The campaign's type: 1 by days, 2 by views" }),
    place: z.number().int(),
    views: z.number().int(),
    clicks: z.number().int(),
    cr: z.number().meta({ description: "orders / clicks x 100" }),
    ...ratios,
    date_from: z.string().meta({ description: "Start of the banner's placement" }),
    date_to: z.string().meta({ description: "End of the banner's placement" }),
    subject_name: z.string(),
    atbs: z.number().int(),
    orders: z.number().int(),
    price: z.number().meta({ description: "Cost of the placement in these days, rubles" }),
    cpc: z.number().meta({ description: "expenses / clicks" }),
    status: z.number().int(),
    daily_stats: DailyStats,
    expenses: z.number().meta({ description: "Spent in these days, rubles" }),
    cr1: z.number().meta({ description: "atbs / clicks x 100" }),
    cr2: z.number().int().meta({ description: "orders / atbs x 100, whole" }),
  })
  .meta({ id: "WbMediaStatsBlock" });
export type WbMediaStatsBlock = z.infer<typeof WbMediaStatsBlock>;

/** One answer per request item, in the request's order, echoing its dates or interval. */
export const WbMediaStatsEntry = z
  .object({
    interval: z.object({ begin: Day, end: Day }).optional(),
    dates: z.array(Day).optional(),
    stats: z.array(WbMediaStatsBlock).meta({ description: "One block per banner with traffic in those days" }),
  })
  .meta({ id: "WbMediaStatsEntry" });
export type WbMediaStatsEntry = z.infer<typeof WbMediaStatsEntry>;

export const WbMediaStatsResponse = z.array(WbMediaStatsEntry).meta({ id: "WbMediaStatsResponse" });
export type WbMediaStatsResponse = z.infer<typeof WbMediaStatsResponse>;
