import { z } from "zod";

/** Promotion campaign statuses (research §7.1): -1 being deleted, 4 ready, 7 completed, 8 declined, 9 active, 11 paused. */
export const WbCampaignStatus = z
  .union([z.literal(-1), z.literal(4), z.literal(7), z.literal(8), z.literal(9), z.literal(11)])
  .meta({ id: "WbCampaignStatus", description: "-1 being deleted, 4 ready to launch, 7 completed, 8 declined, 9 active, 11 paused" });

/** `?id=` of delete, start, pause and stop. */
export const WbAdvertIdQuery = z.object({ id: z.number().int().positive().meta({ description: "Campaign ID" }) });

/** POST /adv/v1/save-ad: an automatic campaign (type 8). */
export const WbSaveAdRequest = z
  .object({
    type: z.number().int().meta({ description: "Always 8" }),
    name: z.string().meta({ description: "Campaign name, 1-128 characters" }),
    subjectId: z.number().int().meta({ description: "The subject (category) of the nms; see GET /adv/v1/supplier/subjects" }),
    sum: z.number().int().meta({ description: "Initial budget top-up, rubles: at least budget_min (1000) and a multiple of 50" }),
    btype: z.number().int().meta({ description: "Where the sum is taken from: 0 account, 1 balance, 3 bonuses" }),
    on_pause: z.boolean().optional().meta({ description: "true: created paused (11), startable 3 minutes after creation; false (default): launched (9)" }),
    nms: z.array(z.number().int()).meta({ description: "WB articles of subjectId, 1 to max_auto_nms (100)" }),
    cpm: z.number().int().optional().meta({ description: "Bid; below cpm_min_booster (100) or absent it is silently raised to it" }),
  })
  .meta({ id: "WbSaveAdRequest" });

/** save-ad answers the new id as a JSON string, e.g. "9008917". */
export const WbSaveAdResponse = z.string().meta({ id: "WbSaveAdResponse", description: "The new campaign's ID as a JSON string" });

/** POST /adv/v2/seacat/save-ad: an Auction campaign (type 9). `campaignName` (seed schema) or `name` (seed sample). */
export const WbSeacatSaveAdRequest = z
  .object({
    campaignName: z.string().optional().meta({ description: "Campaign name, 1-128 characters (or send it as `name`)" }),
    name: z.string().optional().meta({ description: "Campaign name, used when campaignName is absent" }),
    nms: z.array(z.number().int()).meta({ description: "WB articles from POST /adv/v2/supplier/nms, 1 to max_nm_count (50)" }),
  })
  .meta({ id: "WbSeacatSaveAdRequest" });

/** seacat/save-ad answers the new id as a JSON integer. */
export const WbSeacatSaveAdResponse = z.number().int().meta({ id: "WbSeacatSaveAdResponse", description: "The new campaign's ID" });

/** POST /adv/v0/rename. */
export const WbRenameRequest = z
  .object({
    advertId: z.number().int().meta({ description: "Campaign ID" }),
    name: z.string().meta({ description: "New name, 1-100 characters" }),
  })
  .meta({ id: "WbRenameRequest" });

/** POST /adv/v0/cpm. */
export const WbCpmRequest = z
  .object({
    advertId: z.number().int().meta({ description: "Campaign ID" }),
    type: z.number().int().meta({ description: "The campaign's type: 8 automatic, 9 Auction (5, 6, 7 are retired types)" }),
    cpm: z.number().int().meta({ description: "New bid, rubles: at least cpm_min_booster (type 8) or cpm_min_search_catalog (type 9)" }),
    param: z.number().int().optional().meta({ description: "Type 9: the subject id (unitedParams[].subject.id) whose bid changes; not needed for type 8" }),
    instrument: z.number().int().optional().meta({ description: "Type 9: 6 search (searchCPM, the default), 4 catalog (catalogCPM)" }),
  })
  .meta({ id: "WbCpmRequest" });

const Ref = z.object({ id: z.number().int(), name: z.string() });

/** GET /adv/v1/promotion/count. */
export const WbPromotionCount = z
  .object({
    adverts: z
      .array(
        z.object({
          type: z.number().int(),
          status: z.number().int(),
          count: z.number().int(),
          advert_list: z.array(z.object({ advertId: z.number().int(), changeTime: z.string() })),
        }),
      )
      .nullable()
      .meta({ description: "One group per (type, status); null when the seller has no campaigns" }),
    all: z.number().int().meta({ description: "Campaigns of every type and status" }),
  })
  .meta({ id: "WbPromotionCount" });

/** Query of POST /adv/v1/promotion/adverts: filters, used instead of an id list. */
export const WbAdvertsQuery = z.object({
  status: z.union([z.literal(-1), z.literal(4), z.literal(7), z.literal(8), z.literal(9), z.literal(11)]).optional(),
  type: z.union([z.literal(4), z.literal(5), z.literal(6), z.literal(7), z.literal(8), z.literal(9)]).optional(),
  order: z.enum(["create", "change", "id"]).optional().meta({ description: "Default change" }),
  direction: z.enum(["desc", "asc"]).optional().meta({ description: "Default desc" }),
});

/** Body of POST /adv/v1/promotion/adverts: up to 50 campaign ids (or none, with filters). */
export const WbAdvertsRequest = z.array(z.number().int()).meta({ id: "WbAdvertsRequest" });

const common = {
  endTime: z.string().meta({ description: "Moscow time; 2100-01-01T00:00:00+03:00 while the campaign has not ended" }),
  createTime: z.string(),
  changeTime: z.string(),
  startTime: z.string().meta({ description: "The last launch; the creation time when never launched" }),
  name: z.string(),
  dailyBudget: z.number().int().meta({ description: "Not used for types 8 and 9: always 0" }),
  advertId: z.number().int(),
  status: WbCampaignStatus,
  paymentType: z.literal("cpm"),
};

/** An automatic campaign in /adv/v1/promotion/adverts. */
export const WbAdvertType8 = z
  .strictObject({
    ...common,
    type: z.literal(8),
    autoParams: z.strictObject({
      subject: Ref,
      sets: z.array(Ref),
      menus: z.array(Ref),
      active: z.strictObject({ carousel: z.boolean(), recom: z.boolean(), booster: z.boolean() }),
      nmCPM: z.array(z.strictObject({ nm: z.number().int(), cpm: z.number().int() })),
      nms: z.array(z.number().int()),
      cpm: z.number().int().meta({ description: "The bid given at creation (raised to the minimum), then the last bid set" }),
    }),
  })
  .meta({ id: "WbAdvertType8" });

/** An Auction campaign in /adv/v1/promotion/adverts. */
export const WbAdvertType9 = z
  .strictObject({
    ...common,
    type: z.literal(9),
    searchPluseState: z.boolean().meta({ description: "Fixed phrases active" }),
    unitedParams: z.array(
      z.strictObject({
        subject: Ref,
        menus: z.array(Ref),
        nms: z.array(z.number().int()),
        searchCPM: z.number().int(),
        catalogCPM: z.number().int(),
      }),
    ),
  })
  .meta({ id: "WbAdvertType9" });

/** POST /adv/v1/promotion/adverts answer (204 when nothing matches). */
export const WbAdverts = z.array(z.union([WbAdvertType8, WbAdvertType9])).meta({ id: "WbAdverts" });
export type WbAdvertType8 = z.infer<typeof WbAdvertType8>;
export type WbAdvertType9 = z.infer<typeof WbAdvertType9>;
export type WbPromotionCount = z.infer<typeof WbPromotionCount>;
