import { z } from "zod";

/** Object ids: lower-case UUID4 strings. */
export const MsUuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  .meta({ id: "MsUuid", description: "A UUID string", example: "497f6eca-6276-4993-bfeb-53cbbbba6f08" });

/** The catalog's 5-character public code (`catalog_id` in catalog bodies and in check_promo). */
export const MsCatalogPublicId = z
  .string()
  .regex(/^[A-Z0-9]{5}$/)
  .meta({ id: "MsCatalogPublicId", description: "Special 5-character ID of a catalog", example: "HN3W8" });

/** Landing ids: 6 upper-case letters or digits. */
export const MsLandingId = z.string().regex(/^[A-Z0-9]{6}$/).meta({ id: "MsLandingId", example: "7ZTOYA" });

/** Deal system ids: 8 upper-case letters or digits. */
export const MsDealSystemId = z.string().regex(/^[A-Z0-9]{8}$/).meta({ id: "MsDealSystemId", example: "Q7M2KD9X" });

/**
 * Django's naive ISO datetime (USE_TZ=False), in UTC on the tenant's virtual clock: microseconds are
 * printed only when not zero, as Python's isoformat() does.
 */
export const MsDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/)
  .meta({ id: "MsDateTime", description: "Naive ISO 8601 datetime (UTC), microseconds when not zero", example: "2023-04-06T08:02:46.807490" });

/** Django's duration_string(): "[D ]HH:MM:SS[.uuuuuu]". */
export const MsDuration = z
  .string()
  .regex(/^(\d+ )?\d{2}:\d{2}:\d{2}(\.\d{6})?$/)
  .meta({ id: "MsDuration", description: "Days Hours:Minutes:Seconds, e.g. 30 00:00:00", example: "30 00:00:00" });
