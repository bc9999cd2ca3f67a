import { z } from "zod";

const MediaItemInput = z.object({
  name: z.string().min(1).max(128).meta({ description: "The banner's name (brand) as items[].name shows it" }),
  cpm: z.number().int().positive().meta({ description: "Bid, whole rubles: per 1000 views (type 2) or the day rate (type 1)" }),
  budget: z.number().int().min(0).optional().meta({ description: "The banner's budget as items[].budget shows it (default 0)" }),
  daily_limit: z.number().int().min(0).optional().meta({ description: "Type 2: rubles the banner may spend a Moscow day; 0 (default) no limit" }),
  place: z.number().int().positive().optional().meta({ description: "Position on the page (default 1)" }),
  advert_type: z.number().int().min(1).max(5).optional().meta({ description: "1 banner (default), 2 menu, 3 mailing, 4 social networks, 5 push" }),
  category_name: z.string().min(1).max(128).optional().meta({ description: "Placement category (default Главная)" }),
});

/** `POST /__sandbox/wildberries/media-campaigns`: a media campaign (the API has no create call). */
export const WbMediaCreateRequest = z
  .object({
    name: z.string().min(1).max(128),
    brand: z.string().min(1).max(128),
    type: z.union([z.literal(1), z.literal(2)]).meta({ description: "1 placement by days, 2 by views" }),
    status: z.number().int().min(1).max(11).optional().meta({ description: "Status to start in (default 6 running); 5 needs a future `from`" }),
    budget: z.number().int().min(0).optional().meta({ description: "Type 2: the budget views are paid from (default: the sum of the banners' budgets)" }),
    from: z.iso.datetime({ offset: true }).optional().meta({ description: "Start of the placement (default now)" }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "End of the placement (default open-ended, shown as 2100-01-01)" }),
    items: z.array(MediaItemInput).max(100).optional().meta({ description: "Banners (default none)" }),
  })
  .meta({ id: "SandboxWbMediaCreateRequest" });
export type WbMediaCreateRequest = z.infer<typeof WbMediaCreateRequest>;

export const WbMediaCreateResponse = z
  .object({
    advertId: z.number().int().meta({ description: "The new media campaign's ID (GET /adv/v1/advert?id=)" }),
    itemIds: z.array(z.number().int()).meta({ description: "The banners' IDs, in the order sent" }),
  })
  .meta({ id: "SandboxWbMediaCreateResponse" });
