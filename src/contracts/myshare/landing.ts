import { z } from "zod";
import { MsAdaptability } from "./enums.js";
import { MsDateTime, MsLandingId, MsUrl, MsUuid } from "./scalars.js";

/** `POST /landing/` (PUT the same; PATCH any part). `image` is accepted as an alias of image_url. */
export const MsLandingCreateRequest = z
  .object({
    url: MsUrl,
    catalog_id: MsUuid,
    adaptability: MsAdaptability.optional(),
    title: z.string().max(255).optional(),
    image_url: MsUrl.nullable().optional(),
  })
  .meta({ id: "MsLandingCreateRequest" });
export type MsLandingCreateRequest = z.input<typeof MsLandingCreateRequest>;

export const MsLandingUpdateRequest = MsLandingCreateRequest.partial().meta({ id: "MsLandingUpdateRequest" });

export const MsLanding = z
  .object({
    id: MsLandingId,
    url: z.string(),
    modified_at: MsDateTime,
    adaptability: MsAdaptability,
    title: z.string(),
    catalog_id: MsUuid,
    image_url: z.string().nullable(),
  })
  .meta({ id: "MsLanding" });
export type MsLanding = z.infer<typeof MsLanding>;
