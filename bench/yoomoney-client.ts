/** The few YooMoney and control-plane calls the benchmarks make, over HTTP with fetch. */

export const TOKEN_HEADER = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
});

export interface CallResult {
  status: number;
  text: string;
  json: unknown;
}

export async function postJson(baseUrl: string, path: string, token: string, body: unknown): Promise<CallResult> {
  const response = await fetch(`${baseUrl}${path}`, { method: "POST", headers: TOKEN_HEADER(token), body: JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `result` of a YooMoney success envelope; throws with the body on anything else. */
export function successResult(call: CallResult, what: string): Record<string, unknown> {
  if (call.status === 200 && isRecord(call.json) && call.json["status"] === "success" && isRecord(call.json["result"])) {
    return call.json["result"];
  }
  throw new Error(`${what}: HTTP ${call.status} ${call.text.slice(0, 400)}`);
}

/** A code campaign with one-off pins, as the YooMoney docs' create example. */
export function campaignBody(partnerCampaignId: number, campaignEnd = "2027-12-31T23:59:59+03:00"): Record<string, unknown> {
  return {
    partnerCampaignId,
    categoryId: 39,
    campaignType: "codeOnline",
    pinType: "one-off",
    pinDisplayType: "text",
    acceptUrl: "https://example.com/promo?code={{couponCode}}",
    campaignEnd,
    merchantDomain: "example.com",
    merchantLogoSvg: "https://example.com/i/logo.svg",
    merchantLogoPng: "https://example.com/i/logo.png",
    merchantName: "Магазин",
    backgroundColor: "#1e1e1e",
    fontColor: "#ffffff",
    description: "Скидка на товары для детей",
    conditions: "Промокод действует 10 дней",
    discountType: "percent",
    discountAmount: "10",
    campaignFee: "100",
    feeType: "fix",
  };
}

/** Creates a campaign and returns its ymCampaignId. */
export async function createCampaign(baseUrl: string, token: string, body: Record<string, unknown>): Promise<number> {
  const result = successResult(await postJson(baseUrl, "/api/offerwall/v1/campaigns/create", token, body), "campaigns/create");
  const id = result["ymCampaignId"];
  if (typeof id !== "number") throw new Error(`campaigns/create: no numeric ymCampaignId in ${JSON.stringify(result)}`);
  return id;
}

/** The status of GET `path` (the sandbox's health by default). */
export async function health(baseUrl: string, path = "/__sandbox/health"): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`);
  await response.arrayBuffer();
  return response.status;
}
