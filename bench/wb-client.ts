/** The few Wildberries and control-plane calls the Wildberries benchmarks make, over HTTP with fetch. */
import { postJson } from "./yoomoney-client.js";

export async function wbCall(baseUrl: string, method: "GET" | "POST", path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const init: RequestInit = { method, headers: { authorization: token, "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

/** The seller's first subject and its first two nms (GET supplier/subjects, POST supplier/nms). */
async function firstProducts(baseUrl: string, token: string): Promise<{ subjectId: number; nms: number[] }> {
  const subjects = await wbCall(baseUrl, "GET", "/adv/v1/supplier/subjects", token);
  const first = Array.isArray(subjects.json) ? subjects.json[0] : undefined;
  const subjectId = field(first, "id");
  if (typeof subjectId !== "number") throw new Error(`supplier/subjects: HTTP ${subjects.status} ${subjects.text.slice(0, 200)}`);
  const nms = await wbCall(baseUrl, "POST", "/adv/v2/supplier/nms", token, [subjectId]);
  const list = Array.isArray(nms.json) ? nms.json.map((n) => field(n, "nm")).filter((n): n is number => typeof n === "number") : [];
  if (list.length === 0) throw new Error(`supplier/nms: HTTP ${nms.status} ${nms.text.slice(0, 200)}`);
  return { subjectId, nms: list.slice(0, 2) };
}

/**
 * Gives the seller `count` active automatic campaigns (save-ad, launched at once), each with a budget
 * of `budget` rubles (enough to stay active for the whole run), `inFlight` calls at a time.
 * Needs rate limits off. Returns the advertIds.
 */
export async function activeCampaigns(baseUrl: string, token: string, count: number, budget: number, inFlight = 8): Promise<number[]> {
  const funded = await postJson(baseUrl, "/__sandbox/wildberries/balance", token, { balance: count * budget });
  if (funded.status !== 200) throw new Error(`wildberries/balance: HTTP ${funded.status} ${funded.text.slice(0, 200)}`);
  const { subjectId, nms } = await firstProducts(baseUrl, token);
  const ids: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const body = { type: 8, name: `Кампания ${index + 1}`, subjectId, sum: budget, btype: 0, on_pause: false, nms, cpm: 150 };
      const created = await wbCall(baseUrl, "POST", "/adv/v1/save-ad", token, body);
      if (created.status !== 200 || typeof created.json !== "string") throw new Error(`save-ad: HTTP ${created.status} ${created.text.slice(0, 200)}`);
      ids.push(Number(created.json));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return ids;
}
