import type { ZodType, z } from "zod";
import * as C from "../../contracts/yoomoney/index.js";
import type { YM_ROUTES, YmOperationId } from "../../contracts/yoomoney/routes.js";
import type { Result } from "../../state/kernel/result.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { CATEGORIES } from "../../state/yoomoney/categories.js";
import { campaignInfo, getCampaign, listCampaigns } from "../../state/yoomoney/campaign-reads.js";
import { createCampaign, startCampaign, stopCampaign, updateCampaign } from "../../state/yoomoney/campaigns.js";
import type { YmRefusal } from "../../state/yoomoney/errors.js";
import { redeem } from "../../state/yoomoney/leads.js";
import { pinsByStatus } from "../../state/yoomoney/pins.js";
import type { Handlers } from "../http/handler.js";
import { addPinsInSlices } from "./add-pins.js";
import { errorBody } from "./errors.js";
import { refusalError } from "./refusals.js";
import { parseBody } from "./parse.js";
import type { YmBody, YmHandler } from "./route.js";

/** Binds a method's request contract, its domain call and its success body into one handler (HTTP 200 either way). */
function method<Req extends ZodType, Res extends ZodType, V>(
  operation: YmOperationId,
  request: Req,
  response: Res,
  call: (tenant: Tenant, input: z.infer<Req>) => Result<V, YmRefusal>,
  render: (value: V) => z.infer<Res>,
): YmHandler {
  return ({ tenant, body }) => {
    const input = parseBody(request, body);
    if (!input.ok) return { status: 200, body: errorBody(input.error, operation), schema: C.ErrorResponse };
    const result = call(tenant, input.value);
    if (!result.ok) return { status: 200, body: errorBody(refusalError(result.error), operation), schema: C.ErrorResponse };
    return { status: 200, body: render(result.value), schema: response };
  };
}

const success = <T>(result: T) => ({ status: "success" as const, result });
const always = <V>(value: V): Result<V, YmRefusal> => ({ ok: true, value });

/** Every method that takes a token (all but users/login), by operation id. */
export const YM_HANDLERS: Handlers<typeof YM_ROUTES, YmBody> = {
  getCategories: method("getCategories", C.CategoriesRequest, C.CategoriesResponse, () => always({ categories: [...CATEGORIES] }), success),
  createCampaign: method("createCampaign", C.CreateCampaignRequest, C.CampaignStateResponse, createCampaign, success),
  updateCampaign: method("updateCampaign", C.UpdateCampaignRequest, C.CampaignStateResponse, updateCampaign, success),
  startCampaign: method("startCampaign", C.CampaignKeyRequest, C.CampaignStateResponse, startCampaign, success),
  stopCampaign: method("stopCampaign", C.CampaignKeyRequest, C.StopCampaignResponse, stopCampaign, (result) => ({
    errors: {},
    result,
    status: "success" as const,
  })),
  addPins: ({ tenant, body }) => addPinsInSlices(tenant, body),
  redeem: method("redeem", C.RedeemRequest, C.RedeemResponse, redeem, success),
  getCampaign: method("getCampaign", C.CampaignKeyRequest, C.GetCampaignResponse, getCampaign, success),
  campaignInfo: method("campaignInfo", C.CampaignKeyRequest, C.CampaignInfoResponse, campaignInfo, success),
  listCampaigns: method("listCampaigns", C.ListCampaignsRequest, C.ListCampaignsResponse, (tenant, input) => always(listCampaigns(tenant, input.limit, input.offset)), (list) => ({
    status: "success" as const,
    ...list,
  })),
  getPinsByStatus: method("getPinsByStatus", C.PinsByStatusRequest, C.PinsByStatusResponse, (tenant, input) => pinsByStatus(tenant, input, input.pinStatus), success),
};
