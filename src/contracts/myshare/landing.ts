import { z } from "zod";
import { MsAdaptability } from "./enums.js";
import { msText, MsUrlInput, MsUuidInput } from "./input-scalars.js";
import { checkLegacyNames, type IssueSink, type MsLegacyNames } from "./legacy-names.js";
import { MsDateTime, MsLandingId, MsUuid } from "./scalars.js";

/** Legacy names the landing serializer still reads. */
export const MS_LANDING_LEGACY_NAMES = { image_url: ["image"] } as const satisfies MsLegacyNames;

const LandingBody = z
  .object({
    url: MsUrlInput,
    catalog_id: MsUuidInput.meta({ description: "The catalog's UUID" }),
    adaptability: MsAdaptability.optional(),
    title: msText({ maxLength: 255, allowBlank: true }).optional(),
    image_url: MsUrlInput.nullable().optional().meta({ description: "An http(s) or ftp(s) URL of at most 200 characters, or null; legacy name image" }),
  })
  .loose();

const landingRules = (body: Readonly<Record<string, unknown>>, ctx: IssueSink): void => checkLegacyNames(body, ctx, LandingBody.shape, MS_LANDING_LEGACY_NAMES);

/** `POST /landing/` (PUT the same): url and catalog_id required. */
export const MsLandingCreateRequest = LandingBody.superRefine(landingRules).meta({ id: "MsLandingCreateRequest" });
export type MsLandingCreateRequest = z.input<typeof MsLandingCreateRequest>;

/** `PATCH /landing/{id}/`: any subset. */
export const MsLandingUpdateRequest = LandingBody.partial().superRefine(landingRules).meta({ id: "MsLandingUpdateRequest" });

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
