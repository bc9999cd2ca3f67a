// myshare: the business partner's catalogs (with "a partner joins"), offers, partners and deals with their
// hold and cancel deadlines.
import { button, fill, h, num, onChange, table, when } from "./dom.js";

/** @typedef {import("./types.js").MsOverview} MsOverview */

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @returns {import("./types.js").Panel}
 */
export function createMysharePanel(root, ctx) {
  const { api } = ctx;
  const body = h("div", {});

  /** @param {string} catalogId */
  const join = async (catalogId) => {
    try {
      /** @type {import("./types.js").MsPartner} */
      const partner = await api.post("/myshare/partners", { catalog_id: catalogId });
      ctx.notify(`a partner joined: promo code ${partner.promo_code}, uid ${partner.uid}`);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };

  const show = onChange((/** @type {MsOverview} */ view) => {
    const title = new Map(view.catalogs.map((c) => [c.id, c.title]));
    const offerName = new Map(view.offers.map((o) => [o.id, o.name]));
    fill(
      body,
      h("h3", {}, "Catalogs"),
      table(
        ["title", "public id", "moderation", "published", "hold", "cancel after", "partners", ""],
        view.catalogs,
        (c) =>
          h(
            "tr",
            { "data-ms-catalog": c.id },
            h("td", {}, c.title, h("div", { class: "muted mono" }, c.id)),
            h("td", { class: "mono" }, c.publicId),
            h("td", {}, c.moderationType),
            h("td", {}, c.isPublished ? "yes" : "no"),
            h("td", {}, c.holdDuration),
            h("td", {}, c.canceledDuration),
            h("td", { class: "num" }, c.partners),
            h("td", { class: "actions" }, button("A partner joins", () => join(c.id), { "data-action": "join" })),
          ),
        "No catalogs: create one with POST /catalog/.",
        { "data-testid": "ms-catalogs" },
      ),
      h("h3", {}, "Offers"),
      table(
        ["name", "catalog", "active", "prices"],
        view.offers,
        (o) =>
          h(
            "tr",
            { "data-ms-offer": o.id },
            h("td", {}, o.name),
            h("td", {}, title.get(o.catalogId) ?? o.catalogId),
            h("td", {}, o.isActive ? "yes" : "no"),
            h("td", { class: "num" }, o.prices.map((p) => `${num(p.cost, 2)} ${p.currency}`).join(", ")),
          ),
        "No offers.",
        { "data-testid": "ms-offers" },
      ),
      h("h3", {}, "Partners"),
      table(
        ["catalog", "promo code", "uid", "percent"],
        view.partners,
        (p) =>
          h(
            "tr",
            { "data-ms-partner": p.id },
            h("td", {}, title.get(p.catalogId) ?? p.catalogId),
            h("td", { class: "mono" }, p.promoCode),
            h("td", { class: "mono" }, p.uid),
            h("td", { class: "num" }, `${p.percent} %`),
          ),
        "No partners yet: \"A partner joins\" makes one, with a promo code and a uid for deals.",
        { "data-testid": "ms-partners" },
      ),
      h("h3", {}, "Deals"),
      table(
        ["deal_id", "offer", "status", "cost", "payment", "converted", "hold ends", "cancels at"],
        view.deals,
        (d) =>
          h(
            "tr",
            { "data-ms-deal": d.id, "data-status": d.status },
            h("td", { class: "mono" }, d.dealId),
            h("td", {}, offerName.get(d.offerId) ?? d.offerId),
            h("td", {}, h("span", { class: `state ms-${d.status}` }, d.status)),
            h("td", { class: "num" }, `${num(d.cost, 2)} ${d.currency}`),
            h("td", { class: "num" }, `${num(d.paymentSum, 2)} ${d.currency}`),
            h("td", {}, when(d.conversionTime)),
            h("td", {}, when(d.holdDeadline)),
            h("td", {}, when(d.cancelDeadline)),
          ),
        "No deals: POST /deal/ reports one.",
        { "data-testid": "ms-deals" },
      ),
    );
  });

  root.append(h("h2", {}, "myshare"), body);
  return {
    async refresh() {
      /** @type {MsOverview} */
      const view = await api.get("/myshare/overview");
      show(view);
    },
  };
}
