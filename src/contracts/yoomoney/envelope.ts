import { z } from "zod";
import { CampaignId } from "./scalars.js";
import { CampaignStatus } from "./enums.js";

/** Documented error codes, plus the sandbox's transport-level ones (unauthorized, methodNotFound, tooManyRequests, internalError). */
export const ErrorCode = z
  .enum([
    "incorrectData",
    "repeatCampaignData",
    "failPin",
    "failFinished",
    "failModerator",
    "campaignNotFound",
    "failMerchant",
    "unauthorized",
    "methodNotFound",
    "tooManyRequests",
    "internalError",
  ])
  .meta({ id: "YmErrorCode" });
export type ErrorCode = z.infer<typeof ErrorCode>;

export const CampaignState = z
  .object({ ymCampaignId: CampaignId, campaignStatus: CampaignStatus })
  .meta({ id: "YmCampaignState" });

/** Business errors are HTTP 200 with this body; 400/401/413/429 use it too. */
export const ErrorResponse = z
  .object({
    status: z.literal("error"),
    errors: z.object({
      code: ErrorCode,
      value: z.string(),
      description: z.string(),
      parameter: z.string().optional().meta({ description: "The request field that failed (incorrectData)" }),
    }),
    result: CampaignState.optional(),
  })
  .meta({ id: "YmErrorResponse" });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** `{"status":"success","result": <result>}` */
export function success<T extends z.ZodType>(result: T) {
  return z.object({ status: z.literal("success"), result });
}
