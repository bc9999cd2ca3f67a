import type { ErrorCode } from "../../contracts/yoomoney/envelope.js";
import type { CampaignStatus } from "../../contracts/yoomoney/enums.js";

/** A YooMoney business error: the documented code, what exactly failed, and the campaign's state if any. */
export interface YmError {
  code: ErrorCode;
  detail: string;
  parameter?: string;
  campaign?: { ymCampaignId: number; campaignStatus: CampaignStatus };
}

export function incorrectData(parameter: string, detail: string): YmError {
  return { code: "incorrectData", parameter, detail };
}
