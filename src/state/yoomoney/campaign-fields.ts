import type { CreateCampaignRequest, UpdateCampaignRequest } from "../../contracts/yoomoney/campaign-fields.js";
import type { CampaignFields } from "./model.js";

const money = (value: string | number | undefined): string | undefined => (value === undefined ? undefined : String(value));

/** The create request as stored: money as strings, absent fields left out. */
export function toFields(request: CreateCampaignRequest): CampaignFields {
  const { campaignFee, campaignFeeMin, campaignFeeMax, ...rest } = request;
  const fields: CampaignFields = { ...rest };
  if (campaignFee !== undefined) fields.campaignFee = money(campaignFee);
  if (campaignFeeMin !== undefined) fields.campaignFeeMin = money(campaignFeeMin);
  if (campaignFeeMax !== undefined) fields.campaignFeeMax = money(campaignFeeMax);
  return fields;
}

/**
 * campaigns/update: the fields sent replace the stored ones. Sending one fee form drops the other, so
 * a switch between campaignFee and campaignFeeMin/Max works.
 */
export function mergeFields(stored: CampaignFields, patch: UpdateCampaignRequest): CampaignFields {
  // A parsed JSON body never holds undefined values, so spreading keeps exactly the fields sent.
  const { campaignFee, campaignFeeMin, campaignFeeMax, ...rest } = patch;
  const merged: CampaignFields = { ...stored, ...rest };
  if (campaignFee !== undefined) {
    merged.campaignFee = money(campaignFee);
    if (campaignFeeMin === undefined && campaignFeeMax === undefined) {
      delete merged.campaignFeeMin;
      delete merged.campaignFeeMax;
    }
  }
  if (campaignFeeMin !== undefined || campaignFeeMax !== undefined) {
    if (campaignFee === undefined) delete merged.campaignFee;
    if (campaignFeeMin !== undefined) merged.campaignFeeMin = money(campaignFeeMin);
    if (campaignFeeMax !== undefined) merged.campaignFeeMax = money(campaignFeeMax);
  }
  return merged;
}

/** The discount triple that decides whether a repeated create is the same campaign. */
export function sameDiscount(a: CampaignFields, b: CampaignFields): boolean {
  return (
    a.discountType === b.discountType &&
    a.discountAmount === b.discountAmount &&
    (a.discountCurrency ?? 643) === (b.discountCurrency ?? 643)
  );
}
