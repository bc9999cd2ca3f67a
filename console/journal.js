// The tenant's request journal: every provider call with its status, duration, operation and fault; bodies on expand.
import { button, field, fill, h, onChange, pretty, when } from "./dom.js";

/** @typedef {import("./types.js").JournalEntry} JournalEntry */

/** Calls the panel reads (the newest). */
const LIMIT = 100;

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @returns {import("./types.js").Panel}
 */
export function createJournalPanel(root, ctx) {
  const { api } = ctx;
  /** @type {Set<number>} */
  const open = new Set();
  /** @type {JournalEntry[]} */
  let entries = [];
  /** @type {HTMLSelectElement} */
  const provider = h("select", { name: "provider" }, h("option", { value: "" }, "all"), ...ctx.providers.map((p) => h("option", { value: p }, p)));
  const body = h("div", { class: "scroll tall" });
  const count = h("span", { class: "muted" }, "");

  const render = () => {
    if (entries.length === 0) {
      fill(body, h("p", { class: "empty" }, "No provider calls yet. Control-plane calls (like this console's) are not journaled."));
      return;
    }
    const rows = [...entries].reverse().flatMap((entry) => {
      const expanded = open.has(entry.seq);
      const toggle = () => {
        if (open.has(entry.seq)) open.delete(entry.seq);
        else open.add(entry.seq);
        render();
      };
      const statusClass = entry.status >= 500 ? "s5" : entry.status >= 400 ? "s4" : "s2";
      const main = h(
        "tr",
        { class: `clickable${expanded ? " open" : ""}`, "data-seq": entry.seq, "data-status": entry.status, onclick: toggle },
        h("td", {}, when(entry.at)),
        h("td", {}, entry.method),
        h("td", { class: "mono" }, entry.path + (entry.query === "" ? "" : `?${entry.query}`)),
        h("td", {}, h("span", { class: `status ${statusClass}` }, entry.status)),
        h("td", { class: "num" }, `${entry.durationMs.toFixed(1)} ms`),
        h("td", {}, entry.operation ?? (entry.nearestOperation === null ? "—" : `(nearest: ${entry.nearestOperation})`)),
        h("td", {}, entry.fault === null ? "" : h("span", { class: "cause fault" }, entry.fault)),
      );
      if (!expanded) return [main];
      const detail = h(
        "tr",
        { class: "detail" },
        h(
          "td",
          { colspan: 7 },
          h(
            "div",
            { class: "bodies" },
            h("div", {}, h("h4", {}, "Headers"), h("pre", {}, pretty(entry.headers))),
            h("div", {}, h("h4", {}, "Request body"), h("pre", { "data-testid": "request-body" }, pretty(entry.requestBody))),
            h("div", {}, h("h4", {}, "Response body"), h("pre", { "data-testid": "response-body" }, pretty(entry.responseBody))),
          ),
        ),
      );
      return [main, detail];
    });
    fill(
      body,
      h(
        "table",
        { "data-testid": "journal" },
        h("thead", {}, h("tr", {}, ...["virtual time", "method", "path", "status", "duration", "operation", "fault"].map((t) => h("th", {}, t)))),
        h("tbody", {}, ...rows),
      ),
    );
  };
  const show = onChange((/** @type {JournalEntry[]} */ data) => {
    entries = data;
    count.textContent = `${data.length} call${data.length === 1 ? "" : "s"} (newest first, click one for its bodies)`;
    render();
  });

  const clear = async () => {
    await api.del("/requests");
    open.clear();
    ctx.changed();
  };
  provider.addEventListener("change", () => void refresh());

  root.append(h("h2", {}, "Request journal ", count), h("div", { class: "row" }, field("Provider", provider), button("Clear journal", clear)), body);

  async function refresh() {
    const query = new URLSearchParams({ limit: String(LIMIT) });
    if (provider.value !== "") query.set("provider", provider.value);
    /** @type {{ requests: JournalEntry[] }} */
    const page = await api.get(`/requests?${query}`);
    show(page.requests);
  }
  return { refresh };
}
