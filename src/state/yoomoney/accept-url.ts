import type { Campaign } from "./model.js";

/** The {{variables}} an acceptUrl may use (tracking-link-format page). */
export const TEMPLATE_VARIABLES: readonly string[] = ["campaignId", "ymCampaignId", "couponCode", "currentDate"];

/**
 * The link a user is sent to: template variables substituted url-encoded, then the clickId appended
 * (`&clickId=` when the link already has a query, `?clickId=` otherwise), before any #fragment.
 */
export function renderAcceptUrl(campaign: Campaign, couponCode: string | null, clickId: string, now: number): string | null {
  const template = campaign.fields.acceptUrl;
  if (template === undefined) return null;
  const values: Record<string, string> = {
    campaignId: String(campaign.fields.partnerCampaignId),
    ymCampaignId: String(campaign.ymCampaignId),
    couponCode: couponCode ?? "",
    currentDate: new Date(now).toISOString().slice(0, 23),
  };
  const rendered = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
  const hashAt = rendered.indexOf("#");
  const base = hashAt === -1 ? rendered : rendered.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : rendered.slice(hashAt);
  const separator = base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
  return `${base}${separator}clickId=${encodeURIComponent(clickId)}${fragment}`;
}
