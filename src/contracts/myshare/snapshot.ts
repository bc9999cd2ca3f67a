import { z } from "zod";
import { MS_CURRENCIES, MS_DEAL_STATUSES, MS_DEVICES, MS_MODERATION_TYPES, MS_REWARD_TYPES } from "./enums.js";
import { MsDuration } from "./scalars.js";

const epochMs = z.number().int();
const money = z.number().nonnegative();
const nullableMs = epochMs.nullable();

/** The myshare part of a tenant snapshot (`GET`/`PUT /__sandbox/state`). */
export const MyshareSnapshot = z
  .object({
    profile: z.object({
      businessPartnerId: z.string(),
      companyName: z.string(),
      companyLogo: z.string(),
      categoryId: z.string(),
      categoryName: z.string(),
    }),
    catalogs: z.array(
      z.object({
        id: z.string(),
        publicId: z.string().regex(/^[A-Z0-9]{5}$/),
        title: z.string(),
        catalogCode: z.string(),
        description: z.string(),
        moderationType: z.enum(MS_MODERATION_TYPES),
        holdDuration: MsDuration,
        canceledDuration: MsDuration,
        isPromocodeAllowed: z.boolean(),
        isPublished: z.boolean(),
        rewardPercent: z.number().nullable(),
        icon: z.string().nullable(),
        previewImage: z.string().nullable(),
        rewardType: z.enum(MS_REWARD_TYPES),
        devices: z.enum(MS_DEVICES),
        cookiesStorageDays: z.number().int().nonnegative(),
        minPromoCodePercent: z.number(),
        maxPromoCodePercent: z.number(),
        offerGeo: z.array(z.string()),
        localizations: z.array(z.string()),
        createdAt: epochMs,
        modifiedAt: epochMs,
      }),
    ),
    offers: z.array(
      z.object({
        id: z.string(),
        catalogId: z.string(),
        name: z.string(),
        isPromocodeAllowed: z.boolean(),
        isActive: z.boolean(),
        prices: z.array(z.object({ cost: money, currency: z.enum(MS_CURRENCIES) })),
        description: z.string(),
        rewardPercent: z.number().nullable(),
        fixRemuneration: money.nullable(),
        createdAt: epochMs,
      }),
    ),
    landings: z.array(
      z.object({
        id: z.string().regex(/^[A-Z0-9]{6}$/),
        catalogId: z.string(),
        url: z.string(),
        adaptability: z.enum(MS_DEVICES),
        title: z.string(),
        imageUrl: z.string().nullable(),
        createdAt: epochMs,
        modifiedAt: epochMs,
      }),
    ),
    partners: z.array(
      z.object({ id: z.string(), catalogId: z.string(), promoCode: z.string(), uid: z.string(), percent: z.number(), joinedAt: epochMs }),
    ),
    /** Personal promo codes (POST /promo/); absent in snapshots written before they existed. */
    promos: z
      .array(
        z.object({
          id: z.string(),
          code: z.string().min(1),
          percent: z.number().min(0).max(100),
          catalogIds: z.array(z.string()).min(1),
          createdAt: epochMs,
          modifiedAt: epochMs,
        }),
      )
      .default([]),
    deals: z.array(
      z.object({
        id: z.string().regex(/^[A-Z0-9]{8}$/),
        dealId: z.string(),
        catalogId: z.string(),
        offerId: z.string(),
        status: z.enum(MS_DEAL_STATUSES),
        cost: money,
        currency: z.enum(MS_CURRENCIES),
        isReturned: z.boolean(),
        promoCode: z.string().nullable(),
        anotherData: z.string().nullable(),
        comment: z.string().nullable(),
        paymentSum: money,
        conversionTime: epochMs,
        modifiedAt: epochMs,
        paidAt: nullableMs,
        approvedAt: nullableMs,
        canceledAt: nullableMs,
        timer: z.number().int().positive().nullable(),
        deadline: nullableMs,
        partnerId: z.string().nullable(),
        attribution: z.enum(["link", "promo"]).nullable(),
        /** The personal promo code that attributed the deal; absent in snapshots written before promo codes. */
        promoId: z.string().nullable().default(null),
      }),
    ),
  })
  .meta({ id: "MsSnapshot" });
export type MyshareSnapshot = z.infer<typeof MyshareSnapshot>;
/** A snapshot as it may be written (the fields added later may be left out). */
export type MyshareSnapshotInput = z.input<typeof MyshareSnapshot>;
