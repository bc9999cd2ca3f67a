import { z } from "zod";

/** Field formats shared by several YooMoney methods. */
export const CampaignId = z.number().int().positive().meta({ description: "YooMoney campaign id (ymCampaignId)" });
export const PartnerCampaignId = z
  .number()
  .int()
  .nonnegative()
  .meta({ description: "The partner's own campaign id, unique within the partner's system" });

/** "Rubles or dollars, two digits after the dot": a number or a numeric string. */
export const Money = z
  .union([z.string().max(30), z.number().nonnegative()])
  .refine((v) => /^\d+(\.\d{1,2})?$/.test(String(v)), {
    message: "must be a non-negative amount with at most two digits after the dot, e.g. \"100\" or \"99.90\"",
  })
  .meta({ id: "YmMoney", description: "Amount in rubles or dollars, at most two digits after the dot" });

/** ISO-8601 date-time with an offset, e.g. 2017-12-31T23:59:59+03:30. */
export const DateTime = z.iso
  .datetime({ offset: true })
  .meta({ id: "YmDateTime", description: "ISO-8601 date-time with an offset or Z, e.g. 2017-12-31T23:59:59+03:30" });

export const HexColor = z
  .string()
  .max(30)
  .regex(/^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$/, { message: "must be a #HEX colour such as #1e1e1e" });
