import type { ZodType, z } from "zod";
import * as C from "../../contracts/yoomoney/index.js";
import type { Result } from "../../state/kernel/result.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { TenantRegistry } from "../../state/kernel/tenants.js";
import { CATEGORIES } from "../../state/yoomoney/categories.js";
import { campaignInfo, getCampaign, listCampaigns } from "../../state/yoomoney/campaign-views.js";
import { createCampaign, startCampaign, stopCampaign, updateCampaign } from "../../state/yoomoney/campaigns.js";
import type { YmError } from "../../state/yoomoney/errors.js";
import { redeem } from "../../state/yoomoney/leads.js";
import { pinsByStatus } from "../../state/yoomoney/pins.js";
import { addPinsInSlices } from "./add-pins.js";
import { errorBody } from "./errors.js";
import type { MethodAnswer } from "./method-answer.js";
import { parseBody } from "./parse.js";

/** A method's runner; a long one (a large add-pins) answers a promise and runs as a job of the tenant. */
export type MethodRunner = (tenant: Tenant, body: unknown, registry: TenantRegistry) => MethodAnswer | Promise<MethodAnswer>;

/** Binds a method's request contract, its domain call and its success body into one runner. */
function method<Req extends ZodType, Res extends ZodType, V>(
  name: string,
  request: Req,
  response: Res,
  call: (tenant: Tenant, input: z.infer<Req>, registry: TenantRegistry) => Result<V, YmError>,
  render: (value: V) => z.infer<Res>,
): MethodRunner {
  return (tenant, body, registry) => {
    const input = parseBody(request, body);
    const result = input.ok ? call(tenant, input.value, registry) : input;
    if (!result.ok) return { status: 200, body: errorBody(result.error, name), schema: C.ErrorResponse };
    return { status: 200, body: render(result.value), schema: response };
  };
}

const success = <T>(result: T) => ({ status: "success" as const, result });
const always = <V>(value: V): Result<V, YmError> => ({ ok: true, value });

/** Every method of research/yoomoney.md §4 but users/login (which needs no token), by path under /api/offerwall/v1/. */
export const METHODS: ReadonlyMap<string, MethodRunner> = new Map([
  ["categories/get", method("categories/get", C.CategoriesRequest, C.CategoriesResponse, () => always({ categories: [...CATEGORIES] }), success)],
  ["campaigns/create", method("campaigns/create", C.CreateCampaignRequest, C.CampaignStateResponse, createCampaign, success)],
  ["campaigns/update", method("campaigns/update", C.UpdateCampaignRequest, C.CampaignStateResponse, updateCampaign, success)],
  ["campaigns/start", method("campaigns/start", C.CampaignKeyRequest, C.CampaignStateResponse, startCampaign, success)],
  [
    "campaigns/stop",
    method("campaigns/stop", C.CampaignKeyRequest, C.StopCampaignResponse, stopCampaign, (result) => ({
      errors: {},
      result,
      status: "success" as const,
    })),
  ],
  ["campaigns/add-pins", addPinsInSlices],
  ["campaigns/redeem", method("campaigns/redeem", C.RedeemRequest, C.RedeemResponse, redeem, success)],
  ["campaigns/get", method("campaigns/get", C.CampaignKeyRequest, C.GetCampaignResponse, getCampaign, success)],
  ["campaigns/info", method("campaigns/info", C.CampaignKeyRequest, C.CampaignInfoResponse, campaignInfo, success)],
  [
    "campaigns/get-all-campaigns",
    method("campaigns/get-all-campaigns", C.ListCampaignsRequest, C.ListCampaignsResponse, (tenant, input) => always(listCampaigns(tenant, input.limit, input.offset)), (list) => ({
      status: "success" as const,
      ...list,
    })),
  ],
  [
    "campaigns/get-pins-by-status",
    method("campaigns/get-pins-by-status", C.PinsByStatusRequest, C.PinsByStatusResponse, (tenant, input) => pinsByStatus(tenant, input, input.pinStatus), success),
  ],
]);
