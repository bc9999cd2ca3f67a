import type { ErrorCode, ErrorResponse } from "../../contracts/yoomoney/envelope.js";
import type { YmOperationId } from "../../contracts/yoomoney/routes.js";
import type { RefusedCampaign } from "../../state/yoomoney/errors.js";

/** A YooMoney error as the envelope carries it: the documented code, what exactly failed, and the campaign's state if any. */
export interface YmError {
  code: ErrorCode;
  detail: string;
  parameter?: string;
  campaign?: RefusedCampaign;
}

/** incorrectData naming the parameter at fault. */
export function incorrectData(parameter: string, detail: string): YmError {
  return { code: "incorrectData", parameter, detail };
}

/** The "value" column of the documented error tables (research/yoomoney.md §3). */
const VALUES: Record<ErrorCode, string> = {
  incorrectData: "Incorrect data",
  repeatCampaignData: "Repeated value",
  failPin: "No promo codes",
  failFinished: "Completed",
  failModerator: "On moderation",
  campaignNotFound: "Not found",
  failMerchant: "Not enough rights",
  unauthorized: "Unauthorized",
  methodNotFound: "Method not found",
  tooManyRequests: "Too many requests",
  internalError: "Internal error",
};

/**
 * The error envelope; `description` says exactly what failed and what to do. `operation` is the method
 * that answers (campaigns/stop documents failFinished as "Archived").
 */
export function errorBody(error: YmError, operation?: YmOperationId): ErrorResponse {
  const value = error.code === "failFinished" && operation === "stopCampaign" ? "Archived" : VALUES[error.code];
  return {
    status: "error",
    errors: {
      code: error.code,
      value,
      description: error.detail,
      ...(error.parameter === undefined ? {} : { parameter: error.parameter }),
    },
    ...(error.campaign === undefined ? {} : { result: error.campaign }),
  };
}
