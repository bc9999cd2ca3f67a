import { z } from "zod";
import { CampaignStatus, PinStatus } from "./enums.js";
import { success } from "./envelope.js";
import { campaignKeyShape } from "./campaign-calls.js";
import { CampaignId } from "./scalars.js";

/** A promo code: letters and digits, compared case-insensitively. */
export const PIN_PATTERN = /^[A-Za-z0-9]{1,64}$/;
export const PinContent = z
  .string()
  .regex(PIN_PATTERN, { message: "must be 1-64 letters and digits" })
  .meta({ description: "Promo code: 1-64 letters and digits, not case-sensitive" });

export const AddPinsRequest = z
  .object({ ...campaignKeyShape, pinList: z.array(PinContent).min(1, { message: "must hold at least one code" }) })
  .meta({ id: "YmAddPinsRequest" });

export const PinCounters = z
  .object({
    unusedPinCount: z.number().int().nonnegative(),
    acceptedPinCount: z.number().int().nonnegative(),
    redeemedPinCount: z.number().int().nonnegative(),
    totalPinCount: z.number().int().nonnegative(),
  })
  .meta({ id: "YmPinCounters" });

export const AddPinsResponse = success(
  z.object({ ymCampaignId: CampaignId, campaignStatus: CampaignStatus, counters: PinCounters }),
).meta({ id: "YmAddPinsResponse" });

export const PinsByStatusRequest = z
  .object({ ...campaignKeyShape, pinStatus: PinStatus })
  .meta({ id: "YmPinsByStatusRequest" });

export const PinsByStatusResponse = success(
  z.object({ ymCampaignId: CampaignId, pinStatus: PinStatus, pins: z.array(z.string()) }),
).meta({ id: "YmPinsByStatusResponse" });
