import { z } from "zod";

/** `?id=` of the automatic-campaign methods. */
export const WbAutoIdQuery = z.object({ id: z.number().int().positive().meta({ description: "Automatic (type 8) campaign ID" }) });

/** GET /adv/v1/auto/getnmtoadd: nms of the campaign's subject that are not in it yet. */
export const WbNmsToAdd = z.array(z.number().int()).meta({ id: "WbNmsToAdd", description: "WB articles that may be added, ascending" });

/** POST /adv/v1/auto/updatenm. Items that cannot be added or deleted are dropped without an error. */
export const WbUpdateNmRequest = z
  .object({
    add: z.array(z.number().int()).optional().meta({ description: "WB articles to add: only those getnmtoadd returns, up to max_auto_nms (100) in all" }),
    delete: z.array(z.number().int()).optional().meta({ description: "WB articles to delete (not validated; the campaign's only nm is never deleted)" }),
  })
  .meta({ id: "WbUpdateNmRequest" });

/** POST /adv/v1/auto/set-excluded. */
export const WbAutoExcludedRequest = z
  .object({
    excluded: z.array(z.string()).meta({ description: "Minus-phrases (max 1000; exact duplicates kept once); an empty array clears them" }),
  })
  .meta({ id: "WbAutoExcludedRequest" });
