// Faults: make the tenant's provider calls fail in the provider's own dialect, be slow, or lose their connection.
import { button, field, fill, h, onChange, table, when } from "./dom.js";

/** @typedef {import("./types.js").Fault} Fault */
/** @typedef {import("./types.js").FaultRequest} FaultRequest */

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * A number field's value, or undefined when empty.
 * @param {HTMLInputElement} input
 */
function numberOf(input) {
  const text = input.value.trim();
  return text === "" ? undefined : Number(text);
}

/**
 * A text field's value, or undefined when empty.
 * @param {HTMLInputElement | HTMLSelectElement} input
 */
function textOf(input) {
  const text = input.value.trim();
  return text === "" ? undefined : text;
}

/** @param {Fault} f */
function matchText(f) {
  const parts = [f.provider ?? "any provider", f.operation, f.method, f.path].filter((p) => p !== undefined);
  return parts.join(" · ");
}

/** @param {Fault} f */
function actionText(f) {
  const parts = [];
  if (f.respond !== undefined) parts.push(`answer ${f.respond.status}${f.respond.body === undefined ? " (provider's own body)" : " (given body)"}`);
  if (f.connection !== undefined) parts.push(`${f.connection} the connection`);
  if (f.delayMs !== undefined) parts.push(`delay ${f.delayMs} ms`);
  return parts.join(", ");
}

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @returns {import("./types.js").Panel}
 */
export function createFaultsPanel(root, ctx) {
  const { api } = ctx;
  const list = h("div", {});
  /** @type {HTMLSelectElement} */
  const provider = h("select", { name: "provider" }, h("option", { value: "" }, "any"), ...ctx.providers.map((p) => h("option", { value: p }, p)));
  const operations = h("datalist", { id: "fault-operations" });
  /** @type {HTMLInputElement} */
  const operation = h("input", { name: "operation", list: "fault-operations", placeholder: "any", size: 16 });
  /** @type {HTMLSelectElement} */
  const method = h("select", { name: "method" }, h("option", { value: "" }, "any"), ...METHODS.map((m) => h("option", { value: m }, m)));
  /** @type {HTMLInputElement} */
  const path = h("input", { name: "path", placeholder: "any, or /adv/v1/*", size: 14 });
  /** @type {HTMLSelectElement} */
  const action = h(
    "select",
    { name: "action" },
    h("option", { value: "respond" }, "answer a status"),
    h("option", { value: "drop" }, "drop the connection"),
    h("option", { value: "reset" }, "reset the connection"),
    h("option", { value: "delay" }, "only delay"),
  );
  /** @type {HTMLInputElement} */
  const status = h("input", { name: "status", type: "number", min: "200", max: "599", value: "503", size: 5 });
  /** @type {HTMLTextAreaElement} */
  const body = h("textarea", { name: "body", rows: 1, placeholder: "the provider's own error body", cols: 22 });
  /** @type {HTMLInputElement} */
  const delay = h("input", { name: "delayMs", type: "number", min: "1", max: "30000", placeholder: "none", size: 6 });
  /** @type {HTMLInputElement} */
  const times = h("input", { name: "times", type: "number", min: "1", placeholder: "every call", size: 6 });
  /** @type {HTMLInputElement} */
  const probability = h("input", { name: "probability", type: "number", min: "0", max: "1", step: "0.01", placeholder: "1", size: 5 });
  /** @type {HTMLInputElement} */
  const seed = h("input", { name: "seed", placeholder: "the id", size: 6 });
  /** @type {HTMLInputElement} */
  const from = h("input", { name: "from", placeholder: "now, PT10H or an instant", size: 12 });
  /** @type {HTMLInputElement} */
  const to = h("input", { name: "to", placeholder: "never, PT12H …", size: 12 });

  /** The operation ids of the chosen provider's document, for the operation field. */
  const loadOperations = async () => {
    fill(operations);
    if (provider.value === "") return;
    const response = await fetch(`/__sandbox/openapi/${encodeURIComponent(provider.value)}.json`);
    if (!response.ok) return;
    /** @type {{ paths: Record<string, Record<string, { operationId?: string }>> }} */
    const document = await response.json();
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).flatMap((op) => (typeof op?.operationId === "string" ? [op.operationId] : [])));
    fill(operations, ...ids.sort().map((id) => h("option", { value: id })));
  };
  provider.addEventListener("change", () => void loadOperations());

  const add = async () => {
    /** @type {Record<string, unknown>} */
    const fault = {
      provider: textOf(provider),
      operation: textOf(operation),
      method: textOf(method),
      path: textOf(path),
      delayMs: numberOf(delay),
      times: numberOf(times),
      probability: numberOf(probability),
      seed: textOf(seed),
      from: textOf(from),
      to: textOf(to),
    };
    if (action.value === "respond") {
      const text = body.value.trim();
      try {
        fault["respond"] = text === "" ? { status: Number(status.value) } : { status: Number(status.value), body: JSON.parse(text) };
      } catch {
        ctx.notify("the body is not JSON: leave it empty for the provider's own error body", "error");
        return;
      }
    } else if (action.value === "drop" || action.value === "reset") {
      fault["connection"] = action.value;
    }
    try {
      /** @type {Fault} */
      const added = await api.post("/faults", Object.fromEntries(Object.entries(fault).filter(([, v]) => v !== undefined)));
      ctx.notify(`fault ${added.id} added: ${actionText(added)} for ${matchText(added)}`);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };
  /** @param {string} [id] */
  const remove = async (id) => {
    try {
      await api.del(id === undefined ? "/faults" : `/faults/${encodeURIComponent(id)}`);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };

  const show = onChange((/** @type {Fault[]} */ faults) =>
    fill(
      list,
      table(
        ["id", "matches", "does", "window", "left", "applied", ""],
        faults,
        (f) =>
          h(
            "tr",
            { "data-fault": f.id },
            h("td", { class: "mono" }, f.id),
            h("td", {}, matchText(f)),
            h("td", {}, actionText(f), f.probability === undefined ? "" : h("div", { class: "muted" }, `probability ${f.probability}`)),
            h("td", {}, f.from === undefined && f.to === undefined ? "always" : `${when(f.from)} → ${when(f.to)}`),
            h("td", { class: "num", "data-remaining": f.remaining ?? "" }, f.remaining === null ? "∞" : f.remaining),
            h("td", { class: "num", "data-applied": f.applied }, f.applied),
            h("td", { class: "actions" }, button("Remove", () => remove(f.id), { "data-action": "remove" })),
          ),
        "No faults: every call is answered as the provider would.",
        { "data-testid": "faults" },
      ),
    ),
  );

  root.append(
    h("h2", {}, "Faults"),
    list,
    h(
      "details",
      { class: "add-fault" },
      h("summary", {}, "Add a fault…"),
      h(
      "form",
      {
        class: "grid-form",
        "data-testid": "fault-form",
        onsubmit: (/** @type {SubmitEvent} */ event) => {
          event.preventDefault();
          void add();
        },
      },
      field("Provider", provider),
      field("Operation", operation),
      operations,
      field("Method", method),
      field("Path", path),
      field("Then", action),
      field("Status", status),
      field("Body (JSON)", body),
      field("Delay ms", delay),
      field("Times", times),
      field("Probability", probability),
      field("Seed", seed),
      field("From", from),
      field("To", to),
      h("div", { class: "row" }, h("button", { type: "submit" }, "Add fault"), button("Remove all", () => remove(), { class: "danger" })),
      ),
    ),
  );

  return {
    async refresh() {
      try {
        /** @type {{ faults: Fault[] }} */
        const page = await api.get("/faults");
        show(page.faults);
      } catch (error) {
        if (error instanceof Error && "status" in error && error.status === 404) {
          fill(list, h("p", { class: "empty" }, "This sandbox has no faults yet."));
          return;
        }
        throw error;
      }
    },
  };
}
