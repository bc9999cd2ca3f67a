// The tenant's events, live (the event stream, or polling where the sandbox has none), filtered by provider
// and cause, as a list and as a chart against the virtual clock.
import uPlot from "uplot";
import { field, fill, h, table, when } from "./dom.js";
import { readStream } from "./sse.js";

/** @typedef {import("./types.js").Event} SandboxEvent */

const CAUSES = ["request", "timer", "control", "fault"];
/** @type {Record<string, string>} */
const CAUSE_COLOURS = { request: "#2f6fdf", timer: "#e08a00", control: "#6b7280", fault: "#d1242f" };
/** Events kept in the page (the newest). */
const KEEP = 5000;
/** Rows the list shows (the newest). */
const SHOWN = 150;
const POLL_MS = 1000;

/**
 * @param {unknown} value
 */
function short(value) {
  if (value === null || value === undefined) return "∅";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @returns {import("./types.js").Panel}
 */
export function createTimelinePanel(root, ctx) {
  const { api } = ctx;
  /** @type {SandboxEvent[]} */
  let events = [];
  let lastSeq = 0;
  let stopped = false;
  let mode = "starting";
  const controller = new AbortController();

  /** @type {HTMLSelectElement} */
  const provider = h("select", { name: "provider" }, h("option", { value: "" }, "all"), ...ctx.providers.map((p) => h("option", { value: p }, p)));
  /** @type {HTMLSelectElement} */
  const cause = h("select", { name: "cause" }, h("option", { value: "" }, "all"), ...CAUSES.map((c) => h("option", { value: c }, c)));
  const status = h("span", { class: "muted", "data-testid": "timeline-mode" }, "");
  const chartBox = h("div", { class: "chart", "data-testid": "timeline-chart" });
  const list = h("div", { class: "scroll" });
  const lanes = [...ctx.providers, "sandbox"];

  const filtered = () => events.filter((e) => (provider.value === "" || e.provider === provider.value) && (cause.value === "" || e.cause === cause.value));

  /** @type {uPlot | undefined} */
  let chart;
  /** @param {SandboxEvent[]} shown */
  const draw = (shown) => {
    const sorted = [...shown].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const xs = sorted.map((e) => Date.parse(e.at) / 1000);
    const lane = (/** @type {SandboxEvent} */ e) => Math.max(0, lanes.indexOf(e.provider) === -1 ? lanes.length - 1 : lanes.indexOf(e.provider));
    /** @type {uPlot.AlignedData} */
    const data = [xs, ...CAUSES.map((c) => sorted.map((e) => (e.cause === c ? lane(e) : null)))];
    if (chart === undefined) {
      chart = new uPlot(
        {
          width: Math.max(300, chartBox.clientWidth),
          height: 170,
          legend: { show: true },
          cursor: { drag: { x: true, y: false } },
          scales: { x: { time: true, auto: false }, y: { range: [-0.5, lanes.length - 0.5] } },
          axes: [
            { stroke: "#555", space: 90 },
            { stroke: "#555", size: 90, splits: () => lanes.map((_, i) => i), values: (_, splits) => splits.map((v) => lanes[v] ?? "") },
          ],
          series: [
            { label: "virtual time" },
            ...CAUSES.map((c) => ({
              label: c,
              stroke: CAUSE_COLOURS[c] ?? "#888",
              fill: CAUSE_COLOURS[c] ?? "#888",
              paths: () => null,
              points: { show: true, size: 8, width: 1 },
            })),
          ],
        },
        data,
        chartBox,
      );
      new ResizeObserver(() => chart?.setSize({ width: Math.max(300, chartBox.clientWidth), height: 170 })).observe(chartBox);
    } else {
      chart.setData(data, false);
    }
    // The span of the events shown, a little wider; one event (or a burst in one instant) gets an hour either
    // side, so the axis reads as times of day, not years.
    const first = xs[0];
    const last = xs[xs.length - 1];
    if (first !== undefined && last !== undefined) {
      const pad = last - first < 60 ? 3600 : (last - first) * 0.03;
      chart.setScale("x", { min: first - pad, max: last + pad });
    }
  };

  const render = () => {
    const shown = filtered();
    draw(shown);
    const newest = shown.slice(-SHOWN).reverse();
    fill(
      list,
      table(
        ["#", "virtual time", "provider", "entity", "id", "from → to", "cause"],
        newest,
        (e) =>
          h(
            "tr",
            { "data-seq": e.seq, "data-cause": e.cause, "data-provider": e.provider, title: e.detail === undefined ? "" : JSON.stringify(e.detail) },
            h("td", { class: "num" }, e.seq),
            h("td", {}, when(e.at)),
            h("td", {}, e.provider),
            h("td", {}, e.entity),
            h("td", { class: "mono" }, e.id),
            h("td", { class: "mono" }, `${short(e.from)} → ${short(e.to)}`),
            h("td", {}, h("span", { class: `cause ${e.cause}` }, e.cause)),
          ),
        "No events yet: every state change appears here, with its cause.",
        { "data-testid": "timeline-list" },
      ),
    );
  };
  provider.addEventListener("change", render);
  cause.addEventListener("change", render);

  /** @param {readonly SandboxEvent[]} fresh */
  const add = (fresh) => {
    const news = fresh.filter((e) => e.seq > lastSeq);
    if (news.length === 0) return;
    events = [...events, ...news].slice(-KEEP);
    lastSeq = news.reduce((max, e) => Math.max(max, e.seq), lastSeq);
    render();
    ctx.changed();
  };

  const poll = async () => {
    /** @type {{ events: SandboxEvent[] }} */
    const page = await api.get(`/events?since=${lastSeq}`);
    add(page.events);
  };

  /** Follows the event stream; resolves false when the sandbox has none (then the panel polls). */
  const follow = async () => {
    const response = await api.raw("/events/stream", { headers: { Accept: "text/event-stream", "Last-Event-ID": String(lastSeq) }, signal: controller.signal });
    if (response.status === 404 || response.status === 405) return false;
    if (!response.ok || response.body === null) throw new Error(`the event stream answered ${response.status}`);
    mode = "live (event stream)";
    status.textContent = mode;
    await readStream(response.body, (message) => {
      /** @type {SandboxEvent} */
      const event = JSON.parse(message.data);
      if (typeof event === "object" && event !== null && typeof event.seq === "number") add([event]);
    });
    return true;
  };

  const run = async () => {
    try {
      await poll();
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    while (!stopped) {
      try {
        const streamed = mode !== "polling" && (await follow());
        if (!streamed) {
          mode = "polling";
          status.textContent = `live (polling every ${POLL_MS / 1000} s)`;
          await poll();
        }
      } catch {
        if (stopped) return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  root.append(
    h("h2", {}, "Timeline ", status),
    h("div", { class: "row" }, field("Provider", provider), field("Cause", cause)),
    chartBox,
    list,
  );
  render();
  void run();

  return {
    async refresh() {},
    stop() {
      stopped = true;
      controller.abort();
    },
  };
}
