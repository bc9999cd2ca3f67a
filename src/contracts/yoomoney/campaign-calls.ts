import { z } from "zod";
import { CampaignState, success } from "./envelope.js";
import { CampaignId, PartnerCampaignId } from "./scalars.js";

/**
 * The campaign key of start, stop, get, info, add-pins and get-pins-by-status. The examples send
 * ymCampaignId, the parameter tables name partnerCampaignId: either is accepted, and both must agree.
 */
export const campaignKeyShape = {
  ymCampaignId: CampaignId.optional(),
  partnerCampaignId: PartnerCampaignId.optional(),
};
export const CampaignKeyRequest = z.object(campaignKeyShape).meta({ id: "YmCampaignKeyRequest" });
export type CampaignKeyRequest = z.infer<typeof CampaignKeyRequest>;

/** create, update, start and stop answer the campaign's id and current status. */
export const CampaignStateResponse = success(CampaignState).meta({ id: "YmCampaignStateResponse" });

/** stop's documented example also carries an empty `errors` object. */
export const StopCampaignResponse = z
  .object({ errors: z.object({}), result: CampaignState, status: z.literal("success") })
  .meta({ id: "YmStopCampaignResponse" });
