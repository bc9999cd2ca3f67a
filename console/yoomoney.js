// YooMoney: the tenant's campaigns (status, pin counts) with the moderator's approve and decline, and a user taking an offer.
import { button, fill, h, num, onChange, table, when } from "./dom.js";

/** @typedef {import("./types.js").YmCampaign} YmCampaign */

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @returns {import("./types.js").Panel}
 */
export function createYooMoneyPanel(root, ctx) {
  const { api } = ctx;
  const body = h("div", {});
  const lastOffer = h("div", { class: "muted", "data-testid": "ym-last-offer" });

  /**
   * @param {number} id
   * @param {"approve" | "decline"} decision
   */
  const moderate = async (id, decision) => {
    try {
      /** @type {{ campaignStatus: string }} */
      const verdict = await api.post(`/yoomoney/campaigns/${id}/moderation`, { decision });
      ctx.notify(`campaign ${id}: ${verdict.campaignStatus}`);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };
  /** @param {number} id */
  const takeOffer = async (id) => {
    try {
      /** @type {import("./types.js").YmOffer} */
      const offer = await api.post(`/yoomoney/campaigns/${id}/offers`);
      fill(
        lastOffer,
        `A user took campaign ${id}'s offer: clickId `,
        h("code", {}, offer.clickId),
        offer.pinContent === null ? "" : h("span", {}, ", code ", h("code", {}, offer.pinContent)),
        `, redeem before ${when(offer.expiresAt)}.`,
      );
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };

  /** @param {YmCampaign} c */
  const row = (c) =>
    h(
      "tr",
      { "data-ym-campaign": c.ymCampaignId, "data-status": c.status },
      h("td", { class: "num" }, c.ymCampaignId),
      h("td", { class: "num" }, c.partnerCampaignId),
      h("td", {}, c.merchantName, h("div", { class: "muted" }, c.description)),
      h("td", {}, c.campaignType, c.pinType === null ? "" : ` / ${c.pinType}`),
      h("td", {}, h("span", { class: `state ym-${c.status}`, "data-testid": "ym-status" }, c.status)),
      h("td", {}, when(c.campaignStart)),
      h("td", {}, when(c.campaignEnd)),
      h("td", { class: "num", title: "unused / total; handed out; redeemed" }, `${num(c.pins.unused)} / ${num(c.pins.total)}; ${num(c.pins.accepted)}; ${num(c.pins.redeemed)}`),
      h("td", { class: "num", "data-offers": c.offers }, c.offers),
      h("td", { class: "num", "data-leads": c.leads }, c.leads),
      h(
        "td",
        { class: "actions" },
        c.status === "moderation" ? button("Approve", () => moderate(c.ymCampaignId, "approve"), { "data-action": "approve" }) : null,
        c.status === "moderation" ? button("Decline", () => moderate(c.ymCampaignId, "decline"), { "data-action": "decline", class: "danger" }) : null,
        c.status === "started" ? button("A user takes an offer", () => takeOffer(c.ymCampaignId), { "data-action": "take-offer" }) : null,
      ),
    );

  const show = onChange((/** @type {YmCampaign[]} */ campaigns) =>
    fill(
      body,
      table(
        ["id", "partner id", "merchant", "type", "status", "start", "end", "pins: unused / total; out; redeemed", "offers", "leads", ""],
        campaigns,
        row,
        "No YooMoney campaigns: create one with POST /api/offerwall/v1/campaigns/create.",
        { "data-testid": "ym-campaigns" },
      ),
    ),
  );

  root.append(h("h2", {}, "YooMoney campaigns"), body, lastOffer);
  return {
    async refresh() {
      /** @type {{ campaigns: YmCampaign[] }} */
      const view = await api.get("/yoomoney/campaigns");
      show(view.campaigns);
    },
  };
}
