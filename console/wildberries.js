// Wildberries: the seller's money with a top-up, promotion campaigns (status, budget, today's spend) with the
// moderator's decline, media campaigns, and a campaign's daily traffic drawn from the cells fullstats reads.
import uPlot from "uplot";
import { button, field, fill, h, num, onChange, table, when } from "./dom.js";

/** @typedef {import("./types.js").WbOverview} WbOverview */
/** @typedef {import("./types.js").WbTraffic} WbTraffic */
/** @typedef {WbOverview["campaigns"][number]} WbCampaign */

/** @type {Record<number, string>} */
const STATUS = { [-1]: "deleted", 4: "ready", 7: "finished", 8: "declined", 9: "active", 11: "paused" };
/** @type {Record<number, string>} */
const TYPE = { 8: "automatic", 9: "Auction" };
const DECLINABLE = [4, 9, 11];
/** The traffic chart's series: the field of a day, its label and colour, and its axis. */
const METRICS = [
  { key: "views", label: "views", colour: "#2f6fdf", scale: "views" },
  { key: "clicks", label: "clicks", colour: "#0f9d58", scale: "few" },
  { key: "orders", label: "orders", colour: "#8e44ad", scale: "few" },
  { key: "spend", label: "spend, ₽", colour: "#e08a00", scale: "rub" },
];

/**
 * @param {WbTraffic["days"][number]} day
 * @param {string} key
 */
function metricOf(day, key) {
  if (key === "views") return day.views;
  if (key === "clicks") return day.clicks;
  if (key === "orders") return day.orders;
  return day.spend;
}

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @returns {import("./types.js").Panel}
 */
export function createWildberriesPanel(root, ctx) {
  const { api } = ctx;
  /** @type {number | undefined} */
  let selected;
  const money = h("div", { class: "money", "data-testid": "wb-money" });
  const campaigns = h("div", {});
  const media = h("div", {});
  const trafficTitle = h("h3", {}, "Traffic per day");
  const chartBox = h("div", { class: "chart", "data-testid": "wb-chart" });
  const trafficTable = h("div", {});
  /** @type {uPlot | undefined} */
  let chart;
  /** The Moscow days the chart shows, by x (the day's index). */
  /** @type {string[]} */
  let labels = [];
  const traffic = h("div", { hidden: true }, trafficTitle, chartBox, trafficTable);

  /** @type {HTMLInputElement} */
  const amount = h("input", { name: "amount", type: "number", min: "1", step: "1", value: "10000", size: 10 });
  /** @type {HTMLSelectElement} */
  const target = h("select", { name: "target" }, h("option", { value: "balance" }, "account (balance)"), h("option", { value: "net" }, "balance (net)"), h("option", { value: "bonus" }, "bonus"));
  const topUp = async () => {
    const rubles = Number(amount.value);
    try {
      /** @type {{ balance: number, net: number, bonus: number }} */
      const after = await api.post("/wildberries/balance", { [target.value]: rubles });
      ctx.notify(`Wildberries money: account ${num(after.balance)} ₽, balance ${num(after.net)} ₽, bonus ${num(after.bonus)} ₽`);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };
  /** @param {number} id */
  const decline = async (id) => {
    try {
      await api.post(`/wildberries/campaigns/${id}/moderation`, { decision: "decline" });
      ctx.notify(`campaign ${id} declined (8)`);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };

  /** @param {WbCampaign} c */
  const campaignRow = (c) =>
    h(
      "tr",
      { "data-wb-campaign": c.advertId, "data-status": c.status, class: c.advertId === selected ? "selected" : "" },
      h("td", { class: "num" }, c.advertId),
      h("td", {}, c.name),
      h("td", {}, TYPE[c.type] ?? c.type),
      h("td", {}, h("span", { class: `state wb-${c.status}` }, `${c.status} ${STATUS[c.status] ?? ""}`)),
      h("td", { class: "num" }, `${num(c.budget)} ₽`),
      h("td", { class: "num", "data-testid": "today-spend" }, `${num(c.todaySpend, 2)} ₽`),
      h("td", {}, when(c.createTime)),
      h(
        "td",
        { class: "actions" },
        button("Traffic", async () => select(c.advertId), { "data-action": "traffic" }),
        DECLINABLE.includes(c.status) ? button("Decline", () => decline(c.advertId), { "data-action": "decline", class: "danger" }) : null,
      ),
    );

  const showOverview = onChange((/** @type {WbOverview} */ view) => {
    fill(
      money,
      h("span", {}, "account ", h("strong", { "data-money": "balance" }, `${num(view.money.balance)} ₽`)),
      h("span", {}, "balance ", h("strong", { "data-money": "net" }, `${num(view.money.net)} ₽`)),
      h("span", {}, "bonus ", h("strong", { "data-money": "bonus" }, `${num(view.money.bonus)} ₽`)),
    );
    fill(
      campaigns,
      table(
        ["advertId", "name", "type", "status", "budget", "spent today", "created", ""],
        view.campaigns,
        campaignRow,
        "No promotion campaigns: create one with POST /adv/v1/save-ad or /adv/v2/seacat/save-ad.",
        { "data-testid": "wb-campaigns" },
      ),
    );
    fill(
      media,
      table(
        ["advertId", "name", "brand", "type", "status", "budget", "expenses", "from", "to", "banners"],
        view.media,
        (m) =>
          h(
            "tr",
            { "data-wb-media": m.advertId },
            h("td", { class: "num" }, m.advertId),
            h("td", {}, m.name),
            h("td", {}, m.brand),
            h("td", {}, m.type === 1 ? "by days" : "by views"),
            h("td", {}, m.status),
            h("td", { class: "num" }, `${num(m.budget)} ₽`),
            h("td", { class: "num" }, `${num(m.expenses, 2)} ₽`),
            h("td", {}, when(m.from)),
            h("td", {}, when(m.to)),
            h("td", { class: "num" }, m.items),
          ),
        "No media campaigns: POST /__sandbox/wildberries/media-campaigns makes one.",
        { "data-testid": "wb-media" },
      ),
    );
  });

  const showTraffic = onChange((/** @type {WbTraffic} */ traffic) => {
    fill(trafficTitle, `Traffic per day — campaign ${traffic.advertId} `, h("span", { class: "muted" }, `(${traffic.interval.begin} … ${traffic.interval.end}, Moscow days, as fullstats reports them)`));
    const days = traffic.days;
    labels = days.map((d) => d.day);
    // x is the day's index (one tick per day, labelled with its Moscow date), so gaps in traffic do not stretch the axis.
    /** @type {uPlot.AlignedData} */
    const data = [days.map((_, i) => i), ...METRICS.map((m) => days.map((d) => metricOf(d, m.key)))];
    chartBox.dataset["traffic"] = JSON.stringify(days);
    chartBox.hidden = days.length === 0;
    if (chart === undefined) {
      const dayOf = (/** @type {number | null} */ i) => (i === null ? "—" : (labels[Math.round(i)] ?? ""));
      chart = new uPlot(
        {
          width: Math.max(300, chartBox.clientWidth),
          height: 240,
          scales: { x: { time: false, range: (_, min, max) => [min - 0.3, max + 0.3] }, views: { auto: true }, few: { auto: true }, rub: { auto: true } },
          axes: [
            { stroke: "#555", splits: () => labels.map((_, i) => i), values: (_, splits) => splits.map((i) => dayOf(i).slice(5)) },
            { scale: "views", stroke: "#2f6fdf", size: 55, label: "views", labelSize: 18 },
            { scale: "few", stroke: "#0f9d58", size: 40, grid: { show: false }, label: "clicks, orders", labelSize: 18 },
            { scale: "rub", side: 1, stroke: "#e08a00", size: 70, grid: { show: false }, values: (_, splits) => splits.map((v) => `${num(v)} ₽`) },
          ],
          series: [
            { label: "Moscow day", value: (_, i) => dayOf(i) },
            ...METRICS.map((m) => ({ label: m.label, stroke: m.colour, scale: m.scale, width: 2, points: { show: true, size: 6 } })),
          ],
        },
        data,
        chartBox,
      );
      new ResizeObserver(() => chart?.setSize({ width: Math.max(300, chartBox.clientWidth), height: 240 })).observe(chartBox);
    } else {
      chart.setData(data);
    }
    fill(
      trafficTable,
      traffic.reported
        ? table(
            ["Moscow day", "views", "clicks", "orders", "add to basket", "spend"],
            days,
            (d) =>
              h(
                "tr",
                { "data-day": d.day },
                h("td", {}, d.day),
                h("td", { class: "num", "data-metric": "views", "data-value": d.views }, num(d.views)),
                h("td", { class: "num", "data-metric": "clicks", "data-value": d.clicks }, num(d.clicks)),
                h("td", { class: "num", "data-metric": "orders", "data-value": d.orders }, num(d.orders)),
                h("td", { class: "num", "data-metric": "atbs", "data-value": d.atbs }, num(d.atbs)),
                h("td", { class: "num", "data-metric": "spend", "data-value": d.spend }, `${num(d.spend, 2)} ₽`),
              ),
            "No traffic yet: an active campaign (9) gets traffic every hour of the virtual clock; advance it.",
            { "data-testid": "wb-traffic" },
          )
        : h("p", { class: "empty" }, `fullstats does not report campaigns in status ${traffic.status} (only 7, 9 and 11), so there is nothing to draw.`),
    );
  });

  /** @param {number} id */
  async function select(id) {
    selected = id;
    for (const tr of campaigns.querySelectorAll("tr[data-wb-campaign]")) tr.classList.toggle("selected", tr.getAttribute("data-wb-campaign") === String(id));
    await refreshTraffic();
  }

  async function refreshTraffic() {
    traffic.hidden = selected === undefined;
    if (selected === undefined) return;
    try {
      /** @type {WbTraffic} */
      const traffic = await api.get(`/wildberries/campaigns/${selected}/traffic`);
      showTraffic(traffic);
    } catch (error) {
      selected = undefined;
      throw error;
    }
  }

  root.append(
    h("h2", {}, "Wildberries"),
    h(
      "div",
      { class: "row" },
      money,
      h(
        "form",
        {
          class: "row inline",
          onsubmit: (/** @type {SubmitEvent} */ event) => {
            event.preventDefault();
            void topUp();
          },
        },
        field("Top up ₽", amount),
        field("to", target),
        h("button", { type: "submit" }, "Top up"),
      ),
    ),
    h("h3", {}, "Promotion campaigns"),
    campaigns,
    traffic,
    h("h3", {}, "Media campaigns"),
    media,
  );

  return {
    async refresh() {
      /** @type {WbOverview} */
      const view = await api.get("/wildberries/overview");
      if (selected === undefined || !view.campaigns.some((c) => c.advertId === selected)) {
        selected = (view.campaigns.find((c) => c.status === 9 || c.status === 11 || c.status === 7) ?? view.campaigns[0])?.advertId;
      }
      showOverview(view);
      await refreshTraffic();
    },
  };
}
