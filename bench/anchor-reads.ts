/**
 * The two stateful reads the anchors bench loads, set up in a fresh sandbox and recorded once, so the
 * anchors can be made to answer exactly the same bytes.
 */
import { activeCampaigns } from "./wb-client.js";
import { TOKEN_HEADER, campaignBody, createCampaign, postJson, successResult } from "./yoomoney-client.js";

/** One request and the answer the sandbox gave to it. */
export interface RecordedRead {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  contentType: string;
  text: string;
}

const YM_TOKEN = "bench-anchors-yoomoney";
const WB_TOKEN = "bench-anchors-wildberries";
const WB_CAMPAIGNS = 5;
/** Rubles per campaign: far more than the hours of traffic a bench run lasts can spend. */
const WB_BUDGET = 50_000;

type ReadRequest = Omit<RecordedRead, "contentType" | "text">;

async function send(baseUrl: string, read: ReadRequest): Promise<{ status: number; contentType: string; text: string }> {
  const init: RequestInit = { method: read.method, headers: read.headers };
  if (read.body !== undefined) init.body = read.body;
  const response = await fetch(`${baseUrl}${read.path}`, init);
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text: await response.text() };
}

async function record(baseUrl: string, read: ReadRequest): Promise<RecordedRead> {
  const answer = await send(baseUrl, read);
  if (answer.status !== 200) throw new Error(`${read.method} ${read.path}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  return { ...read, contentType: answer.contentType, text: answer.text };
}

/** YooMoney POST campaigns/get of one stored campaign (a ~0.8 KB answer). */
export async function yoomoneyCampaignGet(baseUrl: string): Promise<RecordedRead> {
  const ymCampaignId = await createCampaign(baseUrl, YM_TOKEN, campaignBody(1));
  const read = await record(baseUrl, {
    method: "POST",
    path: "/api/offerwall/v1/campaigns/get",
    headers: TOKEN_HEADER(YM_TOKEN),
    body: JSON.stringify({ ymCampaignId }),
  });
  successResult({ status: 200, text: read.text, json: JSON.parse(read.text) }, "campaigns/get");
  return read;
}

/**
 * Wildberries GET promotion/count of a seller with a few active automatic campaigns, after the clock has
 * moved past the next 3-minute sync so the count shows them (consistency: realistic).
 */
export async function wildberriesPromotionCount(baseUrl: string): Promise<RecordedRead> {
  await activeCampaigns(baseUrl, WB_TOKEN, WB_CAMPAIGNS, WB_BUDGET);
  const advanced = await postJson(baseUrl, "/__sandbox/clock/advance", WB_TOKEN, { by: "PT4M" });
  if (advanced.status !== 200) throw new Error(`clock/advance PT4M: HTTP ${advanced.status} ${advanced.text.slice(0, 300)}`);
  const read = await record(baseUrl, { method: "GET", path: "/adv/v1/promotion/count", headers: { authorization: WB_TOKEN } });
  const json: unknown = JSON.parse(read.text);
  const all: unknown = typeof json === "object" && json !== null ? Reflect.get(json, "all") : undefined;
  if (all !== WB_CAMPAIGNS) throw new Error(`promotion/count shows ${String(all)} campaigns, ${WB_CAMPAIGNS} expected: ${read.text.slice(0, 300)}`);
  return read;
}

/** The same request to another server, whose answer must be byte for byte the recorded one. */
export async function answersSame(baseUrl: string, read: RecordedRead, what: string): Promise<void> {
  const again = await send(baseUrl, read);
  if (again.status !== 200 || again.text !== read.text) {
    throw new Error(`${what} ${read.method} ${read.path}: HTTP ${again.status}, body differs from the sandbox's: ${again.text.slice(0, 200)}`);
  }
}
