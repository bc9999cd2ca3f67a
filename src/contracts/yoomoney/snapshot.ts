import { z } from "zod";
import { CreateCampaignRequest } from "./campaign-fields.js";
import { CampaignStatus, DEFAULT_MERCHANT_KIND, MerchantKind, RedeemStatus } from "./enums.js";
import { PIN_PATTERN } from "./pins.js";

const timerId = z.number().int().positive().nullable();
const epochMs = z.number().int();

/** The YooMoney part of a tenant snapshot (`GET`/`PUT /__sandbox/state`). */
export const YooMoneySnapshot = z
  .object({
    nextId: z.number().int().positive(),
    clickIds: z.array(z.string()),
    /** Absent in snapshots written before partner kinds existed: every partner was a store. */
    merchantKind: MerchantKind.default(DEFAULT_MERCHANT_KIND),
    campaigns: z.array(
      z.object({
        ymCampaignId: z.number().int().positive(),
        status: CampaignStatus,
        fields: CreateCampaignRequest.extend({
          campaignFee: z.string().optional(),
          campaignFeeMin: z.string().optional(),
          campaignFeeMax: z.string().optional(),
        }),
        pins: z.object({ codes: z.array(z.string().regex(PIN_PATTERN)), statuses: z.string().regex(/^[012]*$/) }),
        offers: z.array(
          z.object({ clickId: z.string(), pinIndex: z.number().int().nonnegative().nullable(), issuedAt: epochMs, expiresAt: epochMs }),
        ),
        leads: z.array(
          z.object({
            transactionId: z.string(),
            status: RedeemStatus,
            pinIndex: z.number().int().nonnegative().nullable(),
            clickId: z.string().nullable(),
            campaignFee: z.string(),
            feeCurrency: z.number().int(),
            orderAmount: z.string().nullable(),
            orderCurrency: z.number().int(),
            cashbackAmount: z.string().nullable(),
            sceneRedeem: z.string().nullable(),
            redeemTime: z.string().nullable(),
            reportedAt: epochMs,
            updatedAt: epochMs,
          }),
        ),
        shows: z.number().int().nonnegative(),
        moderationComment: z.string().nullable(),
        /** Absent in snapshots written before the control plane could mark a link unreachable. */
        acceptUrlReachable: z.boolean().default(true),
        timers: z.object({ start: timerId, end: timerId, moderation: timerId }),
      }),
    ),
  })
  .meta({ id: "YmSnapshot" });
export type YooMoneySnapshot = z.infer<typeof YooMoneySnapshot>;
