import { z } from "zod";

const STATUS_TEXT =
  "1 template, 2 moderation, 3 rejected (may be resubmitted), 4 approved, 5 scheduled, 6 running, 7 completed, 8 refused, 9 paused by the seller, 10 paused by the daily limit, 11 paused by the budget";

/** Media campaign statuses 1-11 (research §7.2). */
export const WbMediaStatus = z.number().int().min(1).max(11).meta({ id: "WbMediaStatus", description: STATUS_TEXT });

/** 1 placement by days, 2 by views. */
export const WbMediaType = z.number().int().min(1).max(2).meta({ id: "WbMediaType", description: "1 placement by days, 2 by views" });

/** Moscow time with microseconds, e.g. 2023-07-19T11:13:41.195138+03:00. */
const Time = z.string().meta({ description: "Moscow time, e.g. 2023-07-19T11:13:41.195138+03:00" });

/** GET /adv/v1/count. */
export const WbMediaCount = z
  .object({
    all: z.number().int().meta({ description: "Media campaigns of every type and status" }),
    adverts: z
      .array(z.object({ type: WbMediaType, status: WbMediaStatus, count: z.number().int() }))
      .nullable()
      .meta({ description: "One group per (type, status); null when the seller has none" }),
  })
  .meta({ id: "WbMediaCount" });
export type WbMediaCount = z.infer<typeof WbMediaCount>;

/** GET /adv/v1/adverts query. */
export const WbMediaListQuery = z.object({
  status: z.number().int().min(1).max(11).optional().meta({ description: STATUS_TEXT }),
  type: z.number().int().min(1).max(2).optional().meta({ description: "1 by days, 2 by views" }),
  limit: z.number().int().min(0).optional().meta({ description: "How many campaigns to answer (default: all)" }),
  offset: z.number().int().min(0).optional().meta({ description: "How many to skip first (default 0)" }),
  order: z.enum(["create", "id"]).optional().meta({ description: "create: by creation time; id (default): by ID" }),
  direction: z.enum(["desc", "asc"]).optional().meta({ description: "desc (default) or asc" }),
});

export const WbMediaListItem = z
  .object({
    advertId: z.number().int(),
    name: z.string(),
    brand: z.string(),
    type: WbMediaType,
    status: WbMediaStatus,
    createTime: Time,
    endTime: Time.optional().meta({ description: "Only once the campaign is completed (7)" }),
  })
  .meta({ id: "WbMediaListItem" });
export type WbMediaListItem = z.infer<typeof WbMediaListItem>;

/** GET /adv/v1/adverts: 200 array, 204 when none matches. */
export const WbMediaList = z.array(WbMediaListItem).meta({ id: "WbMediaList" });
export type WbMediaList = z.infer<typeof WbMediaList>;

/** GET /adv/v1/advert `?id=`. */
export const WbMediaIdQuery = z.object({ id: z.number().int().positive().meta({ description: "Media campaign ID" }) });

export const WbMediaExtended = z
  .object({
    reason: z.string().nullable().meta({ description: "The moderator's comment, or why the campaign is paused" }),
    expenses: z.number().int().meta({ description: "Spent so far, whole rubles" }),
    from: Time.meta({ description: "Start of the placement" }),
    to: Time.meta({ description: "End of the placement (2100-01-01 when open-ended)" }),
    updated_at: Time,
    price: z.number().int().meta({ description: "Type 1: price per day (the banners' day rates); 0 for type 2" }),
    budget: z.number().int().meta({ description: "Type 2: budget left, whole rubles; 0 for type 1" }),
    operation: z.number().int().meta({ description: "Write-off source: 1 balance, 2 account" }),
    contract_id: z.number().int().meta({ description: "Contract ID for sellers on a contract, else 0" }),
  })
  .meta({ id: "WbMediaExtended" });

export const WbMediaItem = z
  .object({
    id: z.number().int().meta({ description: "Banner ID" }),
    name: z.string(),
    status: WbMediaStatus.meta({ description: "As the campaign's" }),
    place: z.number().int(),
    budget: z.number().int(),
    daily_limit: z.number().int().meta({ description: "Rubles per Moscow day (views banners); 0 none" }),
    category_name: z.string(),
    cpm: z.number().int(),
    advert_type: z.number().int().meta({ description: "1 banner, 2 menu, 3 mailing, 4 social networks, 5 push" }),
    created_at: Time,
    updated_at: Time,
    date_from: Time,
    date_to: Time,
    nms: z.array(z.number().int()),
    subject_id: z.number().int(),
    subject_name: z.string(),
    url: z.string().optional(),
    bottomText1: z.string().optional(),
    bottomText2: z.string().optional(),
    message: z.string().optional(),
    additionalSettings: z.number().int().optional(),
    receiversCount: z.number().int().optional(),
    action_name: z.string().optional(),
    show_hours: z.array(z.object({ From: z.number().int(), To: z.number().int() })).optional(),
    Erid: z.string().optional(),
  })
  .meta({ id: "WbMediaItem" });

/** GET /adv/v1/advert: 200, or 204 when the seller has no such campaign. */
export const WbMediaAdvert = z
  .object({
    advertId: z.number().int(),
    name: z.string(),
    brand: z.string(),
    type: WbMediaType,
    status: WbMediaStatus,
    createTime: Time,
    extended: WbMediaExtended,
    items: z.array(WbMediaItem),
  })
  .meta({ id: "WbMediaAdvert" });
export type WbMediaAdvert = z.infer<typeof WbMediaAdvert>;

/** POST /adv/v1/advert/stop | pause | start. */
export const WbMediaActionRequest = z
  .object({
    advert_id: z.number().int().positive().meta({ description: "Media campaign ID" }),
    reason: z.string().optional().meta({ description: "Why (kept in the sandbox's event log)" }),
  })
  .meta({ id: "WbMediaActionRequest" });
export type WbMediaActionRequest = z.infer<typeof WbMediaActionRequest>;

/** POST /adv/v1/item/cpm/change. `cpm` is a string in the schema and a number in the sample: both are taken. */
export const WbMediaCpmRequest = z
  .object({
    advert_id: z.number().int().positive().meta({ description: "Media campaign ID" }),
    item_id: z.number().int().positive().meta({ description: "Banner ID (items[].id)" }),
    cpm: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,8}$/)]).meta({ description: "New bid, whole rubles, as a number or a string of digits" }),
  })
  .meta({ id: "WbMediaCpmRequest" });
export type WbMediaCpmRequest = z.infer<typeof WbMediaCpmRequest>;
