import { describe, expect, it } from "vitest";
import { createMyshareClient } from "../../src/clients/myshare/index.js";
import { createSandboxControlClient } from "../../src/clients/sandbox/index.js";
import { UnexpectedResponse } from "../../src/clients/unexpected-response.js";
import { createWildberriesClient } from "../../src/clients/wildberries/index.js";
import { createYooMoneyClient } from "../../src/clients/yoomoney/index.js";

/** The generated clients' requests and their reading of answers the sandbox never gives, over a fake fetch. */

interface Sent {
  url: string;
  method: string | undefined;
  headers: Headers;
  body: string | undefined;
}

/** A fetch that records each request and answers `status` with `body` (a string is sent as is, undefined as no body) and `headers`. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    sent.push({ url: String(input), method: init?.method, headers: new Headers(init?.headers), body: typeof init?.body === "string" ? init.body : undefined });
    const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers });
  };
  return { sent, fetch };
}

const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

const gatewayBody = (status: number, title: string) => ({
  title,
  detail: "limited by c122a060-a7fb-4bb4-abb0-32fd4e18d489",
  code: "07e4668e-ac2242c5c8c5-[UK-4dx7JUdskGZ]",
  requestId: "9d3c02cc698f8b041c661a7c28bed293",
  origin: "s2s-api-auth-adv",
  status,
  statusText: "Too Many Requests",
  timestamp: "2026-01-15T09:00:00Z",
});

describe("the Wildberries client", () => {
  const wb = (answer: ReturnType<typeof answering>) => createWildberriesClient({ baseUrl: "http://wb.test/", token: "raw-token", fetch: answer.fetch });

  it("sends the token raw in Authorization and the query; an empty 200 has an undefined body", async () => {
    const answer = answering(200, undefined, { "X-Ratelimit-Remaining": "4" });
    const reply = await wb(answer).pauseCampaign({ query: { id: 42 } });
    expect(seen(reply)).toEqual({ status: 200, body: undefined });
    expect(reply.headers.get("x-ratelimit-remaining")).toBe("4");
    expect(answer.sent).toHaveLength(1);
    expect(answer.sent[0]).toMatchObject({ url: "http://wb.test/adv/v0/pause?id=42", method: "GET", body: undefined });
    expect(answer.sent[0]?.headers.get("authorization")).toBe("raw-token");
    expect(answer.sent[0]?.headers.get("content-type")).toBeNull();
  });

  it("sends query filters in order with the JSON body; 204 has an undefined body", async () => {
    const answer = answering(204, undefined);
    expect(seen(await wb(answer).getCampaigns({ query: { status: 9, type: 9, order: "id", direction: "asc" }, body: [] }))).toEqual({ status: 204, body: undefined });
    expect(answer.sent[0]).toMatchObject({ url: "http://wb.test/adv/v1/promotion/adverts?status=9&type=9&order=id&direction=asc", method: "POST", body: "[]" });
    expect(answer.sent[0]?.headers.get("content-type")).toBe("application/json");
  });

  it("parses a 429 with the gateway's object, X-Ratelimit-Retry in its headers", async () => {
    const gateway = gatewayBody(429, "too many requests");
    const reply = await wb(answering(429, gateway, { "X-Ratelimit-Retry": "12", "X-Ratelimit-Limit": "5", "X-Ratelimit-Reset": "60" })).createAuctionCampaign({
      body: { campaignName: "A", nms: [1] },
    });
    expect(seen(reply)).toEqual({ status: 429, body: gateway });
    expect(reply.headers.get("x-ratelimit-retry")).toBe("12");
  });

  it("throws on a 429 without X-Ratelimit-Retry: the client cannot say when to retry", async () => {
    await expect(wb(answering(429, gatewayBody(429, "too many requests"))).startCampaign({ query: { id: 1 } })).rejects.toThrow(
      'Wildberries startCampaign answered HTTP 429 with a body the client cannot read: its headers break the documented ones (X-Ratelimit-Retry: Invalid input: expected string, received undefined). Check baseUrl points at the Promotion API (advert-api)',
    );
  });

  it("parses a method's own documented errors: {\"error\"} or a bare JSON string, as its status documents", async () => {
    const object = { error: "Некорректный ID кампании" };
    expect(seen(await wb(answering(400, object)).deleteCampaign({ query: { id: 1 } }))).toEqual({ status: 400, body: object });
    const text = "кампания не найдена или не принадлежит продавцу";
    expect(seen(await wb(answering(422, JSON.stringify(text))).renameCampaign({ body: { advertId: 1, name: "x" } }))).toEqual({ status: 422, body: text });
  });

  it("takes a text/plain answer as the JSON string its status documents", async () => {
    const reply = await wb(answering(422, "Статус кампании не изменен", { "Content-Type": "text/plain" })).startCampaign({ query: { id: 1 } });
    expect(seen(reply)).toEqual({ status: 422, body: "Статус кампании не изменен" });
  });

  it("throws, quoting the body, when a 200 is not JSON", async () => {
    await expect(wb(answering(200, "<html>Bad Gateway</html>")).createAuctionCampaign({ body: { campaignName: "A", nms: [1] } })).rejects.toThrow(
      'Wildberries createAuctionCampaign answered HTTP 200 with a body the client cannot read: the body is not JSON. Check baseUrl points at the Promotion API (advert-api) (it got: "<html>Bad Gateway</html>")',
    );
  });

  it("throws, naming the first problem, when a 200 breaks its schema", async () => {
    await expect(wb(answering(200, JSON.stringify("1234567"))).createAuctionCampaign({ body: { campaignName: "A", nms: [1] } })).rejects.toThrow(
      "Wildberries createAuctionCampaign answered HTTP 200 with a body the client cannot read: it does not match the documented answer (Invalid input: expected number, received string)",
    );
  });

  it("throws when an empty 200 comes with a body", async () => {
    await expect(wb(answering(200, { ok: true })).startCampaign({ query: { id: 1 } })).rejects.toThrow(
      "Wildberries startCampaign answered HTTP 200 with a body the client cannot read: a body came where the operation documents none",
    );
  });

  it("throws one UnexpectedResponse for a status neither the operation nor the gateway documents", async () => {
    const failure = await wb(answering(418, gatewayBody(418, "teapot"))).getBalance().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnexpectedResponse);
    expect(failure).toMatchObject({ operation: "Wildberries getBalance", httpStatus: 418 });
    expect(String(failure)).toContain("HTTP 418 is not an answer the operation documents (it documents 200, 400, 401, 404, 405, 413, 429, 500)");
  });
});

describe("the YooMoney client", () => {
  const ym = (answer: ReturnType<typeof answering>, token: string | undefined = "t-1") =>
    createYooMoneyClient({ baseUrl: "http://ym.test/", token, fetch: answer.fetch });

  it("POSTs JSON to {baseUrl}/api/offerwall/v1/<method> with the bearer token", async () => {
    const answer = answering(200, { status: "success", total: 0, campaigns: [] });
    expect(seen(await ym(answer).listCampaigns({ body: { limit: 10, offset: 0 } }))).toEqual({ status: 200, body: { status: "success", total: 0, campaigns: [] } });
    expect(answer.sent[0]).toMatchObject({ url: "http://ym.test/api/offerwall/v1/campaigns/get-all-campaigns", method: "POST", body: '{"limit":10,"offset":0}' });
    expect(answer.sent[0]?.headers.get("authorization")).toBe("Bearer t-1");
    expect(answer.sent[0]?.headers.get("content-type")).toBe("application/json");
  });

  it("sends users/login without a token, even when the client has one", async () => {
    const answer = answering(200, { accessToken: "a.b.c", tokenType: "Bearer", expiresIn: 3600 });
    expect(seen(await ym(answer).login({ body: { login: "l", password: "p" } }))).toEqual({ status: 200, body: { accessToken: "a.b.c", tokenType: "Bearer", expiresIn: 3600 } });
    expect(answer.sent[0]?.headers.get("authorization")).toBeNull();
  });

  it.each([400, 413] as const)("parses HTTP %i with the error envelope", async (status) => {
    const envelope = { status: "error", errors: { code: "incorrectData", value: "Incorrect data", description: "what failed", parameter: "body" } };
    expect(seen(await ym(answering(status, envelope)).getCampaign({ body: { ymCampaignId: 7 } }))).toEqual({ status, body: envelope });
  });

  it("throws when a result body comes with an error status", async () => {
    await expect(ym(answering(500, { status: "success", result: { ymCampaignId: 7, campaignStatus: "paused" } })).stopCampaign({ body: { ymCampaignId: 7 } })).rejects.toThrow(
      "YooMoney stopCampaign answered HTTP 500 with a body the client cannot read: it does not match the documented answer",
    );
  });
});

describe("the myshare and control-plane clients", () => {
  it("myshare sends its token raw and fills the path parameter, percent-encoded", async () => {
    const answer = answering(404, { detail: "Not found." });
    const client = createMyshareClient({ baseUrl: "http://ms.test", token: "ms-token", fetch: answer.fetch });
    expect(seen(await client.getDeal({ params: { id: "a/b c" } }))).toEqual({ status: 404, body: { detail: "Not found." } });
    expect(answer.sent[0]).toMatchObject({ url: "http://ms.test/deal/a%2Fb%20c/", method: "GET" });
    expect(answer.sent[0]?.headers.get("authorization")).toBe("ms-token");
  });

  it("the control plane sends Bearer <token> under /__sandbox, the admin token only where the admin is asked", async () => {
    const answer = answering(200, { tenants: [] });
    const control = createSandboxControlClient({ baseUrl: "http://sb.test", token: "tenant-1", adminToken: "admin-1", fetch: answer.fetch });
    await control.listTenants().catch(() => undefined);
    await control.getClock().catch(() => undefined);
    await control.health().catch(() => undefined);
    expect(answer.sent.map((request) => [request.url, request.headers.get("authorization")])).toEqual([
      ["http://sb.test/__sandbox/tenants", "Bearer admin-1"],
      ["http://sb.test/__sandbox/clock", "Bearer tenant-1"],
      ["http://sb.test/__sandbox/health", null],
    ]);
  });
});
