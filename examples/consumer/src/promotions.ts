// The consumer's own code: what this service asks of each provider, through promo-sandbox's typed clients
// (in production the same clients point at the real APIs; in tests, at Pact's mock server).
import { createMyshareClient, createWildberriesClient, createYooMoneyClient } from "promo-sandbox/clients";

export interface Api {
  baseUrl: string;
  token: string;
}

/** Thrown when a provider answers something this service does not handle. */
export class ProviderRefused extends Error {
  override readonly name = "ProviderRefused";
}

function refused(what: string, status: number, body: unknown): never {
  throw new ProviderRefused(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
}

/** YooMoney: how many one-off codes a campaign has left, out of how many. */
export async function pinsLeft(api: Api, ymCampaignId: number): Promise<{ unused: number; total: number }> {
  const reply = await createYooMoneyClient(api).campaignInfo({ body: { ymCampaignId } });
  if (reply.status !== 200 || reply.body.status !== "success") return refused(`campaigns/info ${ymCampaignId}`, reply.status, reply.body);
  return reply.body.result.campaignPinsStats;
}

/** YooMoney: reports a purchase made with the offer `clickId` and its one-off code (a lead, status used). */
export async function reportPurchase(api: Api, lead: { ymCampaignId: number; clickId: string; pinContent: string; orderId: string; fee: string }): Promise<string> {
  const reply = await createYooMoneyClient(api).redeem({
    body: { ymCampaignId: lead.ymCampaignId, clickId: lead.clickId, pinContent: lead.pinContent, transactionId: lead.orderId, campaignFee: lead.fee },
  });
  if (reply.status !== 200 || reply.body.status !== "success") return refused(`campaigns/redeem ${lead.orderId}`, reply.status, reply.body);
  return reply.body.result.redeemStatus;
}

/** Wildberries: the seller's money, in rubles. */
export async function sellerMoney(api: Api): Promise<{ balance: number; net: number; bonus: number }> {
  const reply = await createWildberriesClient(api).getBalance();
  if (reply.status !== 200) return refused("balance", reply.status, reply.body);
  return reply.body;
}

/** Wildberries: a campaign's budget, in rubles. */
export async function campaignBudget(api: Api, advertId: number): Promise<number> {
  const reply = await createWildberriesClient(api).getCampaignBudget({ query: { id: advertId } });
  if (reply.status !== 200) return refused(`budget of ${advertId}`, reply.status, reply.body);
  return reply.body.total;
}

/** myshare: the discount a partner's promo code gives in a catalog (by its 5-character public id); undefined for an unknown code. */
export async function promoDiscount(api: Api, code: string, publicId: string): Promise<number | undefined> {
  const reply = await createMyshareClient(api).checkPromo({ query: { code, catalog_id: publicId } });
  if (reply.status === 404) return undefined;
  if (reply.status !== 200) return refused(`check_promo ${code}`, reply.status, reply.body);
  return reply.body.percent_discounts;
}

/** myshare: a deal's status, by this service's own deal_id. */
export async function dealStatus(api: Api, dealId: string): Promise<string> {
  const reply = await createMyshareClient(api).getDeal({ params: { id: dealId } });
  if (reply.status !== 200) return refused(`deal ${dealId}`, reply.status, reply.body);
  return reply.body.status;
}
