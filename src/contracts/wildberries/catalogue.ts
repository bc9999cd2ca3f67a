import { z } from "zod";

/** One GET /adv/v0/config entry: every value is a string (research §5.1). */
export const WbConfigEntry = z
  .object({
    description: z.string().meta({ description: "What the value limits (Russian)" }),
    name: z.string().meta({ description: "budget_min, api_fullstat_day_depth, cpm_min_booster, cpm_min_search_catalog, max_nm_count, max_auto_nms" }),
    value: z.string().meta({ description: "The value, a number written as a string" }),
  })
  .meta({ id: "WbConfigEntry" });

/** GET /adv/v0/config. */
export const WbConfig = z.object({ config: z.array(WbConfigEntry) }).meta({ id: "WbConfig" });
export type WbConfig = z.infer<typeof WbConfig>;

/** One subject (category) the seller can advertise, with how many of its nms it has. */
export const WbSupplierSubject = z
  .object({
    id: z.number().int().meta({ description: "Subject ID" }),
    name: z.string().meta({ description: "Subject name" }),
    count: z.number().int().meta({ description: "How many of the seller's nms (WB articles) are of this subject" }),
  })
  .meta({ id: "WbSupplierSubject" });

/** GET /adv/v1/supplier/subjects: the subjects, or null when the seller has none. */
export const WbSupplierSubjects = z.array(WbSupplierSubject).nullable().meta({ id: "WbSupplierSubjects" });

/** POST /adv/v2/supplier/nms body: subject ids (none or an empty array: every subject). */
export const WbSupplierNmsRequest = z.array(z.number().int()).meta({ id: "WbSupplierNmsRequest" });

/** One nm (product card) that can be put in a campaign. */
export const WbSupplierNm = z
  .object({
    title: z.string().meta({ description: "Product name" }),
    nm: z.number().int().meta({ description: "WB article (nmId)" }),
    subjectId: z.number().int().meta({ description: "Subject ID" }),
  })
  .meta({ id: "WbSupplierNm" });

/** POST /adv/v2/supplier/nms answer. */
export const WbSupplierNms = z.array(WbSupplierNm).meta({ id: "WbSupplierNms" });
